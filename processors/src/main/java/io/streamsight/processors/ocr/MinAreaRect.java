package io.streamsight.processors.ocr;

import java.util.Arrays;

/**
 * Convex hull (Andrew's monotone chain) and minimum-area enclosing rectangle (rotating calipers) of
 * a point set, in plain Java: what OpenCV's {@code convexHull} and {@code minAreaRect} do for the
 * DB text detector.
 */
final class MinAreaRect {

  private MinAreaRect() {}

  /**
   * The convex hull of {@code n} points, counter-clockwise in a y-up frame (clockwise on screen),
   * without collinear points, as {@code [x0, y0, x1, y1, ...]}. Fewer than three distinct points
   * give those points.
   */
  static double[] convexHull(double[] xs, double[] ys, int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> xs[a] != xs[b] ? Double.compare(xs[a], xs[b]) : Double.compare(ys[a], ys[b]));
    double[] hx = new double[2 * n + 1];
    double[] hy = new double[2 * n + 1];
    int k = 0;
    for (int pass = 0; pass < 2; pass++) {
      int floor = pass == 0 ? 2 : k + 1;
      for (int j = 0; j < n; j++) {
        int i = order[pass == 0 ? j : n - 1 - j];
        while (k >= floor && cross(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], xs[i], ys[i]) <= 0) {
          k--;
        }
        hx[k] = xs[i];
        hy[k] = ys[i];
        k++;
      }
    }
    int size = Math.max(1, k - 1); // the last point repeats the first
    if (n == 1) {
      size = 1;
    }
    double[] hull = new double[2 * size];
    for (int i = 0; i < size; i++) {
      hull[2 * i] = hx[i];
      hull[2 * i + 1] = hy[i];
    }
    return dedupe(hull);
  }

  /**
   * The minimum-area rectangle around a convex polygon given counter-clockwise (as {@link
   * #convexHull} returns it). One side of the optimum lies on a hull edge; the calipers visit every
   * edge once, advancing the three other supporting points monotonically, so the cost is linear in
   * the hull size.
   */
  static RotatedRect ofHull(double[] hull) {
    int n = hull.length / 2;
    if (n == 0) {
      throw new IllegalArgumentException("empty hull");
    }
    if (n == 1) {
      return new RotatedRect(hull[0], hull[1], 0, 0, 0);
    }
    if (n == 2) {
      double dx = hull[2] - hull[0];
      double dy = hull[3] - hull[1];
      return new RotatedRect(
          (hull[0] + hull[2]) / 2,
          (hull[1] + hull[3]) / 2,
          Math.hypot(dx, dy),
          0,
          Math.atan2(dy, dx));
    }
    double bestArea = Double.POSITIVE_INFINITY;
    RotatedRect best = null;
    int right = 0;
    int top = 0;
    int left = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double ex = x(hull, j) - x(hull, i);
      double ey = y(hull, j) - y(hull, i);
      double len = Math.hypot(ex, ey);
      if (len == 0) {
        continue;
      }
      double ux = ex / len;
      double uy = ey / len;
      // Normal pointing into the polygon (counter-clockwise order in a y-up frame).
      double nx = -uy;
      double ny = ux;
      if (i == 0) {
        right = j;
      }
      right = advance(hull, n, right, ux, uy);
      if (i == 0) {
        top = right;
      }
      top = advance(hull, n, top, nx, ny);
      if (i == 0) {
        left = top;
      }
      left = advance(hull, n, left, -ux, -uy);
      double ox = x(hull, i);
      double oy = y(hull, i);
      double maxU = dot(x(hull, right) - ox, y(hull, right) - oy, ux, uy);
      double minU = dot(x(hull, left) - ox, y(hull, left) - oy, ux, uy);
      double maxN = dot(x(hull, top) - ox, y(hull, top) - oy, nx, ny);
      double width = maxU - minU;
      double height = maxN;
      double area = width * height;
      if (area < bestArea) {
        bestArea = area;
        double mu = (maxU + minU) / 2;
        double mn = maxN / 2;
        best =
            new RotatedRect(
                ox + ux * mu + nx * mn, oy + uy * mu + ny * mn, width, height, Math.atan2(uy, ux));
      }
    }
    return best;
  }

  /** The minimum-area rectangle around a point set. */
  static RotatedRect of(double[] xs, double[] ys, int n) {
    return ofHull(convexHull(xs, ys, n));
  }

  /** Moves the supporting point forward while that increases its projection on (dx, dy). */
  private static int advance(double[] hull, int n, int from, double dx, double dy) {
    int at = from;
    for (int steps = 0; steps < n; steps++) {
      int next = (at + 1) % n;
      if (dot(x(hull, next), y(hull, next), dx, dy)
          > dot(x(hull, at), y(hull, at), dx, dy) + 1e-9) {
        at = next;
      } else {
        break;
      }
    }
    return at;
  }

  private static double[] dedupe(double[] hull) {
    int n = hull.length / 2;
    if (n < 2) {
      return hull;
    }
    double[] out = new double[hull.length];
    int k = 0;
    for (int i = 0; i < n; i++) {
      double px = hull[2 * i];
      double py = hull[2 * i + 1];
      if (k > 0 && out[2 * k - 2] == px && out[2 * k - 1] == py) {
        continue;
      }
      out[2 * k] = px;
      out[2 * k + 1] = py;
      k++;
    }
    if (k > 1 && out[0] == out[2 * k - 2] && out[1] == out[2 * k - 1]) {
      k--;
    }
    return Arrays.copyOf(out, 2 * k);
  }

  private static double x(double[] hull, int i) {
    return hull[2 * i];
  }

  private static double y(double[] hull, int i) {
    return hull[2 * i + 1];
  }

  private static double dot(double ax, double ay, double bx, double by) {
    return ax * bx + ay * by;
  }

  private static double cross(double ox, double oy, double ax, double ay, double bx, double by) {
    return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
  }
}
