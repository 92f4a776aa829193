package io.streamsight.processors.ocr;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Puts back the word spaces the PP-OCR recogniser leaves out on Latin text ({@code NOPARKING},
 * {@code histogramofgreyvalues}), from what the CTC output says between two characters.
 *
 * <p>The recogniser is trained mostly on Chinese, where there are no spaces; on English it often
 * emits a blank where a space belongs, but the space class still gets a clearly raised probability
 * there. Measured on real pages and signs: inside words the space probability between two
 * characters stays at or below about 0.03; at word gaps the recogniser did not mark it is mostly
 * 0.1 to 0.5. The probability looked at is the highest over the steps between the two characters,
 * or over their own two steps when they are adjacent. A space is inserted when
 *
 * <ul>
 *   <li>it reaches {@value #STRONG}; or
 *   <li>it reaches {@value #WEAK} and the layout agrees: the characters are a letter and a digit
 *       ({@code GM125}), the first is {@code , ; : ! ?} or a closing bracket and the second a
 *       letter, a full stop ends a word of two or more letters and a capital follows, or the two
 *       characters are {@value #WIDE_PITCH} times further apart than the line's median character
 *       pitch.
 * </ul>
 *
 * Never between two CJK characters, and never next to a space the recogniser emitted. On lines
 * without CJK characters, full-width ASCII forms ({@code （}, {@code ，}) become ASCII.
 */
final class SpaceRecovery {

  /** Space probability that alone marks a word gap. */
  static final float STRONG = 0.08f;

  /** Space probability that marks a word gap when the layout agrees. */
  static final float WEAK = 0.02f;

  /** Pitch, as a multiple of the line's median pitch, that counts as a wide gap. */
  static final double WIDE_PITCH = 1.6;

  private final CtcDecoder decoder;

  SpaceRecovery(CtcDecoder decoder) {
    this.decoder = requireNonNull(decoder, "decoder");
  }

  /** The decoded line's text with the recovered spaces. */
  String recover(CtcDecoder.Decoded decoded) {
    List<CtcDecoder.Emission> emissions = decoded.emissions();
    if (emissions.isEmpty()) {
      return "";
    }
    double medianPitch = medianPitch(emissions);
    boolean cjk = false;
    for (CtcDecoder.Emission e : emissions) {
      cjk |= isCjk(decoder.symbol(e.symbol()));
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < emissions.size(); i++) {
      CtcDecoder.Emission e = emissions.get(i);
      String symbol = decoder.symbol(e.symbol());
      if (i > 0 && spaceBefore(decoded, i, medianPitch)) {
        text.append(' ');
      }
      text.append(cjk ? symbol : ascii(symbol));
    }
    return text.toString().strip().replaceAll(" {2,}", " ");
  }

  /** Whether a space goes between emission {@code i - 1} and emission {@code i}. */
  private boolean spaceBefore(CtcDecoder.Decoded decoded, int i, double medianPitch) {
    CtcDecoder.Emission a = decoded.emissions().get(i - 1);
    CtcDecoder.Emission b = decoded.emissions().get(i);
    int space = decoder.space();
    if (a.symbol() == space || b.symbol() == space) {
      return false;
    }
    String left = decoder.symbol(a.symbol());
    String right = decoder.symbol(b.symbol());
    if (isCjk(left) || isCjk(right)) {
      return false;
    }
    float p = 0;
    if (b.first() - a.last() > 1) {
      for (int t = a.last() + 1; t < b.first(); t++) {
        p = Math.max(p, decoded.spaceProb(t));
      }
    } else {
      p = Math.max(decoded.spaceProb(a.last()), decoded.spaceProb(b.first()));
    }
    if (p >= STRONG) {
      return true;
    }
    if (p < WEAK) {
      return false;
    }
    int l = left.codePointAt(left.length() - 1);
    int r = right.codePointAt(0);
    boolean letterDigit =
        (Character.isLetter(l) && Character.isDigit(r))
            || (Character.isDigit(l) && Character.isLetter(r));
    boolean afterPunctuation = ",;:!?)]}".indexOf(l) >= 0 && Character.isLetter(r);
    boolean sentence = l == '.' && Character.isUpperCase(r) && lettersBefore(decoded, i - 1) >= 2;
    boolean wide = medianPitch > 0 && b.first() - a.first() >= WIDE_PITCH * medianPitch;
    return letterDigit || afterPunctuation || sentence || wide;
  }

  /** How many letters come right before emission {@code end}. */
  private int lettersBefore(CtcDecoder.Decoded decoded, int end) {
    List<CtcDecoder.Emission> emissions = decoded.emissions();
    int count = 0;
    for (int i = end - 1; i >= 0; i--) {
      String s = decoder.symbol(emissions.get(i).symbol());
      if (s.isEmpty() || !Character.isLetter(s.codePointAt(0))) {
        break;
      }
      count++;
    }
    return count;
  }

  /** Median distance in steps between the starts of consecutive characters. */
  private static double medianPitch(List<CtcDecoder.Emission> emissions) {
    if (emissions.size() < 3) {
      return 0;
    }
    int[] pitch = new int[emissions.size() - 1];
    for (int i = 1; i < emissions.size(); i++) {
      pitch[i - 1] = emissions.get(i).first() - emissions.get(i - 1).first();
    }
    Arrays.sort(pitch);
    return pitch[pitch.length / 2];
  }

  static boolean isCjk(String symbol) {
    return symbol
        .codePoints()
        .anyMatch(
            c -> {
              Character.UnicodeScript script = Character.UnicodeScript.of(c);
              return script == Character.UnicodeScript.HAN
                  || script == Character.UnicodeScript.HIRAGANA
                  || script == Character.UnicodeScript.KATAKANA
                  || script == Character.UnicodeScript.HANGUL
                  || script == Character.UnicodeScript.BOPOMOFO;
            });
  }

  /** Full-width ASCII forms (U+FF01..U+FF5E) and the ideographic space as ASCII. */
  static String ascii(String symbol) {
    StringBuilder out = new StringBuilder(symbol.length());
    for (int i = 0; i < symbol.length(); i++) {
      char c = symbol.charAt(i);
      if (c >= '\uff01' && c <= '\uff5e') {
        out.append((char) (c - 0xfee0));
      } else if (c == '\u3000') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
