package io.streamsight.processors.caption;

/**
 * Image resizing as Pillow's {@code Image.resize} does it for 8-bit channels, which is what Hugging
 * Face image processors call: a separable convolution (horizontal pass, then vertical), whose
 * filter support widens by the scale factor when shrinking (so downscaling averages, not samples),
 * with coefficients in 22-bit fixed point and each pass rounded and clipped to 0..255. Matching it
 * keeps the model's input the one it was trained and exported with.
 *
 * <p>Filters by Pillow's numbers: 0 nearest, 1 Lanczos, 2 bilinear, 3 bicubic, 4 box, 5 Hamming.
 */
final class PilResize {

  private static final int PRECISION_BITS = 32 - 8 - 2;

  private PilResize() {}

  /** A resampling filter: its support (radius at scale 1) and its kernel. */
  private interface Filter {
    double support();

    double weight(double x);
  }

  private static Filter filter(int resample) {
    return switch (resample) {
      case 1 -> new Kernel(3.0, x -> -3.0 <= x && x < 3.0 ? sinc(x) * sinc(x / 3.0) : 0.0);
      case 2 -> new Kernel(1.0, x -> Math.abs(x) < 1.0 ? 1.0 - Math.abs(x) : 0.0);
      case 3 -> new Kernel(2.0, PilResize::bicubic);
      case 4 -> new Kernel(0.5, x -> x > -0.5 && x <= 0.5 ? 1.0 : 0.0);
      case 5 -> new Kernel(1.0, PilResize::hamming);
      default -> throw new IllegalArgumentException("unknown Pillow resample filter " + resample);
    };
  }

  private static double hamming(double x) {
    double a = Math.abs(x);
    if (a == 0.0) {
      return 1.0;
    }
    if (a >= 1.0) {
      return 0.0;
    }
    double px = a * Math.PI;
    return Math.sin(px) / px * (0.54 + 0.46 * Math.cos(px));
  }

  private record Kernel(double support, java.util.function.DoubleUnaryOperator kernel)
      implements Filter {
    @Override
    public double weight(double x) {
      return kernel.applyAsDouble(x);
    }
  }

  private static double bicubic(double x) {
    double a = -0.5;
    x = Math.abs(x);
    if (x < 1.0) {
      return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    }
    if (x < 2.0) {
      return (((x - 5) * x + 8) * x - 4) * a;
    }
    return 0.0;
  }

  private static double sinc(double x) {
    if (x == 0.0) {
      return 1.0;
    }
    x *= Math.PI;
    return Math.sin(x) / x;
  }

  /**
   * Resizes one 8-bit channel.
   *
   * @param channel {@code height × width} values 0..255, row-major
   * @return {@code outHeight × outWidth} values 0..255
   */
  static int[] resize(
      int[] channel, int width, int height, int outWidth, int outHeight, int resample) {
    if (resample == 0) {
      return nearest(channel, width, height, outWidth, outHeight);
    }
    Filter filter = filter(resample);
    int[] current = channel;
    int currentWidth = width;
    int currentHeight = height;
    if (outWidth != width) {
      Coefficients horizontal = coefficients(width, outWidth, filter);
      current = horizontal(current, currentWidth, currentHeight, outWidth, horizontal);
      currentWidth = outWidth;
    }
    if (outHeight != height) {
      Coefficients vertical = coefficients(height, outHeight, filter);
      current = vertical(current, currentWidth, outHeight, vertical);
    }
    return current == channel ? channel.clone() : current;
  }

  /** Per output position: first input index, count, and fixed-point weights. */
  @SuppressWarnings("ArrayRecordComponent") // internal, never compared
  private record Coefficients(int[] start, int[] count, int[][] weights) {}

  private static Coefficients coefficients(int inSize, int outSize, Filter filter) {
    double scale = (double) inSize / outSize;
    double filterScale = Math.max(scale, 1.0);
    double support = filter.support() * filterScale;
    int[] start = new int[outSize];
    int[] count = new int[outSize];
    int[][] weights = new int[outSize][];
    for (int xx = 0; xx < outSize; xx++) {
      double center = (xx + 0.5) * scale;
      double ss = 1.0 / filterScale;
      int xmin = (int) (center - support + 0.5);
      if (xmin < 0) {
        xmin = 0;
      }
      int xmax = (int) (center + support + 0.5);
      if (xmax > inSize) {
        xmax = inSize;
      }
      xmax -= xmin;
      double[] k = new double[xmax];
      double total = 0;
      for (int x = 0; x < xmax; x++) {
        double w = filter.weight((x + xmin - center + 0.5) * ss);
        k[x] = w;
        total += w;
      }
      int[] fixed = new int[xmax];
      for (int x = 0; x < xmax; x++) {
        double w = total != 0.0 ? k[x] / total : k[x];
        double scaled = w * (1 << PRECISION_BITS);
        fixed[x] = (int) (w < 0 ? -0.5 + scaled : 0.5 + scaled);
      }
      start[xx] = xmin;
      count[xx] = xmax;
      weights[xx] = fixed;
    }
    return new Coefficients(start, count, weights);
  }

  private static int[] horizontal(int[] in, int width, int height, int outWidth, Coefficients c) {
    int[] out = new int[outWidth * height];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < outWidth; x++) {
        int sum = 1 << (PRECISION_BITS - 1);
        int[] w = c.weights()[x];
        int from = row + c.start()[x];
        for (int i = 0; i < c.count()[x]; i++) {
          sum += in[from + i] * w[i];
        }
        out[y * outWidth + x] = clip8(sum);
      }
    }
    return out;
  }

  private static int[] vertical(int[] in, int width, int outHeight, Coefficients c) {
    int[] out = new int[width * outHeight];
    for (int y = 0; y < outHeight; y++) {
      int[] w = c.weights()[y];
      int from = c.start()[y];
      for (int x = 0; x < width; x++) {
        int sum = 1 << (PRECISION_BITS - 1);
        for (int i = 0; i < c.count()[y]; i++) {
          sum += in[(from + i) * width + x] * w[i];
        }
        out[y * width + x] = clip8(sum);
      }
    }
    return out;
  }

  private static int clip8(int value) {
    int shifted = value >> PRECISION_BITS;
    return shifted < 0 ? 0 : Math.min(shifted, 255);
  }

  /** Pillow's nearest neighbour: the input pixel under each output pixel's centre. */
  private static int[] nearest(int[] in, int width, int height, int outWidth, int outHeight) {
    int[] out = new int[outWidth * outHeight];
    double sx = (double) width / outWidth;
    double sy = (double) height / outHeight;
    for (int y = 0; y < outHeight; y++) {
      int iy = Math.min(height - 1, (int) ((y + 0.5) * sy));
      for (int x = 0; x < outWidth; x++) {
        int ix = Math.min(width - 1, (int) ((x + 0.5) * sx));
        out[y * outWidth + x] = in[iy * width + ix];
      }
    }
    return out;
  }
}
