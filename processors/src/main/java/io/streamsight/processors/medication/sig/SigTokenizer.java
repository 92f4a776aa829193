package io.streamsight.processors.medication.sig;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sig into words, numbers and punctuation in one pass, without regular expressions.
 *
 * <p>Rules that matter for sig shorthand:
 *
 * <ul>
 *   <li>letters and digits are split where they meet, so {@code q4h} is {@code q 4 h}, {@code t1t}
 *       is {@code t 1 t}, {@code x10d} is {@code x 10 d} and {@code 250mg} is {@code 250 mg};
 *   <li>dots inside dotted abbreviations are dropped ({@code b.i.d.} is {@code bid}, {@code p.o.}
 *       is {@code po}), and so is a dot between a letter and a digit ({@code q.4.d} is {@code q 4
 *       d}); any other dot is a punctuation token;
 *   <li>a number may have a decimal part ({@code 1.5}, {@code .5}), thousands separators ({@code
 *       15,000}) and a trailing vulgar fraction ({@code 1½}); {@code 1/2} stays three tokens;
 *   <li>words are lower-cased; apostrophes inside words are dropped ({@code don't} is {@code
 *       dont}).
 * </ul>
 */
final class SigTokenizer {

  private SigTokenizer() {}

  static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>(16);
    int n = s.length();
    int i = 0;
    boolean space = true;
    StringBuilder word = new StringBuilder(16);
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
        i++;
        continue;
      }
      double vulgar = vulgarFraction(c);
      if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)) && !prevDigit(s, i))) {
        i = number(s, i, space, out);
        space = false;
        continue;
      }
      if (vulgar > 0) {
        out.add(
            new Token(
                Token.NUMBER, String.valueOf(c), vulgar, i, i + 1, space, Token.VULGAR_FRACTION));
        i++;
        space = false;
        continue;
      }
      if (isLetter(c)) {
        // "1x3", "1xweekly", "1xHS": an x written against a number is the multiplier
        if ((c == 'x' || c == 'X')
            && !space
            && !out.isEmpty()
            && out.get(out.size() - 1).isNumber()
            && i + 1 < n
            && isLetter(s.charAt(i + 1))) {
          out.add(new Token(Token.WORD, "x", 0, i, i + 1, false, 0));
          i++;
          continue;
        }
        int start = i;
        word.setLength(0);
        int segment = 0;
        while (i < n) {
          char d = s.charAt(i);
          if (isLetter(d)) {
            word.append(Character.toLowerCase(d));
            segment++;
            i++;
          } else if (d == '\'' || d == '\u2019') {
            if (i + 1 < n && isLetter(s.charAt(i + 1)) && word.length() > 0) {
              i++;
            } else {
              break;
            }
          } else if (d == '.' && segment <= 2 && i + 1 < n && isLetter(s.charAt(i + 1))) {
            // dotted abbreviation: b.i.d, p.o., q.a.m.
            segment = 0;
            i++;
          } else {
            break;
          }
        }
        out.add(new Token(Token.WORD, word.toString(), 0, start, i, space, 0));
        // a dot between a letter and a digit ("q.4.d") carries nothing
        if (i + 1 < n && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
          i++;
        }
        space = false;
        continue;
      }
      if (c == '\u00d7') { // multiplication sign: "1×3"
        out.add(new Token(Token.WORD, "x", 0, i, i + 1, space, 0));
      } else {
        char p = c == '\u2044' ? '/' : c; // fraction slash
        if (p == '\u2013' || p == '\u2014') {
          p = '-';
        }
        out.add(new Token(Token.PUNCT, String.valueOf(p), 0, i, i + 1, space, 0));
      }
      i++;
      space = false;
    }
    return out;
  }

  private static int number(String s, int i, boolean space, List<Token> out) {
    int n = s.length();
    int start = i;
    long whole = 0;
    int flags = 0;
    if (s.charAt(i) == '.') {
      flags |= Token.NO_LEADING_ZERO;
    }
    while (i < n && isDigit(s.charAt(i))) {
      whole = whole * 10 + (s.charAt(i) - '0');
      i++;
      // thousands separator: exactly three digits follow and then no digit
      if (i + 3 < n
          && s.charAt(i) == ','
          && isDigit(s.charAt(i + 1))
          && isDigit(s.charAt(i + 2))
          && isDigit(s.charAt(i + 3))
          && (i + 4 >= n || !isDigit(s.charAt(i + 4)))) {
        i++;
      }
    }
    double value = whole;
    if (i + 1 < n && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
      i++;
      double scale = 0.1;
      boolean allZero = true;
      while (i < n && isDigit(s.charAt(i))) {
        int d = s.charAt(i) - '0';
        if (d != 0) {
          allZero = false;
        }
        value += d * scale;
        scale /= 10;
        i++;
      }
      if (allZero) {
        flags |= Token.TRAILING_ZERO;
      }
      // round away binary noise: 0.1 + 0.05 style sums
      value = Math.round(value * 1e9) / 1e9;
    }
    if (i < n && vulgarFraction(s.charAt(i)) > 0) {
      value += vulgarFraction(s.charAt(i));
      flags |= Token.VULGAR_FRACTION;
      i++;
    }
    out.add(new Token(Token.NUMBER, s.substring(start, i), value, start, i, space, flags));
    // a dot between a digit and a letter ("q.4.d") carries nothing
    if (i + 1 < n && s.charAt(i) == '.' && isLetter(s.charAt(i + 1))) {
      i++;
    }
    return i;
  }

  private static boolean prevDigit(String s, int i) {
    return i > 0 && isDigit(s.charAt(i - 1));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return Character.isLetter(c) || c == '\u00b5';
  }

  private static double vulgarFraction(char c) {
    switch (c) {
      case '\u00bd' -> {
        return 0.5;
      }
      case '\u00bc' -> {
        return 0.25;
      }
      case '\u00be' -> {
        return 0.75;
      }
      case '\u2153' -> {
        return 1.0 / 3;
      }
      case '\u2154' -> {
        return 2.0 / 3;
      }
      case '\u215b' -> {
        return 0.125;
      }
      default -> {
        return 0;
      }
    }
  }
}
