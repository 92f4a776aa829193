package io.streamsight.processors.ocr;

import io.streamsight.events.Point;
import java.util.Arrays;
import java.util.List;

/**
 * A four-cornered text region in pixel coordinates: top-left, top-right, bottom-right, bottom-left
 * (clockwise on screen, where y grows downwards). Corners are given in that order; nothing else is
 * checked.
 */
record Quad(
    double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {

  /**
   * Orders four arbitrary corners of a rectangle the way PaddleOCR's {@code get_mini_boxes} does:
   * the two with the smallest x are the left side (the upper one is top-left), the other two the
   * right side (the upper one is top-right).
   */
  static Quad ordered(double[] xs, double[] ys) {
    Integer[] order = {0, 1, 2, 3};
    Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
    int tl = order[0];
    int bl = order[1];
    if (ys[order[1]] < ys[order[0]]) {
      tl = order[1];
      bl = order[0];
    }
    int tr = order[2];
    int br = order[3];
    if (ys[order[3]] < ys[order[2]]) {
      tr = order[3];
      br = order[2];
    }
    return new Quad(xs[tl], ys[tl], xs[tr], ys[tr], xs[br], ys[br], xs[bl], ys[bl]);
  }

  /** Length of the top edge or the bottom edge, whichever is longer. */
  double width() {
    return Math.max(Math.hypot(x1 - x0, y1 - y0), Math.hypot(x2 - x3, y2 - y3));
  }

  /** Length of the left edge or the right edge, whichever is longer. */
  double height() {
    return Math.max(Math.hypot(x3 - x0, y3 - y0), Math.hypot(x2 - x1, y2 - y1));
  }

  /** The same region with corners renamed after a quarter turn counter-clockwise of its content. */
  Quad turnedCounterClockwise() {
    return new Quad(x1, y1, x2, y2, x3, y3, x0, y0);
  }

  double centerX() {
    return (x0 + x1 + x2 + x3) / 4;
  }

  double centerY() {
    return (y0 + y1 + y2 + y3) / 4;
  }

  /** Each corner clamped into {@code [0, maxX] x [0, maxY]}. */
  Quad clamped(double maxX, double maxY) {
    return new Quad(
        clamp(x0, maxX),
        clamp(y0, maxY),
        clamp(x1, maxX),
        clamp(y1, maxY),
        clamp(x2, maxX),
        clamp(y2, maxY),
        clamp(x3, maxX),
        clamp(y3, maxY));
  }

  /** The corners as Avro points, top-left first, clockwise. */
  List<Point> points() {
    return List.of(point(x0, y0), point(x1, y1), point(x2, y2), point(x3, y3));
  }

  private static Point point(double x, double y) {
    return new Point((float) x, (float) y);
  }

  private static double clamp(double v, double max) {
    return Math.max(0, Math.min(max, v));
  }
}
