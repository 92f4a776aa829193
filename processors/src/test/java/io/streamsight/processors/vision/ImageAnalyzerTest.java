package io.streamsight.processors.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsight.events.Detection;
import io.streamsight.events.ModelProvenance;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.face.BlazeFace;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.ocr.OcrSettings;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every image step together on real photos, as the pipeline runs them. */
class ImageAnalyzerTest {

  private static final SourcePlan EVERYTHING =
      new SourcePlan(EnumSet.allOf(VisionStep.class), false);

  private static ModelRegistry registry;
  private static VisionModels models;

  @BeforeAll
  static void load() {
    TestModels.require(
        NanoDet.MODEL,
        BlazeFace.FRONT,
        BlazeFace.BACK,
        OcrSettings.DETECTOR,
        OcrSettings.CLASSIFIER,
        OcrSettings.Recognizer.V4.catalogueName());
    registry = TestModels.registry(2);
    models =
        VisionModels.load(
            VisionSettings.defaults(),
            EnumSet.allOf(VisionStep.class),
            registry,
            TestModels.catalogue(),
            step -> DevicePlacement.cpu(step.configName()),
            false);
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
  void shouldDescribeTheStreetSignPhotoFromItsPeopleCarAndText() throws Exception {
    ImageWork sign = new ImageWork(EVERYTHING, photo(TestMedia.OPENCV_TEXT + "/scenetext01.jpg"));

    try (ImageAnalyzer analyzer = new ImageAnalyzer(models)) {
      analyzer.analyze(List.of(sign));
    }

    assertThat(sign.detections()).extracting(Detection::getLabel).contains("person", "car");
    assertThat(sign.fullText()).contains("NOTICE", "DOUBLE", "PARKING", "PROHIBITED");
    assertThat(sign.caption())
        .startsWith("Two people and a car")
        .contains("with text reading 'NOTICE DOUBLE PARKING PROHIBITED")
        .endsWith(".");
    assertThat(sign.models())
        .extracting(ModelProvenance::getName)
        .containsExactly(
            NanoDet.MODEL,
            BlazeFace.FRONT,
            BlazeFace.BACK,
            OcrSettings.DETECTOR,
            OcrSettings.CLASSIFIER,
            OcrSettings.Recognizer.V4.catalogueName(),
            "scene-describer");
  }

  @Test
  void shouldRunOnEachImageOnlyTheStepsOfItsPlanInOneBatch() throws Exception {
    BufferedImage dog = photo(TestMedia.DARKNET_DATA + "/dog.jpg");
    ImageWork detectOnly = new ImageWork(new SourcePlan(Set.of(VisionStep.DETECTION), false), dog);
    ImageWork captionOnly = new ImageWork(new SourcePlan(Set.of(VisionStep.CAPTION), false), dog);
    ImageWork blurred =
        new ImageWork(
            new SourcePlan(Set.of(VisionStep.DETECTION), true),
            photo(TestMedia.SKIMAGE_DATA + "/astronaut.png"));

    try (ImageAnalyzer analyzer = new ImageAnalyzer(models)) {
      analyzer.analyze(List.of(detectOnly, captionOnly, blurred));
    }

    assertThat(detectOnly.models())
        .extracting(ModelProvenance::getName)
        .containsExactly(NanoDet.MODEL);
    assertThat(detectOnly.caption()).isNull();
    assertThat(detectOnly.redacted()).isNull();
    assertThat(captionOnly.detections()).isEmpty();
    assertThat(captionOnly.caption()).isEqualTo("No objects, faces or text recognised.");
    assertThat(blurred.faces()).hasSize(1);
    assertThat(blurred.redacted()).isNotNull();
    assertThat(blurred.models())
        .extracting(ModelProvenance::getName)
        .containsExactly(NanoDet.MODEL, BlazeFace.FRONT, BlazeFace.BACK, "face-blur");
  }

  @Test
  void shouldWorkOnALargePhotoScaledDownAndReportBoxesInItsOwnPixels() throws Exception {
    BufferedImage dog = photo(TestMedia.DARKNET_DATA + "/dog.jpg");
    BufferedImage large = new BufferedImage(768 * 4, 576 * 4, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = large.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(dog, 0, 0, large.getWidth(), large.getHeight(), null);
    } finally {
      g.dispose();
    }
    SourcePlan detect = new SourcePlan(Set.of(VisionStep.DETECTION), false);
    ImageWork small = new ImageWork(detect, dog);
    ImageWork big = new ImageWork(detect, large);

    try (ImageAnalyzer analyzer = new ImageAnalyzer(models)) {
      analyzer.analyze(List.of(small, big));
    }

    assertThat(big.image().getWidth()).isEqualTo(ImageWork.MAX_WORKING_SIDE);
    assertThat(big.width()).isEqualTo(3072);
    Detection bicycle = small.detections().get(0);
    Detection bigBicycle = big.detections().get(0);
    assertThat(bigBicycle.getLabel()).isEqualTo("bicycle");
    assertThat(bigBicycle.getBox().getX()).isCloseTo(bicycle.getBox().getX() * 4, within(24f));
    assertThat(bigBicycle.getBox().getW()).isCloseTo(bicycle.getBox().getW() * 4, within(24f));
    assertThat(bigBicycle.getBox().getH()).isCloseTo(bicycle.getBox().getH() * 4, within(24f));
  }
}
