package io.streamsight.processors.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Fast access to an image's pixels as packed {@code 0xRRGGBB} ints, and the bilinear resampling
 * every model's pre-processing starts with.
 *
 * <p>{@link BufferedImage#getRGB} converts each pixel through the colour model, several times
 * slower than reading the raster: the common layouts (the JDK's JPEG decoder gives {@code
 * TYPE_3BYTE_BGR}, {@link #toIntRgb} gives {@code TYPE_INT_RGB}) are read directly, anything else
 * (indexed, grey, 16-bit, custom) goes through {@code getRGB}. Alpha is dropped.
 */
public final class Pixels {

  private Pixels() {}

  /**
   * The pixels as packed {@code 0xRRGGBB}, row-major, {@code width x height} long. For a {@code
   * TYPE_INT_RGB} image whose raster is the whole buffer this is the image's own array (no copy):
   * callers must not modify it, and must read only the low 24 bits (Java 2D may leave bits in the
   * unused top byte).
   */
  public static int[] packedRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    var raster = image.getRaster();
    boolean whole =
        raster.getParent() == null
            && raster.getSampleModelTranslateX() == 0
            && raster.getSampleModelTranslateY() == 0;
    if (whole
        && image.getType() == BufferedImage.TYPE_INT_RGB
        && raster.getDataBuffer() instanceof DataBufferInt ints
        && raster.getSampleModel() instanceof SinglePixelPackedSampleModel packed
        && packed.getScanlineStride() == w
        && ints.getNumBanks() == 1
        && ints.getOffset() == 0) {
      return ints.getData();
    }
    if (whole
        && (image.getType() == BufferedImage.TYPE_3BYTE_BGR
            || image.getType() == BufferedImage.TYPE_4BYTE_ABGR)
        && raster.getDataBuffer() instanceof DataBufferByte bytes
        && raster.getSampleModel() instanceof PixelInterleavedSampleModel interleaved
        && bytes.getNumBanks() == 1
        && bytes.getOffset() == 0) {
      int step = interleaved.getPixelStride();
      int stride = interleaved.getScanlineStride();
      int[] offsets = interleaved.getBandOffsets();
      // Band order is R, G, B(, A) in the colour model; offsets say where each lies in a pixel.
      int r = offsets[0];
      int g = offsets[1];
      int b = offsets[2];
      byte[] data = bytes.getData();
      int[] out = new int[w * h];
      for (int y = 0; y < h; y++) {
        int row = y * stride;
        int o = y * w;
        for (int x = 0; x < w; x++) {
          int p = row + x * step;
          out[o + x] =
              (data[p + r] & 0xff) << 16 | (data[p + g] & 0xff) << 8 | (data[p + b] & 0xff);
        }
      }
      return out;
    }
    int[] out = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < out.length; i++) {
      out[i] &= 0xffffff;
    }
    return out;
  }

  /**
   * The image as {@code TYPE_INT_RGB}: the same instance when it already is one, else a copy. Steps
   * that share a decoded image convert it once, then every {@link #packedRgb} call is free.
   */
  public static BufferedImage toIntRgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] target = ((DataBufferInt) copy.getRaster().getDataBuffer()).getData();
    System.arraycopy(packedRgb(image), 0, target, 0, target.length);
    return copy;
  }

  /** A {@code TYPE_INT_RGB} image over packed pixels (the array becomes the image's buffer). */
  public static BufferedImage fromPackedRgb(int[] rgb, int width, int height) {
    if (rgb.length != width * height) {
      throw new IllegalArgumentException(
          rgb.length + " pixels do not make a " + width + "x" + height + " image");
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    System.arraycopy(
        rgb, 0, ((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0, rgb.length);
    return image;
  }

  /**
   * Bilinear resampling of a source rectangle to {@code outW x outH} packed pixels, with half-pixel
   * centres and channel values rounded to integers, as an 8-bit resize produces.
   *
   * <p>The rectangle may reach beyond the image (a letterbox: a square around a landscape photo);
   * output pixels whose centre falls outside the image get {@code fill}. Inside, coordinates are
   * clamped to the edge pixels.
   *
   * @param rgb packed source pixels, {@code w x h}
   * @param srcX left edge of the rectangle in source pixels (may be negative)
   * @param srcY top edge of the rectangle in source pixels (may be negative)
   * @param srcW rectangle width in source pixels
   * @param srcH rectangle height in source pixels
   * @param fill packed colour for output pixels outside the image
   */
  public static int[] resize(
      int[] rgb,
      int w,
      int h,
      float srcX,
      float srcY,
      float srcW,
      float srcH,
      int outW,
      int outH,
      int fill) {
    Axis xs = Axis.of(w, srcX, srcW / outW, outW);
    Axis ys = Axis.of(h, srcY, srcH / outH, outH);
    int[] out = new int[outW * outH];
    for (int y = 0; y < outH; y++) {
      int o = y * outW;
      if (ys.outside[y]) {
        java.util.Arrays.fill(out, o, o + outW, fill);
        continue;
      }
      int top = ys.lo[y] * w;
      int bottom = ys.hi[y] * w;
      float dy = ys.frac[y];
      for (int x = 0; x < outW; x++) {
        if (xs.outside[x]) {
          out[o + x] = fill;
          continue;
        }
        float dx = xs.frac[x];
        int a = rgb[top + xs.lo[x]];
        int b = rgb[top + xs.hi[x]];
        int c = rgb[bottom + xs.lo[x]];
        int d = rgb[bottom + xs.hi[x]];
        out[o + x] =
            blend(a, b, c, d, dx, dy, 16) << 16
                | blend(a, b, c, d, dx, dy, 8) << 8
                | blend(a, b, c, d, dx, dy, 0);
      }
    }
    return out;
  }

  private static int blend(int a, int b, int c, int d, float dx, float dy, int shift) {
    float ca = (a >> shift) & 0xff;
    float cb = (b >> shift) & 0xff;
    float cc = (c >> shift) & 0xff;
    float cd = (d >> shift) & 0xff;
    float topRow = ca + (cb - ca) * dx;
    float bottomRow = cc + (cd - cc) * dx;
    return Math.round(topRow + (bottomRow - topRow) * dy);
  }

  /** Per output column (or row): the two source indices, the weight of the second, outside. */
  private static final class Axis {
    final int[] lo;
    final int[] hi;
    final float[] frac;
    final boolean[] outside;

    private Axis(int n) {
      lo = new int[n];
      hi = new int[n];
      frac = new float[n];
      outside = new boolean[n];
    }

    static Axis of(int size, float start, float scale, int n) {
      Axis axis = new Axis(n);
      for (int i = 0; i < n; i++) {
        float f = start + (i + 0.5f) * scale - 0.5f;
        if (f < -0.5f || f > size - 0.5f) {
          axis.outside[i] = true;
          continue;
        }
        f = Math.max(f, 0);
        axis.lo[i] = Math.min((int) f, size - 1);
        axis.hi[i] = Math.min(axis.lo[i] + 1, size - 1);
        axis.frac[i] = f - axis.lo[i];
      }
      return axis;
    }
  }
}
