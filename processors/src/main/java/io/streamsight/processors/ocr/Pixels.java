package io.streamsight.processors.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * An image as packed {@code 0xRRGGBB} ints, row by row, and the resampling the OCR stages need.
 * Transparent pixels are composited over white (text is usually dark on a light page).
 */
final class Pixels {

  final int width;
  final int height;
  final int[] rgb;

  Pixels(int width, int height, int[] rgb) {
    if (width < 1 || height < 1 || rgb.length != width * height) {
      throw new IllegalArgumentException(
          "bad image: " + width + "x" + height + " with " + rgb.length + " pixels");
    }
    this.width = width;
    this.height = height;
    this.rgb = rgb;
  }

  /** Reads the pixels, with fast paths for the layouts ImageIO produces most often. */
  static Pixels of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] out = new int[w * h];
    boolean whole = image.getRaster().getParent() == null;
    switch (image.getType()) {
      case BufferedImage.TYPE_3BYTE_BGR -> {
        if (whole && image.getRaster().getDataBuffer() instanceof DataBufferByte bytes) {
          byte[] data = bytes.getData();
          if (data.length == 3 * w * h) {
            for (int i = 0, j = 0; i < out.length; i++, j += 3) {
              out[i] = (data[j + 2] & 0xff) << 16 | (data[j + 1] & 0xff) << 8 | (data[j] & 0xff);
            }
            return new Pixels(w, h, out);
          }
        }
      }
      case BufferedImage.TYPE_BYTE_GRAY -> {
        if (whole && image.getRaster().getDataBuffer() instanceof DataBufferByte bytes) {
          byte[] data = bytes.getData();
          if (data.length == w * h) {
            for (int i = 0; i < out.length; i++) {
              int v = data[i] & 0xff;
              out[i] = v << 16 | v << 8 | v;
            }
            return new Pixels(w, h, out);
          }
        }
      }
      case BufferedImage.TYPE_INT_RGB -> {
        if (whole && image.getRaster().getDataBuffer() instanceof DataBufferInt ints) {
          int[] data = ints.getData();
          if (data.length == w * h) {
            for (int i = 0; i < out.length; i++) {
              out[i] = data[i] & 0xffffff;
            }
            return new Pixels(w, h, out);
          }
        }
      }
      default -> {
        // general path below
      }
    }
    image.getRGB(0, 0, w, h, out, 0, w);
    for (int i = 0; i < out.length; i++) {
      out[i] = overWhite(out[i]);
    }
    return new Pixels(w, h, out);
  }

  /**
   * Resized to {@code w x h}: bilinear with pixel centres aligned (as OpenCV's {@code
   * INTER_LINEAR}), after averaging whole blocks first when shrinking by two or more, so that thin
   * strokes are not skipped.
   */
  Pixels resized(int w, int h) {
    if (w == width && h == height) {
      return this;
    }
    Pixels source = this;
    int fx = width / w;
    int fy = height / h;
    if (fx >= 2 || fy >= 2) {
      source = blockAverage(Math.max(1, fx), Math.max(1, fy));
    }
    return source.bilinear(w, h);
  }

  private Pixels blockAverage(int fx, int fy) {
    int w = width / fx;
    int h = height / fy;
    int[] out = new int[w * h];
    int n = fx * fy;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int dy = 0; dy < fy; dy++) {
          int row = (y * fy + dy) * width + x * fx;
          for (int dx = 0; dx < fx; dx++) {
            int p = rgb[row + dx];
            r += p >>> 16 & 0xff;
            g += p >>> 8 & 0xff;
            b += p & 0xff;
          }
        }
        int avgR = (r + n / 2) / n;
        int avgG = (g + n / 2) / n;
        int avgB = (b + n / 2) / n;
        out[y * w + x] = avgR << 16 | avgG << 8 | avgB;
      }
    }
    return new Pixels(w, h, out);
  }

  private Pixels bilinear(int w, int h) {
    int[] out = new int[w * h];
    double sx = (double) width / w;
    double sy = (double) height / h;
    int[] x0 = new int[w];
    int[] x1 = new int[w];
    float[] ax = new float[w];
    for (int x = 0; x < w; x++) {
      double fx = Math.max(0, Math.min(width - 1, (x + 0.5) * sx - 0.5));
      x0[x] = (int) fx;
      x1[x] = Math.min(width - 1, x0[x] + 1);
      ax[x] = (float) (fx - x0[x]);
    }
    for (int y = 0; y < h; y++) {
      double fy = Math.max(0, Math.min(height - 1, (y + 0.5) * sy - 0.5));
      int y0 = (int) fy;
      int y1 = Math.min(height - 1, y0 + 1);
      float ay = (float) (fy - y0);
      int r0 = y0 * width;
      int r1 = y1 * width;
      for (int x = 0; x < w; x++) {
        out[y * w + x] =
            mix(rgb[r0 + x0[x]], rgb[r0 + x1[x]], rgb[r1 + x0[x]], rgb[r1 + x1[x]], ax[x], ay);
      }
    }
    return new Pixels(w, h, out);
  }

  /**
   * Adds the bilinear sample at continuous pixel-index coordinates (edges replicated) to {@code
   * sum} as red, green and blue scaled by 65536 (8-bit fixed-point weights per axis).
   */
  void accumulate(double x, double y, long[] sum) {
    double fx = Math.max(0, Math.min(width - 1, x));
    double fy = Math.max(0, Math.min(height - 1, y));
    int x0 = (int) fx;
    int y0 = (int) fy;
    int x1 = Math.min(width - 1, x0 + 1);
    int y1 = Math.min(height - 1, y0 + 1);
    int wx = (int) ((fx - x0) * 256);
    int wy = (int) ((fy - y0) * 256);
    int p00 = rgb[y0 * width + x0];
    int p01 = rgb[y0 * width + x1];
    int p10 = rgb[y1 * width + x0];
    int p11 = rgb[y1 * width + x1];
    int w00 = (256 - wx) * (256 - wy);
    int w01 = wx * (256 - wy);
    int w10 = (256 - wx) * wy;
    int w11 = wx * wy;
    sum[0] +=
        (p00 >>> 16 & 0xff) * w00
            + (p01 >>> 16 & 0xff) * w01
            + (p10 >>> 16 & 0xff) * w10
            + (p11 >>> 16 & 0xff) * w11;
    sum[1] +=
        (p00 >>> 8 & 0xff) * w00
            + (p01 >>> 8 & 0xff) * w01
            + (p10 >>> 8 & 0xff) * w10
            + (p11 >>> 8 & 0xff) * w11;
    sum[2] += (p00 & 0xff) * w00 + (p01 & 0xff) * w01 + (p10 & 0xff) * w10 + (p11 & 0xff) * w11;
  }

  /** This image turned by 180 degrees. */
  Pixels rotated180() {
    int[] out = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      out[rgb.length - 1 - i] = rgb[i];
    }
    return new Pixels(width, height, out);
  }

  static int mix(int p00, int p01, int p10, int p11, float ax, float ay) {
    return channel(p00, p01, p10, p11, ax, ay, 16) << 16
        | channel(p00, p01, p10, p11, ax, ay, 8) << 8
        | channel(p00, p01, p10, p11, ax, ay, 0);
  }

  private static int channel(int p00, int p01, int p10, int p11, float ax, float ay, int shift) {
    float top = (p00 >>> shift & 0xff) * (1 - ax) + (p01 >>> shift & 0xff) * ax;
    float bottom = (p10 >>> shift & 0xff) * (1 - ax) + (p11 >>> shift & 0xff) * ax;
    return Math.round(top * (1 - ay) + bottom * ay);
  }

  private static int overWhite(int argb) {
    int a = argb >>> 24;
    if (a == 0xff) {
      return argb & 0xffffff;
    }
    int r = (argb >>> 16 & 0xff) * a / 255 + 255 - a;
    int g = (argb >>> 8 & 0xff) * a / 255 + 255 - a;
    int b = (argb & 0xff) * a / 255 + 255 - a;
    return r << 16 | g << 8 | b;
  }
}
