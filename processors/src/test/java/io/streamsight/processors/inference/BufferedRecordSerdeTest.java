package io.streamsight.processors.inference;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class BufferedRecordSerdeTest {

  private final BufferedRecordSerde serde = new BufferedRecordSerde();

  @Test
  void shouldRoundTripEveryFieldIncludingHeadersInOrder() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("a", "1".getBytes(UTF_8));
    headers.add("a", "2".getBytes(UTF_8));
    headers.add("nothing", null);
    BufferedRecord record =
        new BufferedRecord("k".getBytes(UTF_8), new byte[] {0, -1, 7}, 42L, headers, "in", 3, 99L);

    BufferedRecord copy = roundTrip(record);

    assertThat(copy).isEqualTo(record);
    assertThat(copy.headers().toArray()).containsExactly(headers.toArray());
    assertThat(copy.source()).isEqualTo("in-3@99");
  }

  @Test
  void shouldRoundTripNullKeyValueAndUnknownSource() {
    BufferedRecord record = new BufferedRecord(null, null, -1L, new RecordHeaders(), null, -1, -1L);

    BufferedRecord copy = roundTrip(record);

    assertThat(copy).isEqualTo(record);
    assertThat(copy.key()).isNull();
    assertThat(copy.value()).isNull();
    assertThat(copy.topic()).isNull();
  }

  @Test
  void shouldRejectAnUnknownVersion() {
    byte[] bytes =
        BufferedRecordSerde.write(
            new BufferedRecord(null, null, 0, new RecordHeaders(), null, -1, -1));
    bytes[0] = 9;

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("version 9");
  }

  private BufferedRecord roundTrip(BufferedRecord record) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", record));
  }
}
