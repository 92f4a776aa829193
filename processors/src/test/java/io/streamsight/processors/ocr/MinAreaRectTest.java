package io.streamsight.processors.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinAreaRectTest {

  @Test
  void shouldKeepOnlyTheCornersOfASquareWithInnerAndEdgePointsInItsHull() {
    double[] xs = {0, 10, 10, 0, 5, 5, 0, 10, 3};
    double[] ys = {0, 0, 10, 10, 5, 0, 5, 7, 8};

    double[] hull = MinAreaRect.convexHull(xs, ys, xs.length);

    assertThat(hull).hasSize(8);
    assertThat(hull).containsSequence(0, 0, 10, 0, 10, 10, 0, 10);
  }

  @Test
  void shouldFindAnAxisAlignedRectangle() {
    double[] xs = {2, 42, 42, 2, 20, 30};
    double[] ys = {5, 5, 15, 15, 10, 7};

    RotatedRect rect = MinAreaRect.of(xs, ys, xs.length);

    assertThat(rect.area()).isCloseTo(400, within(1e-9));
    assertThat(rect.cx()).isCloseTo(22, within(1e-9));
    assertThat(rect.cy()).isCloseTo(10, within(1e-9));
    assertThat(rect.shortSide()).isCloseTo(10, within(1e-9));
    Quad corners = rect.corners();
    assertThat(new double[] {corners.x0(), corners.y0(), corners.x2(), corners.y2()})
        .containsExactly(new double[] {2, 5, 42, 15}, within(1e-9));
  }

  @Test
  void shouldRecoverARotatedRectangleFromPointsFillingIt() {
    double angle = Math.toRadians(30);
    double w = 120;
    double h = 24;
    int n = 0;
    double[] xs = new double[61 * 13];
    double[] ys = new double[61 * 13];
    for (int i = 0; i <= 60; i++) {
      for (int j = 0; j <= 12; j++) {
        double u = -w / 2 + w * i / 60;
        double v = -h / 2 + h * j / 12;
        xs[n] = 300 + u * Math.cos(angle) - v * Math.sin(angle);
        ys[n++] = 200 + u * Math.sin(angle) + v * Math.cos(angle);
      }
    }

    RotatedRect rect = MinAreaRect.of(xs, ys, n);

    assertThat(Math.max(rect.width(), rect.height())).isCloseTo(w, within(1e-6));
    assertThat(rect.shortSide()).isCloseTo(h, within(1e-6));
    assertThat(rect.cx()).isCloseTo(300, within(1e-6));
    assertThat(rect.cy()).isCloseTo(200, within(1e-6));
    Quad q = rect.corners();
    assertThat(Math.atan2(q.y1() - q.y0(), q.x1() - q.x0())).isCloseTo(angle, within(1e-6));
  }

  @Test
  void shouldMatchTheBruteForceMinimumOverEveryHullEdgeOnRandomClouds() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 3 + random.nextInt(40);
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        xs[i] = random.nextInt(200);
        ys[i] = random.nextInt(60) + xs[i] * random.nextDouble() * 0.3;
      }
      double[] hull = MinAreaRect.convexHull(xs, ys, n);
      if (hull.length < 6) {
        continue;
      }

      RotatedRect rect = MinAreaRect.ofHull(hull);

      assertThat(rect.area()).isCloseTo(bruteForceArea(hull), within(1e-6));
      for (int i = 0; i < n; i++) {
        assertThat(contains(rect, xs[i], ys[i])).as("point %d inside", i).isTrue();
      }
    }
  }

  @Test
  void shouldGrowABoxByAreaTimesRatioOverPerimeterOnEverySide() {
    RotatedRect rect = new RotatedRect(50, 20, 100, 20, 0.2);

    RotatedRect grown = rect.unclip(1.5);

    double distance = 100 * 20 * 1.5 / 240;
    assertThat(grown.width()).isCloseTo(100 + 2 * distance, within(1e-9));
    assertThat(grown.height()).isCloseTo(20 + 2 * distance, within(1e-9));
    assertThat(grown.cx()).isEqualTo(50);
    assertThat(grown.angle()).isEqualTo(0.2);
  }

  @Test
  void shouldUnclipToTheMinimumRectangleOfTheRoundJoinedOffsetPolygon() {
    // What PaddleOCR does: offset the box polygon outwards (pyclipper, round joins) and take the
    // minimum-area rectangle of the result. Sample that offset outline and compare.
    RotatedRect rect = new RotatedRect(0, 0, 80, 16, Math.toRadians(12));
    double d = rect.area() * 1.6 / (2 * (rect.width() + rect.height()));
    Quad q = rect.corners();
    double[] cx = {q.x0(), q.x1(), q.x2(), q.x3()};
    double[] cy = {q.y0(), q.y1(), q.y2(), q.y3()};
    int steps = 720;
    double[] xs = new double[4 * steps];
    double[] ys = new double[4 * steps];
    for (int c = 0; c < 4; c++) {
      for (int s = 0; s < steps; s++) {
        double a = 2 * Math.PI * s / steps;
        xs[c * steps + s] = cx[c] + d * Math.cos(a);
        ys[c * steps + s] = cy[c] + d * Math.sin(a);
      }
    }

    RotatedRect offset = MinAreaRect.of(xs, ys, xs.length);
    RotatedRect unclipped = rect.unclip(1.6);

    assertThat(offset.area()).isCloseTo(unclipped.area(), within(unclipped.area() * 1e-3));
    assertThat(offset.shortSide()).isCloseTo(unclipped.shortSide(), within(0.05));
  }

  @Test
  void shouldOrderCornersTopLeftTopRightBottomRightBottomLeft() {
    Quad q = Quad.ordered(new double[] {110, 10, 100, 0}, new double[] {40, 0, 60, 20});

    assertThat(q).isEqualTo(new Quad(10, 0, 110, 40, 100, 60, 0, 20));
  }

  private static double bruteForceArea(double[] hull) {
    int n = hull.length / 2;
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double ex = hull[2 * j] - hull[2 * i];
      double ey = hull[2 * j + 1] - hull[2 * i + 1];
      double len = Math.hypot(ex, ey);
      double ux = ex / len;
      double uy = ey / len;
      double minU = Double.POSITIVE_INFINITY;
      double maxU = Double.NEGATIVE_INFINITY;
      double minV = Double.POSITIVE_INFINITY;
      double maxV = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        double u = hull[2 * k] * ux + hull[2 * k + 1] * uy;
        double v = -hull[2 * k] * uy + hull[2 * k + 1] * ux;
        minU = Math.min(minU, u);
        maxU = Math.max(maxU, u);
        minV = Math.min(minV, v);
        maxV = Math.max(maxV, v);
      }
      best = Math.min(best, (maxU - minU) * (maxV - minV));
    }
    return best;
  }

  private static boolean contains(RotatedRect r, double x, double y) {
    double dx = x - r.cx();
    double dy = y - r.cy();
    double u = dx * Math.cos(r.angle()) + dy * Math.sin(r.angle());
    double v = -dx * Math.sin(r.angle()) + dy * Math.cos(r.angle());
    return Math.abs(u) <= r.width() / 2 + 1e-6 && Math.abs(v) <= r.height() / 2 + 1e-6;
  }
}
