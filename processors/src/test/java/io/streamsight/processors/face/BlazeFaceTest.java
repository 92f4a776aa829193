package io.streamsight.processors.face;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.Face;
import io.streamsight.events.Point;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.image.Pixels;
import io.streamsight.processors.image.Rect;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BlazeFace on real photos: both models merged (the default), and each on its own. */
class BlazeFaceTest {

  private static ModelRegistry registry;
  private static BlazeFace both;
  private static BlazeFace front;
  private static BlazeFace back;

  @BeforeAll
  static void load() {
    CatalogueModels models = TestModels.require(BlazeFace.FRONT, BlazeFace.BACK);
    registry = TestModels.registry(2);
    DevicePlacement cpu = DevicePlacement.cpu("faces");
    FaceSettings defaults = FaceSettings.defaults();
    both = BlazeFace.load(registry, models, cpu, defaults);
    front =
        BlazeFace.load(
            registry,
            models,
            cpu,
            new FaceSettings(FaceModels.FRONT, defaults.scoreThreshold(), defaults.nmsIou(), 100));
    back =
        BlazeFace.load(
            registry,
            models,
            cpu,
            new FaceSettings(FaceModels.BACK, defaults.scoreThreshold(), defaults.nmsIou(), 100));
  }

  @AfterAll
  static void close() {
    if (registry != null) {
      registry.close();
    }
  }

  static BufferedImage photo(String relative) throws IOException {
    return ImageIO.read(TestMedia.require(relative).toFile());
  }

  @Test
  void shouldFindExactlyTheAstronautsFaceWithItsLandmarksInsideTheBox() throws Exception {
    BufferedImage astronaut = photo(TestMedia.SKIMAGE_DATA + "/astronaut.png");

    List<Face> faces;
    try (FaceDetector detector = both.newDetector()) {
      faces = detector.detect(List.of(astronaut)).get(0);
      assertThat(detector.lastMillis()).containsOnlyKeys(BlazeFace.FRONT, BlazeFace.BACK);
    }

    assertThat(faces).hasSize(1);
    Face face = faces.get(0);
    assertThat(face.getScore()).isGreaterThan(0.8f);
    Rect box = Rect.of(face.getBox());
    // The face of the 512x512 portrait lies around (225, 125), about 100 pixels wide.
    assertThat(box.centerX()).isBetween(200f, 250f);
    assertThat(box.centerY()).isBetween(100f, 150f);
    assertThat(box.width()).isBetween(70f, 140f);
    assertThat(face.getLandmarks()).hasSize(6);
    for (Point p : face.getLandmarks().subList(0, 4)) {
      assertThat(p.getX()).isBetween(box.x1(), box.x2());
      assertThat(p.getY()).isBetween(box.y1(), box.y2());
    }
    // The subject's right eye is on the left of the picture, the mouth below the nose.
    assertThat(face.getLandmarks().get(0).getX()).isLessThan(face.getLandmarks().get(1).getX());
    assertThat(face.getLandmarks().get(3).getY()).isGreaterThan(face.getLandmarks().get(2).getY());
  }

  @Test
  void shouldFindTheAstronautWithEitherModelAlone() throws Exception {
    BufferedImage astronaut = photo(TestMedia.SKIMAGE_DATA + "/astronaut.png");

    try (FaceDetector f = front.newDetector();
        FaceDetector b = back.newDetector()) {
      assertThat(f.detect(List.of(astronaut)).get(0)).hasSize(1);
      assertThat(b.detect(List.of(astronaut)).get(0)).hasSize(1);
      assertThat(f.lastMillis()).containsOnlyKeys(BlazeFace.FRONT);
      assertThat(f.device()).isEqualTo("cpu");
    }
  }

  @Test
  void shouldFindTheSmallDistantFaceOnlyWithTheFullRangeModel() throws Exception {
    // The woman's face in darknet's person.jpg is about 23 pixels wide in a 640x424 photo.
    BufferedImage person = photo(TestMedia.DARKNET_DATA + "/person.jpg");

    try (FaceDetector f = front.newDetector();
        FaceDetector merged = both.newDetector()) {
      List<List<Face>> batch = merged.detect(List.of(person, person));

      assertThat(f.detect(List.of(person)).get(0)).isEmpty();
      assertThat(batch).hasSize(2);
      assertThat(batch.get(0)).hasSize(1);
      assertThat(batch.get(1)).isEqualTo(batch.get(0));
      Rect box = Rect.of(batch.get(0).get(0).getBox());
      assertThat(box.width()).isBetween(15f, 35f);
      // Inside the reference box of the person: x 175..267, y 92..368.
      assertThat(box.centerX()).isBetween(175f, 267f);
      assertThat(box.centerY()).isBetween(92f, 200f);
    }
  }

  @Test
  void shouldNotFindTheFaceAnyMoreOnceItIsBlurred() throws Exception {
    BufferedImage astronaut = photo(TestMedia.SKIMAGE_DATA + "/astronaut.png");

    try (FaceDetector detector = both.newDetector()) {
      List<Face> faces = detector.detect(List.of(astronaut)).get(0);
      BufferedImage blurred = FaceBlur.blur(astronaut, faces);

      assertThat(detector.detect(List.of(blurred)).get(0)).isEmpty();
      assertThat(Pixels.packedRgb(blurred)).hasSize(512 * 512);
    }
  }
}
