package io.streamsight.processors.face;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.Box;
import io.streamsight.events.Face;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.image.Pixels;
import io.streamsight.processors.image.Rect;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FaceBlurTest {

  /** Roughly where BlazeFace puts the astronaut's face. */
  private static final Face ASTRONAUT =
      Face.newBuilder()
          .setBox(Box.newBuilder().setX(176).setY(78).setW(97).setH(97).build())
          .setScore(0.92f)
          .setLandmarks(List.of())
          .build();

  @Test
  void shouldChangeTheFaceStronglyAndNothingOutsideTheGrownBox() throws Exception {
    BufferedImage image =
        ImageIO.read(TestMedia.require(TestMedia.SKIMAGE_DATA + "/astronaut.png").toFile());
    int[] before = Pixels.packedRgb(image).clone();

    BufferedImage blurred = FaceBlur.blur(image, List.of(ASTRONAUT));

    int[] after = Pixels.packedRgb(blurred);
    Rect region = FaceBlur.region(ASTRONAUT, 512, 512);
    Rect face = Rect.of(ASTRONAUT.getBox());
    long changedOutside = 0;
    double differenceInside = 0;
    int inside = 0;
    for (int y = 0; y < 512; y++) {
      for (int x = 0; x < 512; x++) {
        int i = y * 512 + x;
        boolean inRegion =
            x >= Math.floor(region.x1())
                && x < Math.ceil(region.x2())
                && y >= Math.floor(region.y1())
                && y < Math.ceil(region.y2());
        if (!inRegion && (before[i] & 0xffffff) != (after[i] & 0xffffff)) {
          changedOutside++;
        }
        if (x >= face.x1() && x < face.x2() && y >= face.y1() && y < face.y2()) {
          differenceInside += Math.abs(grey(before[i]) - grey(after[i]));
          inside++;
        }
      }
    }
    assertThat(changedOutside).isZero();
    assertThat(differenceInside / inside).as("mean grey change in the face").isGreaterThan(10);
    // Detail (local contrast) in the face is mostly gone.
    assertThat(detail(after, face)).isLessThan(detail(before, face) / 4);
    // The input image is left as it was.
    assertThat(java.util.Arrays.equals(Pixels.packedRgb(image), before)).isTrue();
  }

  @Test
  void shouldReturnAnUnchangedCopyWithoutFaces() {
    BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_3BYTE_BGR);
    image.setRGB(3, 2, 0x123456);

    BufferedImage copy = FaceBlur.blur(image, List.of());

    assertThat(copy).isNotSameAs(image);
    assertThat(copy.getRGB(3, 2) & 0xffffff).isEqualTo(0x123456);
  }

  private static double grey(int p) {
    return (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3.0;
  }

  /** Mean absolute difference between horizontal neighbours inside a box. */
  private static double detail(int[] rgb, Rect box) {
    double sum = 0;
    int n = 0;
    for (int y = (int) box.y1(); y < (int) box.y2(); y++) {
      for (int x = (int) box.x1(); x < (int) box.x2() - 1; x++) {
        sum += Math.abs(grey(rgb[y * 512 + x]) - grey(rgb[y * 512 + x + 1]));
        n++;
      }
    }
    return sum / n;
  }
}
