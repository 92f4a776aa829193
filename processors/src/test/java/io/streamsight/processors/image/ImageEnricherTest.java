package io.streamsight.processors.image;

import static io.streamsight.processors.Rejections.assertRejected;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.ClaimCheck;
import io.streamsight.events.EnrichedImage;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.ModelProvenance;
import io.streamsight.processors.AvroTestSerde;
import io.streamsight.processors.RejectedInputException.Reason;
import io.streamsight.processors.payload.PayloadResolver;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageEnricherTest {

  private static final Instant WALL_CLOCK = Instant.parse("2030-01-02T03:04:05.678Z");
  private static final Instant CAPTURED = Instant.parse("2030-01-02T03:04:00.123Z");
  private static final String DLQ = "dlq";

  @TempDir Path tmp;

  private final PayloadResolver payloads = new PayloadResolver(1_000_000);
  private final ImageInspector inspector = new ImageInspector(1_000_000, 1_000_000);
  private TopologyTestDriver driver;
  private TestInputTopic<String, ImageEvent> in;
  private TestOutputTopic<String, EnrichedImage> out;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void shouldEmitOneEnrichedImageWithSourceRefInfoProvenanceAndAttributes() {
    start(false);
    byte[] png = TestImages.encode("png", 320, 200);
    ImageEvent event = event(ByteBuffer.wrap(png), 17L, Map.of("site", "ward-3", "lens", "wide"));

    in.pipeInput(new TestRecord<>("camera-1", event, CAPTURED.plusSeconds(1)));

    TestRecord<String, EnrichedImage> record = out.readRecord();
    assertThat(out.isEmpty()).isTrue();
    assertThat(record.key()).isEqualTo("camera-1");
    assertThat(record.getRecordTime()).isEqualTo(CAPTURED.plusSeconds(1));
    EnrichedImage enriched = record.value();
    assertThat(enriched.getSource().getEventId()).isEqualTo("evt-1");
    assertThat(enriched.getSource().getSourceId()).isEqualTo("camera-1");
    assertThat(enriched.getSource().getCaptureTime()).isEqualTo(CAPTURED);
    assertThat(enriched.getSource().getSequence()).isEqualTo(17L);
    assertThat(enriched.getImage().getFormat()).isEqualTo("png");
    assertThat(enriched.getImage().getWidth()).isEqualTo(320);
    assertThat(enriched.getImage().getHeight()).isEqualTo(200);
    assertThat(enriched.getImage().getSizeBytes()).isEqualTo(png.length);
    assertThat(enriched.getImage().getSha256()).isEqualTo(PayloadResolver.sha256Hex(png));
    assertThat(enriched.getDetections()).isEmpty();
    assertThat(enriched.getFaces()).isEmpty();
    assertThat(enriched.getTextRegions()).isEmpty();
    assertThat(enriched.getFullText()).isNull();
    assertThat(enriched.getCaption()).isNull();
    assertThat(enriched.getModels()).hasSize(1);
    ModelProvenance step = enriched.getModels().get(0);
    assertThat(step.getName()).isEqualTo("image-header");
    assertThat(step.getVersion()).isEqualTo("1");
    assertThat(step.getSha256()).isNull();
    assertThat(step.getDevice()).isEqualTo("cpu");
    assertThat(step.getInferenceMs()).isGreaterThanOrEqualTo(0.0);
    assertThat(enriched.getAttributes()).containsExactlyInAnyOrderEntriesOf(event.getAttributes());
    assertThat(enriched.getEnrichedTime()).isEqualTo(WALL_CLOCK);
  }

  @Test
  void shouldLeaveSequenceNullForImagesNotFromVideo() {
    start(false);

    in.pipeInput(
        "scanner-2", event(ByteBuffer.wrap(TestImages.encode("jpeg", 40, 30)), null, Map.of()));

    EnrichedImage enriched = out.readValue();
    assertThat(enriched.getSource().getSequence()).isNull();
    assertThat(enriched.getImage().getFormat()).isEqualTo("jpeg");
    assertThat(enriched.getAttributes()).isEmpty();
  }

  @Test
  void shouldResolveAClaimCheckedImage() throws Exception {
    start(false);
    byte[] gif = TestImages.encode("gif", 64, 32);
    Path file = Files.write(tmp.resolve("claim.gif"), gif);
    ClaimCheck claim =
        new ClaimCheck(file.toUri().toString(), PayloadResolver.sha256Hex(gif), (long) gif.length);

    in.pipeInput("camera-1", event(claim, null, Map.of()));

    EnrichedImage enriched = out.readValue();
    assertThat(enriched.getImage().getFormat()).isEqualTo("gif");
    assertThat(enriched.getImage().getWidth()).isEqualTo(64);
    assertThat(enriched.getImage().getSha256()).isEqualTo(claim.getSha256());
  }

  @Test
  void shouldThrowRejectedInputForAnUndecodableImage() {
    start(false);
    ImageEvent event = event(ByteBuffer.wrap("not an image".getBytes(UTF_8)), null, Map.of());

    assertRejected(() -> in.pipeInput("camera-1", event), Reason.UNDECODABLE);
    assertThat(out.isEmpty()).isTrue();
  }

  @Test
  void shouldThrowRejectedInputForADecompressionBomb() {
    start(false);
    ImageEvent event =
        event(ByteBuffer.wrap(TestImages.pngDeclaring(30_000, 30_000)), 1L, Map.of());

    assertRejected(() -> in.pipeInput("camera-1", event), Reason.OVERSIZE);
  }

  @Test
  void shouldThrowRejectedInputForATombstone() {
    start(false);

    assertRejected(() -> in.pipeInput("camera-1", (ImageEvent) null), Reason.EMPTY);
  }

  @Test
  void shouldDeadLetterTheSourceRecordWithTheRejectionMessageAndGoOn() {
    start(true);
    TestOutputTopic<byte[], byte[]> dlq =
        driver.createOutputTopic(
            DLQ, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());

    in.pipeInput(
        "camera-1", event(ByteBuffer.wrap(TestImages.pngDeclaring(9000, 9000)), null, Map.of()));
    in.pipeInput(
        "camera-1", event(ByteBuffer.wrap(TestImages.encode("bmp", 8, 8)), null, Map.of()));

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    Header message = dead.headers().lastHeader("__streams.errors.message");
    assertThat(message).isNotNull();
    assertThat(new String(message.value(), UTF_8))
        .isEqualTo("image too large: 9000x9000 = 81000000 pixels exceeds image.max.pixels=1000000");
    assertThat(new String(dead.key(), UTF_8)).isEqualTo("camera-1");
    assertThat(out.readValue().getImage().getFormat()).isEqualTo("bmp");
  }

  @Test
  void shouldSupplyANewProcessorForEveryTask() {
    FixedKeyProcessorSupplier<String, ImageEvent, EnrichedImage> supplier =
        ImageEnricher.supplier(payloads, inspector);

    assertThat(supplier.get()).isNotSameAs(supplier.get());
  }

  private void start(boolean deadLetter) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("images", Consumed.with(Serdes.String(), AvroTestSerde.of(ImageEvent.class)))
        .processValues(ImageEnricher.supplier(payloads, inspector))
        .to("enriched", Produced.with(Serdes.String(), AvroTestSerde.of(EnrichedImage.class)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "image-enricher-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    if (deadLetter) {
      props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ);
      props.put(
          StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
          LogAndContinueProcessingExceptionHandler.class);
    }
    driver = new TopologyTestDriver(builder.build(), props, WALL_CLOCK);
    in =
        driver.createInputTopic(
            "images",
            Serdes.String().serializer(),
            AvroTestSerde.of(ImageEvent.class).serializer());
    out =
        driver.createOutputTopic(
            "enriched",
            Serdes.String().deserializer(),
            AvroTestSerde.of(EnrichedImage.class).deserializer());
  }

  private static ImageEvent event(Object payload, Long frameIndex, Map<String, String> attributes) {
    return ImageEvent.newBuilder()
        .setEventId("evt-1")
        .setSourceId("camera-1")
        .setCaptureTime(CAPTURED)
        .setContentType("image/png")
        .setPayload(payload)
        .setFrameIndex(frameIndex)
        .setAttributes(attributes)
        .build();
  }
}
