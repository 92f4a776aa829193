package io.streamsight.processors.text;

import static io.streamsight.processors.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.TextEvent;
import io.streamsight.processors.AvroTestSerde;
import io.streamsight.processors.RejectedInputException.Reason;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TextNormalizerProcessorTest {

  private static final Instant WRITTEN = Instant.parse("2030-03-04T05:06:07.089Z");

  private final TextNormalizer normalizer = new TextNormalizer(50);
  private TopologyTestDriver driver;
  private TestInputTopic<String, TextEvent> in;
  private TestOutputTopic<String, TextEvent> out;

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("text", Consumed.with(Serdes.String(), AvroTestSerde.of(TextEvent.class)))
        .processValues(TextNormalizerProcessor.supplier(normalizer))
        .to("text.normalized", Produced.with(Serdes.String(), AvroTestSerde.of(TextEvent.class)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "text-normalizer-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props);
    in =
        driver.createInputTopic(
            "text", Serdes.String().serializer(), AvroTestSerde.of(TextEvent.class).serializer());
    out =
        driver.createOutputTopic(
            "text.normalized",
            Serdes.String().deserializer(),
            AvroTestSerde.of(TextEvent.class).deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldEmitACopyWithOnlyTheTextNormalised() {
    TextEvent event = event("\uFEFF Amoxicilline\u0301\u00a0500 mg\n\u00bd tab ");

    in.pipeInput(new TestRecord<>("terminal-7", event, WRITTEN));

    TestRecord<String, TextEvent> record = out.readRecord();
    assertThat(out.isEmpty()).isTrue();
    assertThat(record.key()).isEqualTo("terminal-7");
    assertThat(record.getRecordTime()).isEqualTo(WRITTEN);
    TextEvent normalised = record.value();
    assertThat(normalised.getText()).isEqualTo("Amoxicillin\u00e9 500 mg \u00bd tab");
    assertThat(normalised.getEventId()).isEqualTo(event.getEventId());
    assertThat(normalised.getSourceId()).isEqualTo(event.getSourceId());
    assertThat(normalised.getCaptureTime()).isEqualTo(event.getCaptureTime());
    assertThat(normalised.getContentType()).isEqualTo(event.getContentType());
    assertThat(normalised.getLanguage()).isEqualTo("fr-CA");
    assertThat(normalised.getKind()).isEqualTo("order");
    assertThat(normalised.getAttributes())
        .containsExactlyInAnyOrderEntriesOf(event.getAttributes());
  }

  @Test
  void shouldSupplyANewProcessorForEveryTask() {
    FixedKeyProcessorSupplier<String, TextEvent, TextEvent> supplier =
        TextNormalizerProcessor.supplier(normalizer);

    assertThat(supplier.get()).isNotSameAs(supplier.get());
  }

  @Test
  void shouldThrowRejectedInputForWhitespaceOnlyText() {
    assertRejected(() -> in.pipeInput("k", event(" \u200B\n")), Reason.EMPTY);
    assertThat(out.isEmpty()).isTrue();
  }

  @Test
  void shouldThrowRejectedInputForOversizedText() {
    assertRejected(() -> in.pipeInput("k", event("x".repeat(51))), Reason.OVERSIZE);
  }

  @Test
  void shouldThrowRejectedInputForATombstone() {
    assertRejected(() -> in.pipeInput("k", (TextEvent) null), Reason.EMPTY);
  }

  private static TextEvent event(String text) {
    return TextEvent.newBuilder()
        .setEventId("evt-3")
        .setSourceId("terminal-7")
        .setCaptureTime(WRITTEN.minusSeconds(5))
        .setText(text)
        .setLanguage("fr-CA")
        .setKind("order")
        .setAttributes(Map.of("pharmacy", "central", "shift", "night"))
        .build();
  }
}
