package io.streamsight.processors.face;

import io.streamsight.events.Face;
import io.streamsight.processors.image.Pixels;
import io.streamsight.processors.image.Rect;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Blurs faces out of an image for the privacy switch: every face box, grown by {@link #MARGIN} of
 * its size on each side (BlazeFace's box is tight around eyes, nose and mouth; the margin takes in
 * forehead, hair, ears and chin), is replaced by a heavy blur of itself.
 *
 * <p>The blur is three passes of a box filter (close to a Gaussian) with a radius of a fifth of the
 * face's larger side (at least 4 pixels): on a face 100 pixels wide, features smaller than about 40
 * pixels (eyes, mouth, the shape of the nose) are gone, and what is left is the skin and hair
 * colour. Pixels outside the grown boxes are untouched. Stateless and thread-safe.
 */
public final class FaceBlur {

  /** How far each side of a face box is pushed out, as a fraction of the box's size. */
  public static final float MARGIN = 0.3f;

  private static final int PASSES = 3;

  private FaceBlur() {}

  /** The region blurred for {@code face} in an image of the given size. */
  public static Rect region(Face face, int width, int height) {
    return Rect.of(face.getBox()).expand(MARGIN).clip(width, height);
  }

  /**
   * A {@code TYPE_INT_RGB} copy of {@code image} with every face blurred.
   *
   * @param faces faces in the image's pixels (as the face detector returns them)
   */
  public static BufferedImage blur(BufferedImage image, List<Face> faces) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = Pixels.packedRgb(image).clone();
    for (Face face : faces) {
      Rect region = region(face, w, h);
      int x1 = (int) Math.floor(region.x1());
      int y1 = (int) Math.floor(region.y1());
      int x2 = (int) Math.ceil(region.x2());
      int y2 = (int) Math.ceil(region.y2());
      if (x2 - x1 < 2 || y2 - y1 < 2) {
        continue;
      }
      float side = Math.max(face.getBox().getW(), face.getBox().getH());
      int radius = Math.max(4, Math.round(side / 5));
      blurRegion(pixels, w, x1, y1, x2, y2, radius);
    }
    return Pixels.fromPackedRgb(pixels, w, h);
  }

  /** Blurs the rectangle [x1, x2) x [y1, y2) in place; samples beyond it are clamped to it. */
  private static void blurRegion(int[] pixels, int stride, int x1, int y1, int x2, int y2, int r) {
    int rw = x2 - x1;
    int rh = y2 - y1;
    float[][] channels = new float[3][rw * rh];
    for (int y = 0; y < rh; y++) {
      for (int x = 0; x < rw; x++) {
        int p = pixels[(y1 + y) * stride + x1 + x];
        channels[0][y * rw + x] = (p >> 16) & 0xff;
        channels[1][y * rw + x] = (p >> 8) & 0xff;
        channels[2][y * rw + x] = p & 0xff;
      }
    }
    float[] line = new float[Math.max(rw, rh)];
    for (float[] c : channels) {
      for (int pass = 0; pass < PASSES; pass++) {
        for (int y = 0; y < rh; y++) {
          boxLine(c, y * rw, 1, rw, r, line);
        }
        for (int x = 0; x < rw; x++) {
          boxLine(c, x, rw, rh, r, line);
        }
      }
    }
    for (int y = 0; y < rh; y++) {
      for (int x = 0; x < rw; x++) {
        int i = y * rw + x;
        pixels[(y1 + y) * stride + x1 + x] =
            channel(channels[0][i]) << 16 | channel(channels[1][i]) << 8 | channel(channels[2][i]);
      }
    }
  }

  /** A running-sum box filter of radius {@code r} along one row or column, edges clamped. */
  private static void boxLine(float[] data, int start, int step, int n, int r, float[] line) {
    for (int i = 0; i < n; i++) {
      line[i] = data[start + i * step];
    }
    float sum = 0;
    for (int k = -r; k <= r; k++) {
      sum += line[Math.max(0, Math.min(n - 1, k))];
    }
    float norm = 1f / (2 * r + 1);
    for (int i = 0; i < n; i++) {
      data[start + i * step] = sum * norm;
      sum += line[Math.min(n - 1, i + r + 1)] - line[Math.max(0, i - r)];
    }
  }

  private static int channel(float v) {
    return Math.max(0, Math.min(255, Math.round(v)));
  }
}
