package io.streamsight.processors.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts text boxes in reading order: lines top to bottom, boxes left to right within a line. Two
 * boxes are on one line when their extents across the reading direction overlap by at least half
 * the smaller one. The reading direction is the median direction of the boxes' top edges, so a page
 * photographed at a slant still reads line by line.
 */
final class ReadingOrder {

  /** Overlap, as a fraction of the smaller box's extent, that puts two boxes on one line. */
  static final double SAME_LINE = 0.5;

  private ReadingOrder() {}

  /** The boxes' indices, grouped in lines, in reading order. */
  static List<List<Integer>> lines(List<Quad> boxes) {
    int n = boxes.size();
    if (n == 0) {
      return List.of();
    }
    double angle = medianAngle(boxes);
    double ux = Math.cos(angle);
    double uy = Math.sin(angle);
    double nx = -uy;
    double ny = ux;
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] along = new double[n];
    for (int i = 0; i < n; i++) {
      Quad q = boxes.get(i);
      double[] across = {
        q.x0() * nx + q.y0() * ny,
        q.x1() * nx + q.y1() * ny,
        q.x2() * nx + q.y2() * ny,
        q.x3() * nx + q.y3() * ny
      };
      lo[i] = Arrays.stream(across).min().orElseThrow();
      hi[i] = Arrays.stream(across).max().orElseThrow();
      along[i] = q.centerX() * ux + q.centerY() * uy;
    }
    Integer[] byCentre = new Integer[n];
    for (int i = 0; i < n; i++) {
      byCentre[i] = i;
    }
    Arrays.sort(byCentre, Comparator.comparingDouble(i -> (lo[i] + hi[i]) / 2));
    List<List<Integer>> lines = new ArrayList<>();
    List<double[]> extents = new ArrayList<>();
    for (int i : byCentre) {
      int best = -1;
      double bestOverlap = SAME_LINE;
      for (int l = 0; l < lines.size(); l++) {
        double[] e = extents.get(l);
        double overlap = Math.min(hi[i], e[1]) - Math.max(lo[i], e[0]);
        double smaller = Math.min(hi[i] - lo[i], e[1] - e[0]);
        double fraction = smaller <= 0 ? 0 : overlap / smaller;
        if (fraction >= bestOverlap) {
          best = l;
          bestOverlap = fraction;
        }
      }
      if (best < 0) {
        lines.add(new ArrayList<>(List.of(i)));
        // The line's extent is its first box's: later boxes must sit on the same band.
        extents.add(new double[] {lo[i], hi[i]});
      } else {
        lines.get(best).add(i);
      }
    }
    for (List<Integer> line : lines) {
      line.sort(Comparator.comparingDouble(i -> along[i]));
    }
    double[] centre = new double[lines.size()];
    for (int l = 0; l < lines.size(); l++) {
      centre[l] =
          lines.get(l).stream().mapToDouble(i -> (lo[i] + hi[i]) / 2).average().orElseThrow();
    }
    Integer[] order = new Integer[lines.size()];
    for (int l = 0; l < order.length; l++) {
      order[l] = l;
    }
    Arrays.sort(order, Comparator.comparingDouble(l -> centre[l]));
    List<List<Integer>> result = new ArrayList<>(lines.size());
    for (int l : order) {
      result.add(List.copyOf(lines.get(l)));
    }
    return result;
  }

  /** Median direction of the boxes' top edges, folded into (-90, 90] degrees. */
  private static double medianAngle(List<Quad> boxes) {
    double[] angles = new double[boxes.size()];
    for (int i = 0; i < angles.length; i++) {
      Quad q = boxes.get(i);
      double a = Math.atan2(q.y1() - q.y0(), q.x1() - q.x0());
      if (a > Math.PI / 2) {
        a -= Math.PI;
      } else if (a <= -Math.PI / 2) {
        a += Math.PI;
      }
      angles[i] = a;
    }
    Arrays.sort(angles);
    return angles[angles.length / 2];
  }
}
