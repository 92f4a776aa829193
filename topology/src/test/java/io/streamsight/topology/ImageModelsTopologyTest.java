package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.Detection;
import io.streamsight.events.EnrichedImage;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.ModelProvenance;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.face.BlazeFace;
import io.streamsight.processors.image.Pixels;
import io.streamsight.processors.image.Rect;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.processors.vision.Redactor;
import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.config.StreamsightConfig;
import io.streamsight.topology.samples.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The image topology with the real models, in the TopologyTestDriver: per-source processors and
 * privacy switch, provenance, micro-batching, dead letters. The models load once for the class.
 */
class ImageModelsTopologyTest extends TopologyTestSupport {

  /** Every source: detection, faces, caption (the defaults); overrides below. */
  private static final Map<String, String> CONFIG =
      Map.of(
          "image.processors", "detection,faces,caption",
          "source.docs.image.processors", "ocr,caption",
          "source.archive.image.processors", "",
          "source.lobby.image.privacy.blur", "true",
          "source.lobby.image.processors", "detection",
          "batch.max.size", "4",
          "image.max.pixels", "20000000");

  private static ModelRegistry registry;
  private static VisionSetup shared;

  private TestInputTopic<String, ImageEvent> images;
  private TestOutputTopic<String, EnrichedImage> enriched;
  private TestOutputTopic<String, ImageEvent> redacted;

  @BeforeAll
  static void loadModels() {
    TestModels.require(
        NanoDet.MODEL,
        BlazeFace.FRONT,
        BlazeFace.BACK,
        "ppocr-v4-det",
        "ppocr-cls",
        "ppocr-v4-rec");
    registry = TestModels.registry(2);
    shared = VisionSetup.load(ConfigLoader.load(null, Map.of(), CONFIG), registry);
  }

  @AfterAll
  static void closeModels() {
    if (registry != null) {
      registry.close();
    }
  }

  @Override
  protected Map<String, String> overrides() {
    return CONFIG;
  }

  @Override
  protected VisionSetup vision(StreamsightConfig config, ModelRegistry unused) {
    return shared;
  }

  @BeforeEach
  void topics() {
    images = input(topics.images());
    enriched = output(topics.enrichedImages());
    redacted = output(topics.redactedImages());
  }

  private static ImageEvent event(String id, String source, byte[] bytes) {
    return ImageEvent.newBuilder()
        .setEventId(id)
        .setSourceId(source)
        .setCaptureTime(START)
        .setContentType("image/jpeg")
        .setPayload(ByteBuffer.wrap(bytes))
        .setAttributes(Map.of("file", id))
        .build();
  }

  private void send(String id, String source, byte[] bytes) {
    images.pipeInput(source, event(id, source, bytes));
  }

  /** Lets the micro-batch's wall-clock punctuation run the records still buffered. */
  private void flush() {
    driver.advanceWallClockTime(Duration.ofSeconds(1));
  }

  private static byte[] photo(String relative) {
    return TestMedia.bytes(relative);
  }

  @Test
  void shouldDetectCaptionAndAccountForEveryModelOnARealPhoto() {
    send("person", "cam-1", photo(TestMedia.DARKNET_DATA + "/person.jpg"));
    flush();

    EnrichedImage out = enriched.readValue();
    assertThat(out.getDetections())
        .extracting(Detection::getLabel)
        .containsExactly("person", "horse", "dog");
    assertThat(out.getFaces()).hasSize(1);
    assertThat(out.getCaption())
        .isEqualTo(
            "A person in the centre, a horse on the right and a dog on the left,"
                + " with one face visible.");
    assertThat(out.getModels())
        .extracting(ModelProvenance::getName)
        .containsExactly(
            "image-header", NanoDet.MODEL, BlazeFace.FRONT, BlazeFace.BACK, "scene-describer");
    for (ModelProvenance model : out.getModels().subList(1, 4)) {
      assertThat(model.getSha256()).as(model.getName()).hasSize(64);
      assertThat(model.getDevice()).isEqualTo("cpu");
      assertThat(model.getInferenceMs()).isPositive();
      assertThat(model.getVersion()).isNotBlank();
    }
    assertThat(out.getImage().getWidth()).isEqualTo(640);
    assertThat(out.getFullText()).isNull();
    assertThat(out.getAttributes()).containsEntry("file", "person");
    assertThat(redacted.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldRunOnlyTheProcessorsEnabledForEachSourceAndKeepEachSourcesOrder() {
    byte[] dog = photo(TestMedia.DARKNET_DATA + "/dog.jpg");
    send("a1", "archive", dog);
    send("d1", "docs", dog);
    send("c1", "cam-1", dog);
    send("a2", "archive", SampleMedia.signPng());
    flush();

    Map<String, EnrichedImage> byId = new HashMap<>();
    List<EnrichedImage> all = enriched.readValuesToList();
    all.forEach(e -> byId.put(e.getSource().getEventId(), e));
    assertThat(byId).containsOnlyKeys("a1", "d1", "c1", "a2");
    // Header only: not buffered, no model.
    assertThat(byId.get("a1").getModels())
        .extracting(ModelProvenance::getName)
        .containsExactly("image-header");
    assertThat(byId.get("a1").getCaption()).isNull();
    // OCR and caption: no text in this photo, no detector ran, and the describer says so.
    assertThat(byId.get("d1").getModels())
        .extracting(ModelProvenance::getName)
        .containsExactly(
            "image-header", "ppocr-v4-det", "ppocr-cls", "ppocr-v4-rec", "scene-describer");
    assertThat(byId.get("d1").getFullText()).isEmpty();
    assertThat(byId.get("d1").getDetections()).isEmpty();
    assertThat(byId.get("d1").getCaption()).isEqualTo("No objects, faces or text recognised.");
    // Everything.
    assertThat(byId.get("c1").getDetections())
        .extracting(Detection::getLabel)
        .startsWith("bicycle", "dog", "truck");
    assertThat(byId.get("c1").getCaption()).startsWith("A bicycle");
    assertThat(
            all.stream()
                .filter(e -> e.getSource().getSourceId().equals("archive"))
                .map(e -> e.getSource().getEventId()))
        .containsExactly("a1", "a2");
  }

  @Test
  void shouldReadTheTextOfADocumentSourceAndQuoteItInTheCaption() {
    send("sign", "docs", photo(TestMedia.OPENCV_TEXT + "/scenetext01.jpg"));
    flush();

    EnrichedImage out = enriched.readValue();
    assertThat(out.getFullText()).contains("NOTICE", "DOUBLE", "PARKING", "PROHIBITED");
    assertThat(out.getTextRegions())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.getPolygon()).hasSize(4));
    assertThat(out.getCaption()).startsWith("Text reading 'NOTICE DOUBLE PARKING PROHIBITED");
    assertThat(out.getDetections()).isEmpty();
  }

  @Test
  void shouldRunAFullBatchAtOnceAndShareTheModelTimeBetweenItsImages() {
    byte[] dog = photo(TestMedia.DARKNET_DATA + "/dog.jpg");
    byte[] person = photo(TestMedia.DARKNET_DATA + "/person.jpg");
    send("1", "cam-1", dog);
    send("2", "cam-1", person);
    send("3", "cam-1", dog);
    assertThat(enriched.isEmpty()).as("three of four: still buffered").isTrue();

    send("4", "cam-1", person);

    List<EnrichedImage> batch = enriched.readValuesToList();
    assertThat(batch)
        .extracting(e -> e.getSource().getEventId())
        .containsExactly("1", "2", "3", "4");
    assertThat(batch.get(0).getDetections()).isEqualTo(batch.get(2).getDetections());
    assertThat(batch.get(1).getDetections()).isEqualTo(batch.get(3).getDetections());
    double first = nanodetMs(batch.get(0));
    assertThat(batch).allSatisfy(e -> assertThat(nanodetMs(e)).isEqualTo(first));
  }

  private static double nanodetMs(EnrichedImage e) {
    return e.getModels().stream()
        .filter(m -> m.getName().equals(NanoDet.MODEL))
        .findFirst()
        .orElseThrow()
        .getInferenceMs();
  }

  @Test
  void shouldPublishAFaceBlurredCopyForAPrivacySource() throws Exception {
    byte[] astronaut = photo(TestMedia.SKIMAGE_DATA + "/astronaut.png");
    send("astro", "lobby", astronaut);
    flush();

    EnrichedImage out = enriched.readValue();
    // The lobby runs detection only, but the privacy switch adds the faces.
    assertThat(out.getModels())
        .extracting(ModelProvenance::getName)
        .containsExactly(
            "image-header", NanoDet.MODEL, BlazeFace.FRONT, BlazeFace.BACK, "face-blur");
    assertThat(out.getFaces()).hasSize(1);
    assertThat(out.getCaption()).isNull();

    TestRecord<String, ImageEvent> copy = redacted.readRecord();
    assertThat(copy.key()).isEqualTo("lobby");
    ImageEvent event = copy.value();
    assertThat(event.getEventId()).isEqualTo("astro");
    assertThat(event.getContentType()).isEqualTo("image/png");
    assertThat(event.getAttributes())
        .containsEntry("file", "astro")
        .containsEntry(Redactor.FACES_ATTRIBUTE, "1");
    byte[] bytes = new PayloadResolver(10_000_000).resolve(event.getPayload());
    BufferedImage original = ImageIO.read(new ByteArrayInputStream(astronaut));
    BufferedImage blurred = ImageIO.read(new ByteArrayInputStream(bytes));
    Rect face = Rect.of(out.getFaces().get(0).getBox());
    assertThat(meanDifference(original, blurred, face)).isGreaterThan(10);
    assertThat(meanDifference(original, blurred, new Rect(0, 300, 512, 512))).isZero();
  }

  private static double meanDifference(BufferedImage a, BufferedImage b, Rect r) {
    int[] pa = Pixels.packedRgb(a);
    int[] pb = Pixels.packedRgb(b);
    double sum = 0;
    int n = 0;
    for (int y = (int) r.y1(); y < (int) r.y2(); y++) {
      for (int x = (int) r.x1(); x < (int) r.x2(); x++) {
        int i = y * a.getWidth() + x;
        for (int shift = 0; shift <= 16; shift += 8) {
          sum += Math.abs(((pa[i] >> shift) & 0xff) - ((pb[i] >> shift) & 0xff));
        }
        n++;
      }
    }
    return sum / (3.0 * n);
  }

  @Test
  void shouldDeadLetterACorruptImageOnTheModelPathWithItsReasonAndGoOn() {
    // Half a photo: its header passes the check, its pixel data fails the one decode.
    byte[] person = photo(TestMedia.DARKNET_DATA + "/person.jpg");
    send("broken", "cam-2", java.util.Arrays.copyOf(person, person.length / 2));
    send("good", "cam-1", photo(TestMedia.DARKNET_DATA + "/dog.jpg"));
    flush();
    // The bad record fails its batch alone; the ones after it run with the next trigger.
    flush();

    assertThat(enriched.readValuesToList())
        .extracting(e -> e.getSource().getEventId())
        .containsExactly("good");
    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("cam-2");
    assertThat(errorHeader(dead, "exception")).endsWith("RejectedInputException");
    assertThat(errorHeader(dead, "message")).startsWith("corrupt jpeg image (640x424)");
    assertThat(errorHeader(dead, "topic")).isEqualTo("images.raw");
    ImageEvent original =
        topics.images().valueSerde().deserializer().deserialize("images.raw", dead.value());
    assertThat(original.getEventId()).isEqualTo("broken");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldDeadLetterAnUnreadableImageBeforeItIsBuffered() {
    send("text", "cam-1", "not an image at all".getBytes(StandardCharsets.UTF_8));

    // Rejected by the header check at once, without waiting for a batch.
    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    assertThat(errorHeader(dead, "message")).contains("not a decodable image");
    flush();
    assertThat(enriched.isEmpty()).isTrue();
  }
}
