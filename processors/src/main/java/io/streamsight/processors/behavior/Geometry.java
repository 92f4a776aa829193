package io.streamsight.processors.behavior;

/** Plane geometry in image pixels (x right, y down). */
final class Geometry {

  private Geometry() {}

  /** Whether (x, y) lies inside the polygon (even-odd rule). */
  static boolean inside(double[] xs, double[] ys, double x, double y) {
    boolean in = false;
    for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
      if ((ys[i] > y) != (ys[j] > y)
          && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
        in = !in;
      }
    }
    return in;
  }

  /** The sign of the cross product (b - a) × (p - a): which side of the line a→b p is on. */
  static int side(double ax, double ay, double bx, double by, double px, double py) {
    double cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    return cross > 0 ? 1 : cross < 0 ? -1 : 0;
  }

  /** Whether segments p1-p2 and q1-q2 intersect (touching counts). */
  static boolean segmentsIntersect(
      double p1x,
      double p1y,
      double p2x,
      double p2y,
      double q1x,
      double q1y,
      double q2x,
      double q2y) {
    int d1 = side(q1x, q1y, q2x, q2y, p1x, p1y);
    int d2 = side(q1x, q1y, q2x, q2y, p2x, p2y);
    int d3 = side(p1x, p1y, p2x, p2y, q1x, q1y);
    int d4 = side(p1x, p1y, p2x, p2y, q2x, q2y);
    return d1 * d2 <= 0 && d3 * d4 <= 0;
  }

  /** Applies a 3 × 3 row-major homography to (x, y). */
  static double[] project(double[] h, double x, double y) {
    double w = h[6] * x + h[7] * y + h[8];
    return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
  }
}
