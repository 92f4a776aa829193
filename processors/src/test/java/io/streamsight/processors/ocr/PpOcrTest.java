package io.streamsight.processors.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsight.events.ModelProvenance;
import io.streamsight.events.Point;
import io.streamsight.events.TextRegion;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on the real PP-OCR models and real photos and scans; the models are loaded
 * once for the class. Expected words were checked by looking at the images.
 */
class PpOcrTest {

  private static CatalogueModels models;
  private static ModelRegistry registry;
  private static PpOcr ocr;
  private static TextReader reader;

  @BeforeAll
  static void load() {
    models =
        TestModels.require(
            OcrSettings.DETECTOR,
            OcrSettings.CLASSIFIER,
            OcrSettings.Recognizer.V4.catalogueName());
    registry = TestModels.registry(2);
    ocr = PpOcr.load(registry, models, DevicePlacement.cpu("ocr"), OcrSettings.defaults());
    reader = ocr.newReader();
  }

  @AfterAll
  static void close() {
    if (reader != null) {
      reader.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void shouldReadTheStreetSignLineByLine() throws IOException {
    BufferedImage photo = image(TestMedia.OPENCV_TEXT + "/scenetext01.jpg");

    OcrResult result = read(photo);

    assertThat(result.fullText()).startsWith("NOTICE\nDOUBLE\nPARKING\nPROHIBITED\nAT ALL TIMES");
    assertThat(result.regions().subList(0, 5))
        .extracting(TextRegion::getText)
        .containsExactly("NOTICE", "DOUBLE", "PARKING", "PROHIBITED", "AT ALL TIMES");
    for (TextRegion region : result.regions()) {
      assertThat(region.getScore()).isBetween(0.5f, 1f);
      assertThat(region.getPolygon()).hasSize(4);
      for (Point p : region.getPolygon()) {
        assertThat(p.getX()).isBetween(0f, (float) photo.getWidth());
        assertThat(p.getY()).isBetween(0f, (float) photo.getHeight());
      }
    }
    // NOTICE sits on the orange band at the top of the sign, about x 274..428, y 34..77.
    List<Point> notice = result.regions().get(0).getPolygon();
    assertThat(notice.get(0).getX()).isCloseTo(274f, within(8f));
    assertThat(notice.get(0).getY()).isCloseTo(34f, within(8f));
    assertThat(notice.get(2).getX()).isCloseTo(428f, within(8f));
    assertThat(notice.get(2).getY()).isCloseTo(77f, within(8f));
  }

  @Test
  void shouldReportTimeAndProvenancePerModel() throws IOException {
    OcrResult result = read(image(TestMedia.OPENCV_TEXT + "/scenetext01.jpg"));

    assertThat(result.timings())
        .extracting(OcrResult.ModelTime::model)
        .containsExactly("ppocr-v4-det", "ppocr-cls", "ppocr-v4-rec");
    assertThat(result.timings()).allSatisfy(t -> assertThat(t.ms()).isPositive());
    List<ModelProvenance> provenance = result.provenance(models, "cpu");
    assertThat(provenance)
        .extracting(ModelProvenance::getName)
        .containsExactlyElementsOf(ocr.modelNames());
    assertThat(provenance)
        .allSatisfy(
            p -> {
              assertThat(p.getSha256()).hasSize(64);
              assertThat(p.getDevice()).isEqualTo("cpu");
            });
  }

  @Test
  void shouldReadAScannedBookPageExactlyLineByLine() throws IOException {
    OcrResult result = read(image(TestMedia.OPENCV_DATA + "/imageTextN.png"));

    List<String> lines = Arrays.asList(result.fullText().split("\n"));
    assertThat(lines).hasSize(13);
    assertThat(lines.get(0))
        .isEqualTo("technical details are too complex to cover in the book itself.");
    assertThat(lines)
        .contains(
            "these projects even turn into conference papers!) The exercises at the end of each chapter",
            "variety and complexity of real-world imagery.");
    assertThat(lines.get(12)).isEqualTo("inspiration from three high-level approaches:");
  }

  @Test
  void shouldReadTheSamePageTurnedByTenDegreesInLineOrderWithItsSpaces() throws IOException {
    OcrResult result = read(image(TestMedia.OPENCV_DATA + "/imageTextR.png"));

    List<String> lines = Arrays.asList(result.fullText().split("\n"));
    assertThat(lines).hasSize(13);
    assertThat(lines.get(0)).startsWith("technical details are too complex");
    assertThat(lines.get(3))
        .isEqualTo(
            "working with real-world images and the challenges that these present. The students are then");
    assertThat(lines.get(12)).isEqualTo("inspiration from three high-level approaches:");
    // The v4 recogniser leaves these spaces out; the space recovery puts them back.
    assertThat(result.fullText())
        .contains("try their algorithms on their own personal", "still active research topics");
  }

  @Test
  void shouldReadEveryLineOfACurledPhotographedPage() throws IOException {
    OcrResult result = read(image(TestMedia.SKIMAGE_DATA + "/page.png"));

    assertThat(result.fullText())
        .startsWith("Region-based segmentation\n")
        .contains(
            "Let us first determine markers of the coins and the",
            "background. These markers are pixels that we can label",
            "the markers are found at the two extreme parts of the",
            "histogram of grey values:");
  }

  @Test
  void shouldNotMakeUpWordsFromHandwrittenFormulas() throws IOException {
    // skimage's text.png: handwritten maths on a textured page, photographed at a slant.
    OcrResult result = read(image(TestMedia.SKIMAGE_DATA + "/text.png"));

    assertThat(result.fullText()).doesNotContainPattern("\\p{L}{3,}");
  }

  @Test
  void shouldReadRenderedTextExactly() {
    BufferedImage image = SyntheticText.line("Pharmacy order ready for pickup 2024");

    assertThat(read(image).fullText()).isEqualTo("Pharmacy order ready for pickup 2024");
  }

  @Test
  void shouldTurnTextThatIsUpsideDownBackWithTheAngleClassifier() {
    BufferedImage upsideDown =
        SyntheticText.turned(SyntheticText.line("Double parking prohibited"));

    OcrResult result = read(upsideDown);

    assertThat(result.fullText()).isEqualTo("Double parking prohibited");
    assertThat(result.regions()).hasSize(1);
  }

  @Test
  void shouldNotReadUpsideDownTextWithoutTheAngleClassifier() {
    PpOcr withoutAngles =
        PpOcr.load(
            registry,
            models,
            DevicePlacement.cpu("ocr-no-angle"),
            OcrSettings.defaults().withClassifyAngle(false));
    try (TextReader plain = withoutAngles.newReader()) {
      BufferedImage upsideDown =
          SyntheticText.turned(SyntheticText.line("Double parking prohibited"));

      OcrResult result = plain.read(List.of(upsideDown)).get(0);

      assertThat(result.fullText()).isNotEqualTo("Double parking prohibited");
      assertThat(result.timings())
          .extracting(OcrResult.ModelTime::model)
          .containsExactly("ppocr-v4-det", "ppocr-v4-rec");
    }
  }

  @Test
  void shouldReadTwoColumnsRowByRow() {
    BufferedImage grid = SyntheticText.grid("NORTH", "EAST", "SOUTH", "WEST");

    OcrResult result = read(grid);

    assertThat(result.fullText()).isEqualTo("NORTH EAST\nSOUTH WEST");
    assertThat(result.regions())
        .extracting(TextRegion::getText)
        .containsExactly("NORTH", "EAST", "SOUTH", "WEST");
  }

  @Test
  void shouldReadABatchOfImagesInOrderAsItReadsThemOneByOne() throws IOException {
    BufferedImage sign = image(TestMedia.OPENCV_TEXT + "/scenetext01.jpg");
    BufferedImage line = SyntheticText.line("Kafka streams 2024");
    BufferedImage blank = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);

    List<OcrResult> batch = reader.read(List.of(line, blank, sign));

    assertThat(batch).hasSize(3);
    assertThat(batch.get(0).fullText()).isEqualTo("Kafka streams 2024");
    assertThat(batch.get(1).regions()).isEmpty();
    assertThat(batch.get(1).fullText()).isEmpty();
    assertThat(batch.get(2).fullText()).isEqualTo(read(sign).fullText());
  }

  @Test
  void shouldReadNothingFromTinyOrEmptyInput() {
    assertThat(reader.read(List.of())).isEmpty();
    OcrResult dot = read(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB));
    assertThat(dot.regions()).isEmpty();
    assertThat(dot.fullText()).isEmpty();
  }

  @Test
  void shouldReadWithTheV3RecognizerWhenConfigured() {
    PpOcr v3 =
        PpOcr.load(
            registry,
            TestModels.require(OcrSettings.Recognizer.V3.catalogueName()),
            DevicePlacement.cpu("ocr-v3"),
            OcrSettings.defaults().withRecognizer(OcrSettings.Recognizer.V3));
    try (TextReader v3Reader = v3.newReader()) {
      OcrResult result = v3Reader.read(List.of(SyntheticText.line("Pharmacy order ready"))).get(0);

      assertThat(result.fullText()).isEqualTo("Pharmacy order ready");
      assertThat(result.timings()).extracting(OcrResult.ModelTime::model).contains("ppocr-v3-rec");
    }
  }

  private static OcrResult read(BufferedImage image) {
    return reader.read(List.of(image)).get(0);
  }

  private static BufferedImage image(String relative) throws IOException {
    Path file = TestMedia.require(relative);
    return ImageIO.read(file.toFile());
  }
}
