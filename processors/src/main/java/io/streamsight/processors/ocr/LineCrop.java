package io.streamsight.processors.ocr;

/**
 * Cuts a text region out of an image as an upright line image of a fixed height: the perspective
 * transform that maps the output rectangle onto the region's quadrilateral, sampled bilinearly with
 * edges replicated, as PaddleOCR's {@code get_rotate_crop_image} followed by its resize to the
 * recogniser's height, in one resampling. Regions at least 1.5 times as tall as wide are read as
 * vertical text and turned a quarter counter-clockwise first, as PaddleOCR does. When the region is
 * more than twice the output height, each output pixel averages a grid of samples so that strokes
 * are not skipped.
 */
final class LineCrop {

  /** Widest line image made; longer regions are squeezed to it. */
  static final int MAX_WIDTH = 4800;

  private LineCrop() {}

  /** The region as a line image {@code height} pixels high, its width in proportion. */
  static Pixels crop(Pixels image, Quad region, int height) {
    Quad q = region;
    double w = q.width();
    double h = q.height();
    if (w <= 0 || h <= 0) {
      return new Pixels(1, height, new int[height]);
    }
    if (h / w >= 1.5) {
      q = q.turnedCounterClockwise();
      double t = w;
      w = h;
      h = t;
    }
    int outW = (int) Math.max(1, Math.min(MAX_WIDTH, Math.round(w * height / h)));
    return warp(image, q, outW, height, (int) Math.min(4, Math.ceil(h / height / 2)));
  }

  /**
   * Samples the quadrilateral into a {@code outW x outH} image; {@code grid} samples per axis per
   * output pixel.
   */
  static Pixels warp(Pixels image, Quad q, int outW, int outH, int grid) {
    double[] m = squareToQuad(q);
    int[] out = new int[outW * outH];
    int g = Math.max(1, grid);
    long n = (long) g * g * 65536;
    long[] sum = new long[3];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        sum[0] = 0;
        sum[1] = 0;
        sum[2] = 0;
        for (int sy = 0; sy < g; sy++) {
          double v = (y + (sy + 0.5) / g) / outH;
          for (int sx = 0; sx < g; sx++) {
            double u = (x + (sx + 0.5) / g) / outW;
            double den = m[6] * u + m[7] * v + 1;
            double px = (m[0] * u + m[1] * v + m[2]) / den;
            double py = (m[3] * u + m[4] * v + m[5]) / den;
            image.accumulate(px - 0.5, py - 0.5, sum);
          }
        }
        out[y * outW + x] =
            (int) ((sum[0] + n / 2) / n) << 16
                | (int) ((sum[1] + n / 2) / n) << 8
                | (int) ((sum[2] + n / 2) / n);
      }
    }
    return new Pixels(outW, outH, out);
  }

  /**
   * The homography taking the unit square's corners (0,0), (1,0), (1,1), (0,1) to the quad's
   * top-left, top-right, bottom-right and bottom-left corners (Heckbert's closed form), as {@code
   * [a, b, c, d, e, f, g, h]} with {@code x = (a u + b v + c) / (g u + h v + 1)} and {@code y = (d
   * u + e v + f) / (g u + h v + 1)}.
   */
  static double[] squareToQuad(Quad q) {
    double x0 = q.x0();
    double y0 = q.y0();
    double x1 = q.x1();
    double y1 = q.y1();
    double x2 = q.x2();
    double y2 = q.y2();
    double x3 = q.x3();
    double y3 = q.y3();
    double sx = x0 - x1 + x2 - x3;
    double sy = y0 - y1 + y2 - y3;
    if (Math.abs(sx) < 1e-12 && Math.abs(sy) < 1e-12) {
      return new double[] {x1 - x0, x3 - x0, x0, y1 - y0, y3 - y0, y0, 0, 0};
    }
    double dx1 = x1 - x2;
    double dx2 = x3 - x2;
    double dy1 = y1 - y2;
    double dy2 = y3 - y2;
    double den = dx1 * dy2 - dx2 * dy1;
    double g = (sx * dy2 - dx2 * sy) / den;
    double h = (dx1 * sy - sx * dy1) / den;
    return new double[] {
      x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h
    };
  }
}
