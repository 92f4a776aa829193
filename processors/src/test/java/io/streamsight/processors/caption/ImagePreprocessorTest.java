package io.streamsight.processors.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsight.processors.inference.generate.TinyExport;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePreprocessorTest {

  /** A 13×9 test pattern; Pillow's resize of it gave the expected values below. */
  private static BufferedImage pattern() {
    BufferedImage image = new BufferedImage(13, 9, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 9; y++) {
      for (int x = 0; x < 13; x++) {
        int r = (x * 37 + y * 11) % 256;
        int g = (x * x + 3 * y * y) % 256;
        int b = ((x ^ y) * 29) % 256;
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return image;
  }

  private static void check(int width, int height, int resample, int[] pillow) {
    BufferedImage image = pattern();
    int[] argb = image.getRGB(0, 0, 13, 9, null, 0, 13);
    for (int c = 0; c < 3; c++) {
      int[] channel = new int[argb.length];
      for (int p = 0; p < argb.length; p++) {
        channel[p] = (argb[p] >> (16 - 8 * c)) & 0xFF;
      }
      int[] resized = PilResize.resize(channel, 13, 9, width, height, resample);
      int[] expected = new int[width * height];
      for (int p = 0; p < expected.length; p++) {
        expected[p] = pillow[p * 3 + c];
      }
      assertThat(resized)
          .as("channel %d of %dx%d with filter %d", c, width, height, resample)
          .containsExactly(expected);
    }
  }

  @Test
  void shouldResizeExactlyAsPillowDoes() {
    // Values from Pillow 9.4.0: Image.resize((w, h), resample=f) of the same pattern.
    check(
        5,
        7,
        2,
        new int[] {
          42, 3, 32, 127, 13, 98, 145, 38, 169, 67, 77, 113, 152, 121, 66, 55, 9, 43, 140, 19, 97,
          158, 44, 148, 80, 83, 108, 165, 127, 91, 68, 24, 55, 153, 34, 95, 171, 59, 142, 93, 98,
          71, 178, 142, 134, 83, 51, 133, 168, 61, 106, 105, 86, 70, 108, 125, 105, 193, 169, 167,
          98, 89, 157, 183, 99, 107, 105, 124, 53, 123, 163, 119, 208, 207, 103, 111, 131, 171, 175,
          141, 105, 86, 166, 46, 136, 201, 129, 179, 152, 93, 124, 182, 108, 171, 192, 82, 73, 201,
          109, 149, 95, 72, 157, 65, 87
        });
    check(
        8,
        8,
        3,
        new int[] {
          13, 0, 9, 72, 4, 57, 133, 13, 103, 204, 27, 150, 74, 47, 206, 47, 71, 127, 118, 102, 29,
          177, 136, 82, 25, 4, 26, 84, 8, 50, 145, 17, 105, 216, 31, 158, 86, 51, 150, 59, 75, 103,
          130, 106, 106, 189, 140, 77, 37, 16, 74, 96, 20, 9, 157, 29, 110, 233, 43, 191, 103, 63,
          120, 71, 87, 44, 142, 118, 119, 201, 152, 125, 50, 35, 98, 109, 39, 91, 174, 48, 102, 203,
          62, 112, 73, 82, 102, 88, 106, 69, 155, 137, 96, 214, 171, 227, 62, 63, 128, 121, 67, 195,
          193, 76, 93, 160, 90, 12, 30, 110, 79, 107, 134, 105, 167, 165, 166, 226, 199, 129, 75,
          97, 171, 134, 101, 157, 205, 110, 97, 185, 124, 42, 47, 144, 44, 119, 168, 146, 179, 202,
          132, 247, 247, 58, 87, 140, 196, 147, 144, 148, 207, 153, 100, 67, 167, 49, 66, 188, 23,
          131, 223, 170, 200, 197, 118, 126, 61, 71, 99, 189, 145, 159, 193, 34, 216, 202, 81, 46,
          219, 122, 79, 210, 139, 143, 32, 29, 214, 51, 66, 105, 61, 103
        });
    check(
        20,
        4,
        1,
        new int[] {
          6, 2, 19, 20, 2, 17, 50, 3, 26, 74, 5, 49, 96, 8, 51, 120, 11, 61, 146, 16, 126, 162, 21,
          155, 194, 27, 152, 255, 34, 168, 177, 42, 192, 13, 51, 186, 8, 60, 126, 64, 70, 95, 82,
          82, 112, 106, 94, 109, 128, 106, 65, 152, 119, 25, 182, 137, 68, 197, 147, 116, 29, 23,
          81, 44, 23, 82, 74, 24, 76, 98, 26, 63, 120, 29, 52, 144, 32, 61, 168, 37, 125, 195, 42,
          163, 218, 48, 145, 215, 55, 127, 146, 64, 129, 36, 72, 126, 40, 79, 67, 86, 88, 35, 106,
          100, 68, 130, 112, 108, 152, 125, 123, 176, 142, 140, 207, 161, 173, 222, 171, 195, 55,
          80, 149, 70, 80, 155, 100, 81, 167, 124, 83, 175, 146, 86, 198, 170, 89, 173, 188, 94, 62,
          242, 99, 11, 236, 105, 25, 75, 113, 41, 0, 119, 38, 58, 129, 39, 89, 148, 108, 106, 164,
          150, 132, 176, 136, 156, 189, 129, 178, 196, 149, 202, 197, 166, 230, 211, 108, 244, 223,
          60, 79, 163, 223, 94, 163, 174, 124, 164, 108, 148, 166, 86, 166, 169, 91, 198, 172, 93,
          242, 177, 90, 169, 182, 92, 43, 188, 94, 31, 192, 78, 62, 212, 69, 83, 214, 75, 108, 153,
          94, 130, 124, 116, 156, 135, 111, 173, 160, 96, 215, 142, 87, 245, 72, 88, 129, 68, 77,
          37, 93, 68
        });
    check(
        6,
        5,
        2,
        new int[] {
          35, 3, 27, 106, 10, 77, 183, 27, 143, 76, 53, 163, 94, 89, 90, 165, 128, 73, 52, 16, 55,
          123, 23, 59, 200, 40, 161, 93, 66, 112, 111, 102, 89, 182, 141, 118, 73, 50, 122, 144, 57,
          127, 176, 74, 68, 69, 100, 87, 132, 136, 110, 203, 175, 166, 94, 106, 166, 165, 113, 132,
          162, 130, 54, 75, 156, 69, 153, 188, 138, 205, 192, 88, 111, 168, 139, 182, 175, 90, 96,
          192, 90, 89, 177, 90, 170, 116, 90, 148, 75, 89
        });
    check(
        4,
        3,
        5,
        new int[] {
          58, 8, 41, 171, 26, 133, 74, 65, 126, 154, 123, 85, 90, 53, 122, 180, 71, 85, 83, 110, 90,
          186, 168, 145, 122, 147, 141, 147, 165, 82, 103, 167, 92, 177, 128, 94
        });
    check(
        7,
        9,
        4,
        new int[] {
          19, 1, 15, 93, 7, 73, 167, 21, 131, 222, 36, 174, 22, 57, 218, 96, 91, 20, 170, 133, 78,
          30, 4, 15, 104, 10, 73, 178, 24, 131, 233, 39, 203, 33, 60, 90, 107, 94, 148, 181, 136,
          78, 41, 13, 73, 115, 19, 15, 189, 33, 189, 244, 48, 116, 44, 69, 90, 118, 103, 148, 192,
          145, 78, 52, 28, 73, 126, 34, 15, 200, 48, 189, 255, 63, 145, 55, 84, 90, 129, 118, 20,
          203, 160, 206, 63, 49, 131, 137, 55, 189, 211, 69, 15, 10, 84, 58, 66, 105, 90, 140, 139,
          136, 214, 181, 206, 74, 76, 131, 148, 82, 189, 222, 96, 15, 21, 111, 87, 77, 132, 90, 151,
          166, 136, 225, 208, 78, 85, 109, 189, 159, 115, 131, 233, 129, 73, 32, 144, 0, 88, 165,
          90, 162, 199, 136, 236, 241, 78, 96, 148, 189, 170, 154, 131, 116, 168, 73, 43, 183, 29,
          99, 204, 90, 173, 238, 136, 119, 24, 78, 107, 193, 119, 181, 199, 49, 127, 213, 107, 54,
          228, 150, 110, 121, 90, 184, 27, 44, 130, 69, 102
        });
  }

  @Test
  void shouldNormaliseChannelsFirstWithTheConfigsMeanAndStd(@TempDir Path dir) {
    var pre = TinyExport.object();
    pre.putObject("size").put("height", 2).put("width", 3);
    pre.putArray("image_mean").add(0.5).add(0.25).add(0.0);
    pre.putArray("image_std").add(0.5).add(0.25).add(1.0);
    TinyExport.writeJson(dir, "preprocessor_config.json", pre);
    ImagePreprocessor processor = ImagePreprocessor.read(dir);
    BufferedImage image = TinyCaptioner.solid(new Color(255, 51, 0), 6, 4);

    float[] tensor = processor.toTensor(List.of(image, image));

    assertThat(tensor).hasSize(2 * 3 * 2 * 3);
    // Red: (1 - .5) / .5 = 1; green: (.2 - .25) / .25 = -.2; blue: (0 - 0) / 1 = 0.
    for (int i = 0; i < 2; i++) {
      for (int p = 0; p < 6; p++) {
        assertThat(tensor[i * 18 + p]).isCloseTo(1f, within(1e-6f));
        assertThat(tensor[i * 18 + 6 + p]).isCloseTo(-0.2f, within(1e-6f));
        assertThat(tensor[i * 18 + 12 + p]).isCloseTo(0f, within(1e-6f));
      }
    }
  }

  @Test
  void shouldTakeGrayValuesAsTheyAreAndCropTheCentreAfterAShortestEdgeResize(@TempDir Path dir) {
    var pre = TinyExport.object();
    pre.putObject("size").put("shortest_edge", 4);
    pre.put("do_center_crop", true);
    pre.putObject("crop_size").put("height", 4).put("width", 2);
    pre.put("resample", 0);
    TinyExport.writeJson(dir, "preprocessor_config.json", pre);
    ImagePreprocessor processor = ImagePreprocessor.read(dir);
    BufferedImage gray = new BufferedImage(8, 16, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 8; x++) {
        gray.getRaster().setSample(x, y, 0, x * 30);
      }
    }

    int[][] planes = processor.process(gray);

    // 8×16 → 4×8 (nearest: columns 1, 3, 5, 7) → centre 2×4: columns 3 and 5, values 90 and 150.
    assertThat(processor.outputWidth()).isEqualTo(2);
    assertThat(processor.outputHeight()).isEqualTo(4);
    for (int[] plane : planes) {
      assertThat(plane).containsExactly(90, 150, 90, 150, 90, 150, 90, 150);
    }
  }
}
