package io.streamsight.processors.tracking;

import java.util.Arrays;

/**
 * Minimum-cost assignment (Kuhn-Munkres with potentials, O(n² m)) between the rows and columns of a
 * cost matrix, with a gate: pairs whose cost exceeds {@code maxCost} are never matched.
 *
 * <p>Why optimal assignment rather than greedy: in a crowd two tracks often overlap the same two
 * detections, and a greedy pick of the single best IoU can steal the other track's detection and
 * swap identities; the optimum over all pairs avoids that. With tens of tracks per camera the cubic
 * cost is microseconds. Gated pairs get a cost above every real one, so the optimum prefers leaving
 * them unmatched; they are dropped from the result.
 */
final class Hungarian {

  private Hungarian() {}

  /**
   * Matches rows to columns at the least total cost.
   *
   * @param cost {@code cost[row][col]}; rows and columns may differ in number
   * @param maxCost the gate: a pair costing more is not matched
   * @return for each row, the matched column or -1
   */
  static int[] assign(double[][] cost, double maxCost) {
    int rows = cost.length;
    int cols = rows == 0 ? 0 : cost[0].length;
    int[] result = new int[rows];
    Arrays.fill(result, -1);
    if (rows == 0 || cols == 0) {
      return result;
    }
    boolean transpose = rows > cols;
    int n = transpose ? cols : rows;
    int m = transpose ? rows : cols;
    double big = maxCost * 2 + 1e6;
    double[][] a = new double[n + 1][m + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double c = transpose ? cost[j][i] : cost[i][j];
        a[i + 1][j + 1] = c > maxCost || Double.isNaN(c) ? big : c;
      }
    }
    int[] rowOf = solve(a, n, m);
    for (int j = 1; j <= m; j++) {
      int i = rowOf[j];
      if (i == 0 || a[i][j] >= big) {
        continue;
      }
      if (transpose) {
        result[j - 1] = i - 1;
      } else {
        result[i - 1] = j - 1;
      }
    }
    return result;
  }

  /** e-maxx's shortest augmenting path with potentials; 1-based; n ≤ m. p[j] = row of column j. */
  private static int[] solve(double[][] a, int n, int m) {
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] p = new int[m + 1];
    int[] way = new int[m + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[m + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[m + 1];
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double cur = a[i0][j] - u[i0] - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    return p;
  }
}
