package io.streamsight.processors.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the DB detector's text-probability map into text boxes, as PaddleOCR's {@code
 * DBPostProcess} does, without OpenCV: binarise at {@code binaryThreshold}; take each 8-connected
 * region; its minimum-area rotated rectangle (convex hull + rotating calipers); keep it when its
 * short side is at least {@code minSize} and the mean probability of its pixels reaches {@code
 * boxThreshold}; grow it by DB's unclip; map it back to the original image and clip it there.
 *
 * <p>The score is PaddleOCR's "slow" mode (mean inside the region's outline) rather than its
 * default "fast" one (mean inside the rectangle): on a curled page a line bows, its rectangle is
 * mostly background, and the fast score drops whole lines (one of the seven lines of skimage's
 * {@code page.png} at its own size, three when it is scaled up).
 *
 * @param binaryThreshold probability above which a pixel is text
 * @param boxThreshold minimum mean probability of a region's pixels
 * @param unclipRatio how far a box is grown: {@code area * ratio / perimeter} on every side
 * @param minSize shortest side, in map pixels before unclip (plus 2 after), of a box that is kept
 * @param maxCandidates most regions looked at, largest first
 */
record DbPostProcess(
    float binaryThreshold, float boxThreshold, float unclipRatio, int minSize, int maxCandidates) {

  /**
   * Where the probability map lies in the original image: the centre of map pixel {@code (x, y)} is
   * the point {@code ((x + 0.5) * scaleX - offsetX, (y + 0.5) * scaleY - offsetY)} of the original
   * (continuous coordinates, pixel {@code i} covering {@code [i, i + 1)}), and boxes are clipped to
   * {@code [0, width] x [0, height]}.
   */
  record Mapping(
      double scaleX, double scaleY, double offsetX, double offsetY, int width, int height) {}

  /** The boxes found in a {@code w x h} map (row-major), in original image coordinates. */
  List<Quad> boxes(float[] prob, int w, int h, Mapping mapping) {
    if (prob.length != w * h) {
      throw new IllegalArgumentException("map has " + prob.length + " values, not " + w + "x" + h);
    }
    List<Region> regions = regions(prob, w, h);
    List<Quad> boxes = new ArrayList<>();
    for (Region region : regions) {
      RotatedRect rect = region.rect();
      if (rect.shortSide() < minSize) {
        continue;
      }
      if (region.meanProb() < boxThreshold) {
        continue;
      }
      RotatedRect grown = rect.unclip(unclipRatio);
      if (grown.shortSide() < minSize + 2) {
        continue;
      }
      Quad mapped = toOriginal(grown.corners(), mapping);
      if (Math.hypot(mapped.x1() - mapped.x0(), mapped.y1() - mapped.y0()) <= 3
          || Math.hypot(mapped.x3() - mapped.x0(), mapped.y3() - mapped.y0()) <= 3) {
        continue;
      }
      boxes.add(mapped);
    }
    return boxes;
  }

  /**
   * The minimum-area rectangle of every 8-connected region of pixels above the binary threshold,
   * largest regions first, at most {@code maxCandidates}. A region's hull is built from the first
   * and last pixel of each of its rows, which have the same hull as all its pixels.
   */
  /** A connected text region: its minimum-area rectangle and the mean probability of its pixels. */
  record Region(RotatedRect rect, double meanProb) {}

  List<Region> regions(float[] prob, int w, int h) {
    boolean[] text = new boolean[w * h];
    for (int i = 0; i < text.length; i++) {
      text[i] = prob[i] > binaryThreshold;
    }
    int[] label = new int[w * h];
    int[] stack = new int[w * h];
    List<int[]> found = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    int next = 0;
    for (int start = 0; start < prob.length; start++) {
      if (label[start] != 0 || !text[start]) {
        continue;
      }
      next++;
      int top = h;
      int bottom = -1;
      int left = w;
      int right = -1;
      int size = 0;
      double sum = 0;
      int sp = 0;
      stack[sp++] = start;
      label[start] = next;
      while (sp > 0) {
        int p = stack[--sp];
        size++;
        sum += prob[p];
        int py = p / w;
        int px = p - py * w;
        top = Math.min(top, py);
        bottom = Math.max(bottom, py);
        left = Math.min(left, px);
        right = Math.max(right, px);
        for (int dy = -1; dy <= 1; dy++) {
          int ny = py + dy;
          if (ny < 0 || ny >= h) {
            continue;
          }
          for (int dx = -1; dx <= 1; dx++) {
            int nx = px + dx;
            if (nx < 0 || nx >= w) {
              continue;
            }
            int q = ny * w + nx;
            if (label[q] == 0 && text[q]) {
              label[q] = next;
              stack[sp++] = q;
            }
          }
        }
      }
      found.add(new int[] {next, top, bottom, size, left, right, found.size()});
      means.add(sum / size);
    }
    found.sort((a, b) -> Integer.compare(b[3], a[3]));
    List<Region> regions = new ArrayList<>();
    for (int i = 0; i < Math.min(maxCandidates, found.size()); i++) {
      int[] region = found.get(i);
      regions.add(new Region(rectOf(label, w, region), means.get(region[6])));
    }
    return regions;
  }

  private static RotatedRect rectOf(int[] label, int w, int[] region) {
    int id = region[0];
    int top = region[1];
    int bottom = region[2];
    int rows = bottom - top + 1;
    double[] xs = new double[2 * rows];
    double[] ys = new double[2 * rows];
    int n = 0;
    for (int y = top; y <= bottom; y++) {
      int row = y * w;
      int first = -1;
      int last = -1;
      for (int x = region[4]; x <= region[5]; x++) {
        if (label[row + x] == id) {
          if (first < 0) {
            first = x;
          }
          last = x;
        }
      }
      if (first >= 0) {
        xs[n] = first;
        ys[n++] = y;
        if (last != first) {
          xs[n] = last;
          ys[n++] = y;
        }
      }
    }
    return MinAreaRect.of(xs, ys, n);
  }

  /**
   * Map coordinates are pixel indices (the hull runs through pixel centres); the result is in
   * continuous image coordinates, where pixel {@code i} covers {@code [i, i + 1)}.
   */
  private static Quad toOriginal(Quad q, Mapping m) {
    return new Quad(
            x(q.x0(), m),
            y(q.y0(), m),
            x(q.x1(), m),
            y(q.y1(), m),
            x(q.x2(), m),
            y(q.y2(), m),
            x(q.x3(), m),
            y(q.y3(), m))
        .clamped(m.width(), m.height());
  }

  private static double x(double mapX, Mapping m) {
    return (mapX + 0.5) * m.scaleX() - m.offsetX();
  }

  private static double y(double mapY, Mapping m) {
    return (mapY + 0.5) * m.scaleY() - m.offsetY();
  }
}
