package io.streamsight.processors.medication.sig;

import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * The tokens of one sig and the questions the grammar asks about the token at an index ("is it the
 * word x?", "a unit of time?"). The word, number and punctuation lookups answer "no" (null, false)
 * past either end, so the grammar can look ahead without bounds checks.
 */
abstract class TokenView {

  final String sig;
  final List<Token> t;
  final int n;

  TokenView(String sig) {
    this.sig = sig;
    this.t = withoutRestatedNumbers(SigTokenizer.tokenize(sig));
    this.n = t.size();
  }

  /**
   * Drops a figure in parentheses that restates the number word before it, or a number word that
   * restates the figure: "one (1) tablet", "2 (two) puffs" as e-prescriptions write them.
   */
  private static List<Token> withoutRestatedNumbers(List<Token> tokens) {
    for (int i = tokens.size() - 4; i >= 0; i--) {
      Token before = tokens.get(i);
      Token inside = tokens.get(i + 2);
      if (tokens.get(i + 1).isPunct('(')
          && tokens.get(i + 3).isPunct(')')
          && value(before) != null
          && value(before).equals(value(inside))
          && before.type != inside.type) {
        tokens.subList(i + 1, i + 4).clear();
      }
    }
    return tokens;
  }

  private static Double value(Token tk) {
    if (tk.type == Token.NUMBER) {
      return tk.value;
    }
    return tk.type == Token.WORD ? Vocabulary.NUMBERS.get(tk.text) : null;
  }

  final String w(int i) {
    if (i < 0 || i >= n) {
      return null;
    }
    Token tk = t.get(i);
    return tk.type == Token.WORD ? tk.text : null;
  }

  final boolean isW(int i, String s) {
    return s.equals(w(i));
  }

  final boolean isNum(int i) {
    return i >= 0 && i < n && t.get(i).type == Token.NUMBER;
  }

  final boolean isP(int i, char c) {
    return i >= 0 && i < n && t.get(i).isPunct(c);
  }

  final String wOr(int i) {
    String w = w(i);
    return w == null ? "" : w;
  }

  final int phrase(int i, String... words) {
    for (int k = 0; k < words.length; k++) {
      String want = words[k];
      if (want.length() == 1 && !Character.isLetter(want.charAt(0))) {
        if (!isP(i + k, want.charAt(0))) {
          return -1;
        }
      } else if (!isW(i + k, want)) {
        return -1;
      }
    }
    return i + words.length;
  }

  final UnitsOfTime timeUnit(int i) {
    String w = w(i);
    return w == null ? null : Vocabulary.TIME_UNITS.get(w);
  }

  final boolean isTimeUnit(int i) {
    return timeUnit(i) != null;
  }

  /** A course-length unit: a unit of time, or "nights" ("x 7 nights"). */
  final UnitsOfTime courseUnit(int i) {
    if (isW(i, "nights") || isW(i, "night")) {
      return UnitsOfTime.D;
    }
    return timeUnit(i);
  }

  final boolean isSeparatorPunct(int i) {
    Token tk = t.get(i);
    if (!tk.isPunct()) {
      return false;
    }
    char c = tk.text.charAt(0);
    return c == ',' || c == ';' || c == '.' || c == '/' || c == '|' || c == '+' || c == '-'
        || c == '&';
  }

  final boolean isSoftEnd(int i) {
    return isP(i, ',') || isP(i, ';') || isP(i, '.') || isP(i, ')');
  }

  /** The original text of tokens {@code [start, end)}, lower-cased. */
  final String text(int start, int end) {
    return sig.substring(t.get(start).start, t.get(end - 1).end).toLowerCase(Locale.ROOT);
  }
}
