package io.streamsight.processors.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LineCropTest {

  @Test
  void shouldCopyPixelsExactlyForAnAxisAlignedBoxAtTheOutputHeight() {
    int w = 120;
    int h = 90;
    int[] rgb = new int[w * h];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (int) (i * 2654435761L & 0xffffff);
    }
    Pixels image = new Pixels(w, h, rgb);

    Pixels line = LineCrop.crop(image, new Quad(10, 20, 106, 20, 106, 68, 10, 68), 48);

    assertThat(line.width).isEqualTo(96);
    assertThat(line.height).isEqualTo(48);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 96; x++) {
        assertThat(line.rgb[y * 96 + x]).isEqualTo(rgb[(y + 20) * w + x + 10]);
      }
    }
  }

  @Test
  void shouldStraightenARotatedLineSoThatItsStartIsOnTheLeft() {
    // A 200 x 40 "line": red first half, blue second half, drawn rotated by 25 degrees.
    BufferedImage canvas = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 400, 300);
    g.rotate(Math.toRadians(25), 200, 150);
    g.setColor(Color.RED);
    g.fillRect(100, 130, 100, 40);
    g.setColor(Color.BLUE);
    g.fillRect(200, 130, 100, 40);
    g.dispose();
    RotatedRect box = new RotatedRect(200, 150, 200, 40, Math.toRadians(25));

    Pixels line = LineCrop.crop(Pixels.of(canvas), box.corners(), 48);

    assertThat(line.height).isEqualTo(48);
    assertThat(line.width).isEqualTo(240);
    assertThat(dominant(line, 20, 100)).isEqualTo(Color.RED);
    assertThat(dominant(line, 140, 220)).isEqualTo(Color.BLUE);
  }

  @Test
  void shouldTurnTallBoxesAQuarterCounterClockwiseLikePaddleOcr() {
    // A vertical strip: red at the top, blue at the bottom. Turned counter-clockwise, the top
    // ends up on the left.
    BufferedImage canvas = new BufferedImage(100, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 100, 150);
    g.setColor(Color.BLUE);
    g.fillRect(0, 150, 100, 150);
    g.dispose();

    Pixels line = LineCrop.crop(Pixels.of(canvas), new Quad(30, 20, 70, 20, 70, 280, 30, 280), 48);

    assertThat(line.width).isEqualTo(312);
    assertThat(dominant(line, 0, 100)).isEqualTo(Color.RED);
    assertThat(dominant(line, 212, 312)).isEqualTo(Color.BLUE);
  }

  @Test
  void shouldMapTheUnitSquareOntoAnyConvexQuadrilateral() {
    Quad q = new Quad(12, 7, 205, 30, 190, 88, 3, 61);

    double[] m = LineCrop.squareToQuad(q);

    double[][] corners = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    double[][] expected = {{12, 7}, {205, 30}, {190, 88}, {3, 61}};
    for (int i = 0; i < 4; i++) {
      double u = corners[i][0];
      double v = corners[i][1];
      double den = m[6] * u + m[7] * v + 1;
      assertThat((m[0] * u + m[1] * v + m[2]) / den).isCloseTo(expected[i][0], within(1e-9));
      assertThat((m[3] * u + m[4] * v + m[5]) / den).isCloseTo(expected[i][1], within(1e-9));
    }
  }

  @Test
  void shouldAverageDownLargeTextRatherThanSkipStrokes() {
    // One black row in every four on white, 192 pixels high: a 4x reduction must come out at
    // about three quarters white. One bilinear sample per output pixel would fall between two
    // white rows and give pure white.
    int w = 400;
    int h = 192;
    int[] rgb = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        rgb[y * w + x] = y % 4 == 0 ? 0 : 0xffffff;
      }
    }

    Pixels line = LineCrop.crop(new Pixels(w, h, rgb), new Quad(0, 0, w, 0, w, h, 0, h), 48);

    for (int p : line.rgb) {
      assertThat(p & 0xff).isBetween(170, 210);
    }
  }

  @Test
  void shouldResizeBilinearlyWithPixelCentresAligned() {
    Pixels two = new Pixels(2, 1, new int[] {0x000000, 0xffffff});

    Pixels wide = two.resized(4, 1);

    assertThat(wide.rgb).containsExactly(0x000000, 0x404040, 0xbfbfbf, 0xffffff);
  }

  @Test
  void shouldAverageBlocksBeforeShrinkingByTwoOrMore() {
    // Alternating black and white columns: a 4x shrink is mid-grey, not one of the two.
    int[] rgb = new int[16];
    for (int x = 0; x < 16; x++) {
      rgb[x] = x % 2 == 0 ? 0 : 0xffffff;
    }

    Pixels narrow = new Pixels(16, 1, rgb).resized(4, 1);

    for (int p : narrow.rgb) {
      assertThat(p & 0xff).isBetween(120, 135);
    }
  }

  /** Which of red and blue dominates columns {@code [from, to)} of the line. */
  private static Color dominant(Pixels line, int from, int to) {
    long red = 0;
    long blue = 0;
    for (int y = 12; y < 36; y++) {
      for (int x = from; x < to; x++) {
        int p = line.rgb[y * line.width + x];
        red += p >>> 16 & 0xff;
        blue += p & 0xff;
      }
    }
    return red > 2 * blue ? Color.RED : blue > 2 * red ? Color.BLUE : Color.WHITE;
  }
}
