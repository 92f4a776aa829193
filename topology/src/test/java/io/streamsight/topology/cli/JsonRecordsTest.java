package io.streamsight.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamsight.events.TextEvent;
import io.streamsight.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class JsonRecordsTest {

  private final Topics topics = Topics.create();
  private final JsonRecords json = new JsonRecords(topics);

  private static ConsumerRecord<byte[], byte[]> record(
      String topic, byte[] key, byte[] value, RecordHeaders headers) {
    return new ConsumerRecord<>(
        topic,
        0,
        7L,
        0L,
        TimestampType.CREATE_TIME,
        0,
        0,
        key,
        value,
        headers,
        java.util.Optional.empty());
  }

  @Test
  void shouldRenderAvroRecordAsAvroJsonWithTopicField() throws Exception {
    TextEvent event =
        TextEvent.newBuilder()
            .setEventId("e1")
            .setSourceId("s1")
            .setCaptureTime(Instant.ofEpochMilli(1_700_000_000_000L))
            .setText("take 1 tablet")
            .setLanguage("en")
            .setAttributes(Map.of("k", "v"))
            .build();
    byte[] value = topics.text().valueSerde().serializer().serialize("text.raw", event);

    JsonNode node =
        JsonRecords.MAPPER.readTree(
            json.render(record("text.raw", null, value, new RecordHeaders())));

    assertThat(node.get("topic").asText()).isEqualTo("text.raw");
    assertThat(node.get("eventId").asText()).isEqualTo("e1");
    assertThat(node.get("captureTime").asLong()).isEqualTo(1_700_000_000_000L);
    // Avro JSON wraps a non-null union branch in its type name.
    assertThat(node.at("/language/string").asText()).isEqualTo("en");
    assertThat(node.at("/attributes/k").asText()).isEqualTo("v");
  }

  @Test
  void shouldRenderDeadLetterWithItsReasonAndSourcePosition() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add(
        "__streams.errors.exception", "x.RejectedInputException".getBytes(StandardCharsets.UTF_8));
    headers.add("__streams.errors.message", "truncated WAV".getBytes(StandardCharsets.UTF_8));
    headers.add("__streams.errors.topic", "audio.raw".getBytes(StandardCharsets.UTF_8));
    headers.add("__streams.errors.partition", "1".getBytes(StandardCharsets.UTF_8));
    headers.add("__streams.errors.offset", "12".getBytes(StandardCharsets.UTF_8));

    JsonNode node =
        JsonRecords.MAPPER.readTree(
            json.render(
                record(
                    "streamsight.dlq",
                    "line-2".getBytes(StandardCharsets.UTF_8),
                    new byte[] {1, 2, 3},
                    headers)));

    assertThat(node.get("topic").asText()).isEqualTo("streamsight.dlq");
    assertThat(node.get("key").asText()).isEqualTo("line-2");
    assertThat(node.get("reason").asText()).isEqualTo("truncated WAV");
    assertThat(node.get("sourceTopic").asText()).isEqualTo("audio.raw");
    assertThat(node.get("sourceOffset").asText()).isEqualTo("12");
    assertThat(node.get("valueBytes").asInt()).isEqualTo(3);
  }

  @Test
  void shouldReportUndecodableRecordInsteadOfFailing() throws Exception {
    JsonNode node =
        JsonRecords.MAPPER.readTree(
            json.render(record("images.raw", null, new byte[] {9, 9}, new RecordHeaders())));

    assertThat(node.get("undecodable").asText()).contains("images.raw");
  }
}
