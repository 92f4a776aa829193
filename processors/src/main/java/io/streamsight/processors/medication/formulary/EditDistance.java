package io.streamsight.processors.medication.formulary;

/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form (insertions, deletions,
 * substitutions and transpositions of adjacent characters, no substring edited twice), which is
 * what typing errors produce. Apache Commons Text has it from 1.15 on, but the build gets 1.10
 * through HAPI FHIR; this bounded variant also stops as soon as the limit is exceeded, which the
 * fuzzy scan over hundreds of names wants.
 */
final class EditDistance {

  private EditDistance() {}

  /**
   * The distance between {@code a} and {@code b} (UTF-16 units), or {@code max + 1} as soon as it
   * is known to exceed {@code max}.
   */
  static int bounded(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    int[] before = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMin = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        char cb = b.charAt(j - 1);
        int cost = ca == cb ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
          d = Math.min(d, before[j - 2] + 1);
        }
        current[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] recycled = before;
      before = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(previous[m], max + 1);
  }
}
