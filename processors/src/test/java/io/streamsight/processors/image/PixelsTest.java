package io.streamsight.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PixelsTest {

  private static BufferedImage painted(int type) {
    BufferedImage image = new BufferedImage(7, 5, type);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(10, 200, 30));
      g.fillRect(0, 0, 7, 5);
      g.setColor(new Color(250, 5, 128));
      g.fillRect(2, 1, 3, 2);
    } finally {
      g.dispose();
    }
    return image;
  }

  @Test
  void shouldReadEveryLayoutAsGetRgbDoes() {
    BufferedImage reference = painted(BufferedImage.TYPE_INT_RGB);
    int[] expected = reference.getRGB(0, 0, 7, 5, null, 0, 7);
    for (int i = 0; i < expected.length; i++) {
      expected[i] &= 0xffffff;
    }
    for (int type :
        new int[] {
          BufferedImage.TYPE_INT_RGB,
          BufferedImage.TYPE_3BYTE_BGR,
          BufferedImage.TYPE_4BYTE_ABGR,
          BufferedImage.TYPE_INT_ARGB
        }) {
      assertThat(rgb24(Pixels.packedRgb(painted(type))))
          .as("type " + type)
          .containsExactly(expected);
    }
  }

  @Test
  void shouldShareTheArrayOfAnIntRgbImageAndConvertOthersOnce() {
    BufferedImage rgb = painted(BufferedImage.TYPE_INT_RGB);
    BufferedImage bgr = painted(BufferedImage.TYPE_3BYTE_BGR);

    assertThat(Pixels.toIntRgb(rgb)).isSameAs(rgb);
    assertThat(Pixels.packedRgb(rgb)).isSameAs(Pixels.packedRgb(rgb));
    assertThat(rgb24(Pixels.packedRgb(Pixels.toIntRgb(bgr))))
        .containsExactly(rgb24(Pixels.packedRgb(rgb)));
  }

  private static int[] rgb24(int[] packed) {
    int[] out = packed.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] &= 0xffffff;
    }
    return out;
  }

  @Test
  void shouldKeepAUniformImageUniformAndFillOutsideALetterbox() {
    int[] grey = new int[4 * 2];
    java.util.Arrays.fill(grey, 0x808080);

    int[] stretched = Pixels.resize(grey, 4, 2, 0, 0, 4, 2, 8, 8, 0);
    // A 4x2 image centred in a 4x4 square: the top and bottom rows are padding.
    int[] boxed = Pixels.resize(grey, 4, 2, 0, -1, 4, 4, 4, 4, 0x000000);

    assertThat(stretched).containsOnly(0x808080);
    assertThat(boxed)
        .containsExactly(
            0, 0, 0, 0, 0x808080, 0x808080, 0x808080, 0x808080, 0x808080, 0x808080, 0x808080,
            0x808080, 0, 0, 0, 0);
  }

  @Test
  void shouldInterpolateBetweenNeighboursAtHalfPixelCentres() {
    int[] ramp = {0x000000, 0x646464}; // 0 and 100 in every channel

    // Upscaled 2 -> 4: centres at -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
    int[] up = Pixels.resize(ramp, 2, 1, 0, 0, 2, 1, 4, 1, 0);

    assertThat(up).containsExactly(0x000000, 0x191919, 0x4b4b4b, 0x646464);
  }
}
