package io.streamsight.processors.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsight.events.Detection;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NanoDet on real photos, against the reference detections of a correct conversion
 * (shared/data/models-notes.md): scores within 0.01, boxes within a few pixels.
 */
class NanoDetTest {

  private static ModelRegistry registry;
  private static CatalogueModels models;
  private static NanoDet nanoDet;

  @BeforeAll
  static void load() {
    models = TestModels.require(NanoDet.MODEL);
    registry = TestModels.registry(2);
    nanoDet =
        NanoDet.load(
            registry, models, DevicePlacement.cpu("detection"), DetectionSettings.defaults());
  }

  @AfterAll
  static void close() {
    if (registry != null) {
      registry.close();
    }
  }

  private static BufferedImage photo(String relative) throws IOException {
    return ImageIO.read(TestMedia.require(relative).toFile());
  }

  @Test
  void shouldFindThePersonTheHorseAndTheDogWhereTheReferenceDoes() throws Exception {
    BufferedImage image = photo(TestMedia.DARKNET_DATA + "/person.jpg");
    List<Detection> found;
    try (ObjectDetector detector = nanoDet.newDetector()) {
      found = detector.detect(List.of(image)).get(0);
    }

    assertThat(found).extracting(Detection::getLabel).containsExactly("person", "horse", "dog");
    assertReference(found.get(0), "person", 0.74f, 175, 92, 92, 276);
    assertReference(found.get(1), "horse", 0.51f, 393, 131, 198, 209);
    assertReference(found.get(2), "dog", 0.45f, 64, 261, 132, 81);
  }

  @Test
  void shouldFindTheBicycleTheDogAndTheTruckWhereTheReferenceDoes() throws Exception {
    BufferedImage image = photo(TestMedia.DARKNET_DATA + "/dog.jpg");
    List<Detection> found;
    try (ObjectDetector detector = nanoDet.newDetector()) {
      found = detector.detect(List.of(image)).get(0);
    }

    // Below the three, only a 0.35 bench at the default threshold's edge.
    assertThat(found).extracting(Detection::getLabel).startsWith("bicycle", "dog", "truck");
    assertThat(found.subList(3, found.size())).allMatch(d -> d.getScore() < 0.36f);
    assertReference(found.get(0), "bicycle", 0.68f, 93, 107, 448, 295);
    assertReference(found.get(1), "dog", 0.42f, 116, 211, 229, 321);
    assertReference(found.get(2), "truck", 0.36f, 457, 80, 229, 80);
  }

  @Test
  void shouldGiveTheSameDetectionsInABatchAsOneByOne() throws Exception {
    List<BufferedImage> images =
        List.of(
            photo(TestMedia.DARKNET_DATA + "/dog.jpg"),
            photo(TestMedia.OPENCV_DATA + "/messi5.jpg"),
            photo(TestMedia.DARKNET_DATA + "/person.jpg"));
    try (ObjectDetector detector = nanoDet.newDetector()) {
      List<List<Detection>> batched = detector.detect(images);

      assertThat(batched).hasSize(3);
      for (int i = 0; i < images.size(); i++) {
        assertThat(batched.get(i)).isEqualTo(detector.detect(List.of(images.get(i))).get(0));
      }
      assertThat(batched.get(1)).extracting(Detection::getLabel).startsWith("person");
      assertReference(batched.get(1).get(0), "person", 0.84f, 40, 54, 399, 267);
      assertThat(detector.device()).isEqualTo("cpu");
    }
  }

  @Test
  void shouldApplyPerClassThresholdsTheAllowListAndKeepBoxesInsideTheImage() throws Exception {
    BufferedImage image = photo(TestMedia.DARKNET_DATA + "/dog.jpg");
    DetectionSettings strictTrucks =
        new DetectionSettings(0.35f, Map.of("truck", 0.5f), 0.6f, 100, Set.of(), 0.9f);
    DetectionSettings onlyDogs =
        new DetectionSettings(0.35f, Map.of(), 0.6f, 100, Set.of("dog"), 0.9f);

    try (ObjectDetector strict = nanoDet.withSettings(strictTrucks).newDetector();
        ObjectDetector dogs = nanoDet.withSettings(onlyDogs).newDetector()) {
      List<Detection> strictFound = strict.detect(List.of(image)).get(0);
      List<Detection> dogsFound = dogs.detect(List.of(image)).get(0);

      assertThat(strictFound).extracting(Detection::getLabel).startsWith("bicycle", "dog");
      assertThat(strictFound).extracting(Detection::getLabel).doesNotContain("truck");
      assertThat(dogsFound).extracting(Detection::getLabel).containsExactly("dog");
      assertThat(strictFound)
          .allSatisfy(
              d -> {
                assertThat(d.getBox().getX()).isNotNegative();
                assertThat(d.getBox().getY()).isNotNegative();
                assertThat(d.getBox().getX() + d.getBox().getW()).isLessThanOrEqualTo(768f);
                assertThat(d.getBox().getY() + d.getBox().getH()).isLessThanOrEqualTo(576f);
              });
    }
  }

  @Test
  void shouldKeepOnlyTheBetterLabelOfTwoOnTheSameBoxUnlessToldNotTo() throws Exception {
    BufferedImage image = photo(TestMedia.DARKNET_DATA + "/person.jpg");
    DetectionSettings keepBoth = new DetectionSettings(0.35f, Map.of(), 0.6f, 100, Set.of(), 1f);

    try (ObjectDetector detector = nanoDet.withSettings(keepBoth).newDetector()) {
      List<Detection> found = detector.detect(List.of(image)).get(0);

      // The reference's cow: 0.50 on the horse's box.
      assertThat(found).extracting(Detection::getLabel).contains("horse", "cow");
      assertReference(
          found.stream().filter(d -> d.getLabel().equals("cow")).findFirst().orElseThrow(),
          "cow",
          0.50f,
          393,
          131,
          198,
          209);
    }
  }

  @Test
  void shouldNotBatchStackTheConvertedModelWhoseBatchDimensionIsFixed() {
    assertThat(models.entry(NanoDet.MODEL).signature().inputs().get(0).shape().get(0))
        .isEqualTo(1L);
    assertThat(nanoDet.stacksBatches()).isFalse();
  }

  private static void assertReference(
      Detection d, String label, float score, float x, float y, float w, float h) {
    assertThat(d.getLabel()).isEqualTo(label);
    assertThat(d.getScore()).as(label + " score").isCloseTo(score, within(0.011f));
    assertThat(d.getBox().getX()).as(label + " x").isCloseTo(x, within(4f));
    assertThat(d.getBox().getY()).as(label + " y").isCloseTo(y, within(4f));
    assertThat(d.getBox().getW()).as(label + " w").isCloseTo(w, within(4f));
    assertThat(d.getBox().getH()).as(label + " h").isCloseTo(h, within(4f));
  }
}
