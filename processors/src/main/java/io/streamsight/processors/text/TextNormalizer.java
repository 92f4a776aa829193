package io.streamsight.processors.text;

import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import java.text.Normalizer;

/**
 * Puts free text into the one shape every text consumer can rely on: Unicode NFC, no control or
 * invisible formatting characters, all whitespace collapsed to single spaces on one line, no
 * leading or trailing space.
 *
 * <p>Decisions, in the order they apply:
 *
 * <ol>
 *   <li><b>Unpaired surrogates</b> become U+FFFD, the replacement character, rather than rejecting
 *       the text: that is what a UTF-8 decoder (Avro's included) does with malformed bytes, so text
 *       arriving from Kafka already follows the rule, and the loss stays visible where Avro's
 *       encoder would silently write {@code ?}.
 *   <li><b>Whitespace</b>, every kind: ASCII space, tab, CR, LF, vertical tab, form feed, the
 *       information separators U+001C..U+001F, NEL U+0085, NBSP U+00A0, the other Unicode spaces
 *       (category Zs: U+2000..U+200A, U+202F, U+205F, U+3000, ...) and the line and paragraph
 *       separators U+2028/U+2029, collapses to one U+0020 per run. Line breaks are not kept: the
 *       consumers (order parsing, matching, models) work on one line of words, and producers break
 *       lines in arbitrary places (terminal width, chat clients), so breaks carry no meaning that
 *       survives reliably.
 *   <li><b>Removed</b>: the other control characters (category Cc) and the invisible formatting
 *       characters that only steer rendering: soft hyphen U+00AD, Arabic letter mark U+061C,
 *       Mongolian vowel separator U+180E, zero-width space U+200B, the directional marks,
 *       embeddings, overrides and isolates (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069: text
 *       that reorders itself on screen is a spoofing vector), word joiner and invisible operators
 *       U+2060..U+2064, U+206A..U+206F, the byte-order mark / zero-width no-break space U+FEFF, and
 *       the interlinear annotation characters U+FFF9..U+FFFB. <b>Kept</b>: zero-width non-joiner
 *       U+200C and joiner U+200D, which are spelling in Persian and Indic scripts and hold emoji
 *       sequences together, and variation selectors.
 *   <li><b>NFC, not NFKC</b>, after the removals (so that a mark separated from its letter by an
 *       invisible character still composes: e + U+0301 becomes é). NFKC would rewrite compatibility
 *       characters that carry meaning in health text: ½ would become 1⁄2, which a digit parser
 *       reads as 12; ² in mg/m² would become a plain 2; the micro sign µ would become Greek mu. NFC
 *       only composes and reorders canonically equivalent sequences, so it never changes what a
 *       reader sees. Consumers that want fullwidth digits or ligatures folded do it themselves.
 *   <li><b>Limits</b>: an empty result is rejected ({@link Reason#EMPTY}); a result longer than
 *       {@code maxChars} Unicode code points (not UTF-16 units) is rejected ({@link
 *       Reason#OVERSIZE}). The limit applies to the normalised text, what consumers receive.
 * </ol>
 *
 * <p>Idempotent ({@code normalize(normalize(s)).equals(normalize(s))}), stateless and thread-safe.
 */
public final class TextNormalizer {

  private static final char REPLACEMENT = '\uFFFD';

  private final int maxChars;

  /**
   * @param maxChars longest normalised text accepted, in code points ({@code text.max.chars})
   */
  public TextNormalizer(int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
    }
    this.maxChars = maxChars;
  }

  /** The limit this normaliser enforces, in code points. */
  public int maxChars() {
    return maxChars;
  }

  /**
   * Returns {@code text} normalised as the class documentation describes.
   *
   * @throws RejectedInputException {@link Reason#EMPTY} when {@code text} is null or nothing is
   *     left after normalisation; {@link Reason#OVERSIZE} when more than {@code maxChars} code
   *     points are left
   */
  public String normalize(String text) {
    if (text == null) {
      throw new RejectedInputException(Reason.EMPTY, "text is missing");
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int cp;
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        cp = Character.toCodePoint(c, text.charAt(i + 1));
        i += 2;
      } else {
        cp = Character.isSurrogate(c) ? REPLACEMENT : c;
        i++;
      }
      if (isWhitespace(cp)) {
        // Leading whitespace is dropped; a run is written only once a character follows it.
        pendingSpace = out.length() > 0;
      } else if (!isRemoved(cp)) {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.appendCodePoint(cp);
      }
    }
    String normalised = Normalizer.normalize(out, Normalizer.Form.NFC);
    if (normalised.isEmpty()) {
      throw new RejectedInputException(
          Reason.EMPTY,
          "text is empty after normalisation ("
              + text.length()
              + " UTF-16 units of whitespace, control or invisible characters)");
    }
    int length = normalised.codePointCount(0, normalised.length());
    if (length > maxChars) {
      throw new RejectedInputException(
          Reason.OVERSIZE,
          "text too long: " + length + " characters exceeds text.max.chars=" + maxChars);
    }
    return normalised;
  }

  static boolean isWhitespace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x0085;
  }

  static boolean isRemoved(int cp) {
    if (Character.getType(cp) == Character.CONTROL) {
      return true;
    }
    return cp == 0x00AD
        || cp == 0x061C
        || cp == 0x180E
        || cp == 0x200B
        || cp == 0x200E
        || cp == 0x200F
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2060 && cp <= 0x2064)
        || (cp >= 0x2066 && cp <= 0x206F)
        || cp == 0xFEFF
        || (cp >= 0xFFF9 && cp <= 0xFFFB);
  }
}
