package io.streamsight.processors.medication.sig;

/**
 * Numbers and dose units as written at a token index: digits, fractions, number words, Latin "ss"
 * and Roman numerals, ranges, and the unit words after them.
 */
abstract class QuantityView extends TokenView {

  QuantityView(String sig) {
    super(sig);
  }

  /** Whether a number word ("two", "a half") starts at {@code i}. */
  final boolean isNumberWord(int i) {
    String w = w(i);
    if (w == null) {
      return false;
    }
    if (Vocabulary.NUMBERS.containsKey(w)) {
      return true;
    }
    return (w.equals("a") || w.equals("an")) && (isW(i + 1, "half") || isW(i + 1, "quarter"));
  }

  /**
   * Reads a quantity at {@code i}: a number, fraction ("1/2", "½"), mixed number ("1 1/2"), word
   * ("two", "half", "one and a half", "half a"), Latin "ss" or Roman numeral (when {@code roman}),
   * optionally a range ("1-2", "one to two", "1 or 2"). Writes low and high (NaN when no range) and
   * returns the index after it, or -1.
   */
  final int quantity(int i, double[] out, boolean roman) {
    int j = single(i, out, roman);
    if (j < 0) {
      return -1;
    }
    double low = out[0];
    out[1] = Double.NaN;
    if ((isP(j, '-') || isW(j, "to") || isW(j, "or")) && j + 1 < n) {
      double[] hi = new double[2];
      int k = single(j + 1, hi, roman);
      if (k > 0 && hi[0] > low) {
        if (isP(k, '-') && isNum(k + 1)) {
          return -1; // "1-0-1": meal-dash notation is not read
        }
        out[0] = low;
        out[1] = hi[0];
        return k;
      }
    }
    out[0] = low;
    return j;
  }

  /** One quantity without a range into {@code out[0]}; returns the index after it, or -1. */
  final int single(int i, double[] out, boolean roman) {
    if (i >= n) {
      return -1;
    }
    Token tk = t.get(i);
    if (tk.isNumber()) {
      double v = tk.value;
      int j = i + 1;
      // fraction 1/2 written without spaces
      if (isP(j, '/') && isNum(j + 1) && !t.get(j).spaceBefore && !t.get(j + 1).spaceBefore) {
        double den = t.get(j + 1).value;
        if (den > 0 && v < den && (tk.flags & Token.VULGAR_FRACTION) == 0) {
          v = v / den;
          j += 2;
        }
      } else if (v == Math.rint(v) && isNum(j) && t.get(j).value < 1) {
        // mixed number: "1 ½"
        Token next = t.get(j);
        if ((next.flags & Token.VULGAR_FRACTION) != 0 && next.value < 1) {
          v += next.value;
          j++;
        }
      } else if (v == Math.rint(v)
          && isNum(j)
          && isP(j + 1, '/')
          && isNum(j + 2)
          && !t.get(j + 1).spaceBefore) {
        // mixed number: "1 1/2"
        double num = t.get(j).value;
        double den = t.get(j + 2).value;
        if (den > 0 && num < den) {
          v += num / den;
          j += 3;
        }
      }
      if (isW(j, "ss")) {
        v += 0.5;
        j++;
      }
      out[0] = v;
      return j;
    }
    String w = w(i);
    if (w == null) {
      return -1;
    }
    if ((w.equals("a") || w.equals("an")) && (isW(i + 1, "half") || isW(i + 1, "quarter"))) {
      out[0] = isW(i + 1, "half") ? 0.5 : 0.25;
      return i + 2;
    }
    if (w.equals("half") || w.equals("quarter")) {
      out[0] = w.equals("half") ? 0.5 : 0.25;
      int j = i + 1;
      if (isW(j, "a") || isW(j, "an")) {
        j++; // "half a tablet"
      }
      return j;
    }
    Double word = Vocabulary.NUMBERS.get(w);
    if (word != null) {
      double v = word;
      int j = i + 1;
      // "one-half", "one half"
      if (v == 1 && (isW(j, "half") || (isP(j, '-') && isW(j + 1, "half")))) {
        out[0] = 0.5;
        return isW(j, "half") ? j + 1 : j + 2;
      }
      // "one and a half", "two and one-half"
      if (isW(j, "and")) {
        int k = j + 1;
        if (isW(k, "a") || isW(k, "one")) {
          k++;
        }
        if (isP(k, '-')) {
          k++;
        }
        if (isW(k, "half")) {
          out[0] = v + 0.5;
          return k + 1;
        }
      }
      out[0] = v;
      return j;
    }
    if (w.equals("ss") && roman) {
      out[0] = 0.5;
      return i + 1;
    }
    if (roman) {
      int r = roman(w);
      if (r > 0) {
        int j = i + 1;
        double v = r;
        if (isW(j, "ss")) {
          v += 0.5;
          j++;
        }
        out[0] = v;
        return j;
      }
    }
    return -1;
  }

  /** The value of a Roman numeral from "i" to "iii", else 0. */
  static int roman(String w) {
    switch (w) {
      case "i" -> {
        return 1;
      }
      case "ii" -> {
        return 2;
      }
      case "iii" -> {
        return 3;
      }
      default -> {
        return 0;
      }
    }
  }

  /** Whether a Roman numeral (or range) at {@code i} counts a unit ("ii tabs"), not a word. */
  final boolean isRomanBeforeUnit(int i) {
    String w = w(i);
    if (w == null || roman(w) == 0) {
      return false;
    }
    int j = i + 1;
    if (isW(j, "ss")) {
      j++;
    }
    // "i-ii tabs": a range of Roman numerals
    if ((isP(j, '-') || isW(j, "to")) && roman(wOr(j + 1)) > 0) {
      j += 2;
    }
    return unitAt(j) != null;
  }

  /** The dose unit at {@code i}, including "cc" (mL) and "t" (tablet) after a number. */
  final DoseUnit unitAt(int i) {
    String w = w(i);
    if (w == null) {
      if (isP(i, '%')) {
        return DoseUnit.PERCENT;
      }
      return null;
    }
    switch (w) {
      case "cc" -> {
        return DoseUnit.ML;
      }
      case "t" -> {
        return DoseUnit.TABLET;
      }
      case "c" -> {
        // "t2c": attached to its count, c is a capsule; alone it is "with food"
        return i > 0 && t.get(i - 1).isNumber() && !t.get(i).spaceBefore ? DoseUnit.CAPSULE : null;
      }
      case "international" -> {
        return isW(i + 1, "units") || isW(i + 1, "unit") ? DoseUnit.UNIT : null;
      }
      case "million" -> {
        return isW(i + 1, "units") || isW(i + 1, "unit") ? DoseUnit.MILLION_UNITS : null;
      }
      case "inhalation" -> {
        return DoseUnit.INHALATION;
      }
      default -> {
        return Vocabulary.UNITS.get(w);
      }
    }
  }

  /** The index after the unit words at {@code i} ("international units", "cm ribbon"). */
  final int unitEnd(int i, DoseUnit unit) {
    String w = w(i);
    if ("international".equals(w) || "million".equals(w)) {
      return i + 2;
    }
    int j = i + 1;
    if (unit == DoseUnit.RIBBON_CM || unit == DoseUnit.INCH) {
      if (isW(j, "ribbon") || isW(j, "strip")) {
        j++;
      }
    }
    if (isP(j, '.') && !t.get(j).spaceBefore && isNum(j + 1)) {
      return j; // "mg.5"? leave the dot alone
    }
    return j;
  }
}
