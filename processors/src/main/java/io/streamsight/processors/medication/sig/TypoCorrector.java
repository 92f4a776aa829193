package io.streamsight.processors.medication.sig;

/**
 * Corrects a misspelt sig word when exactly one word of the grammar is one edit away, so that
 * "tabelt", "dialy" and "twise" read as tablet, daily and twice, while a drug name or an indication
 * is left alone.
 *
 * <p>An edit is a Damerau transposition (allowed for words of three letters or more: "dya" is day),
 * or an insertion, deletion or substitution (five letters or more, so that short real words such as
 * "rash" are never turned into grammar words such as "wash"). Ambiguous words (two candidates) are
 * not corrected.
 */
final class TypoCorrector {

  private TypoCorrector() {}

  /** The one grammar word {@code word} is a typo of, or null. */
  static String correct(String word) {
    int len = word.length();
    if (len < 3 || !isAlpha(word)) {
      return null;
    }
    String found = null;
    for (String candidate : Vocabulary.CORRECTABLE) {
      if (candidate.equals(word)) {
        return null;
      }
      if (oneEdit(word, candidate)) {
        if (found != null && !found.equals(candidate)) {
          return null;
        }
        found = candidate;
      }
    }
    return found;
  }

  /**
   * The verb {@code word} is a typo of, allowing a substitution in a four-letter word ("takr"):
   * only for a word in verb position (the start of a part, before the dose), where no drug name or
   * indication can be mistaken for it.
   */
  static String correctVerb(String word) {
    if (word.length() != 4 || !isAlpha(word)) {
      return null;
    }
    String found = null;
    for (String verb : Vocabulary.VERBS.keySet()) {
      if (verb.length() == 4 && differsByOne(word, verb)) {
        if (found != null) {
          return null;
        }
        found = verb;
      }
    }
    return found;
  }

  private static boolean differsByOne(String a, String b) {
    int diffs = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        diffs++;
      }
    }
    return diffs == 1;
  }

  private static boolean oneEdit(String w, String c) {
    int lw = w.length();
    int lc = c.length();
    if (lw == lc) {
      int first = -1;
      int diffs = 0;
      for (int i = 0; i < lw; i++) {
        if (w.charAt(i) != c.charAt(i)) {
          if (diffs == 0) {
            first = i;
          }
          diffs++;
          if (diffs > 2) {
            return false;
          }
        }
      }
      if (diffs == 2) {
        return first + 1 < lw
            && w.charAt(first) == c.charAt(first + 1)
            && w.charAt(first + 1) == c.charAt(first)
            && w.substring(first + 2).equals(c.substring(first + 2));
      }
      return diffs == 1 && lw >= 5;
    }
    if (Math.abs(lw - lc) != 1 || Math.min(lw, lc) < 4 || Math.max(lw, lc) < 5) {
      return false;
    }
    String longer = lw > lc ? w : c;
    String shorter = lw > lc ? c : w;
    int i = 0;
    while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
      i++;
    }
    return shorter.substring(i).equals(longer.substring(i + 1));
  }

  private static boolean isAlpha(String w) {
    for (int i = 0; i < w.length(); i++) {
      char ch = w.charAt(i);
      if (ch < 'a' || ch > 'z') {
        return false;
      }
    }
    return true;
  }
}
