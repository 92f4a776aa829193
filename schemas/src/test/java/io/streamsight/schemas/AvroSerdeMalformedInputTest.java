package io.streamsight.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.events.ImageEvent;
import io.streamsight.events.TextEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/** Bytes that are not a record of the topic's type must fail loudly, naming topic and cause. */
class AvroSerdeMalformedInputTest {

  private final AvroSerde<ImageEvent> images = AvroSerde.of(ImageEvent.class);
  private final Deserializer<ImageEvent> deserializer = images.deserializer();

  @Test
  void shouldRejectRandomBytesAsABadHeader() {
    byte[] noise = new byte[64];
    new Random(20260314L).nextBytes(noise);
    noise[0] = 0x5A; // never the 0xC3 marker, whatever the seed gives

    assertThatThrownBy(() -> deserializer.deserialize(Topics.IMAGES_RAW, noise))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("images.raw: not an Avro single-object record (bad header");
  }

  @Test
  void shouldRejectJsonProducedToAnAvroTopicAsABadHeader() {
    byte[] json = "{\"eventId\":\"e1\",\"sourceId\":\"cam-1\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer.deserialize(Topics.IMAGES_RAW, json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("images.raw: not an Avro single-object record")
        .hasMessageContaining("0x7B 0x22");
  }

  @Test
  void shouldRejectBytesShorterThanTheHeader() {
    assertThatThrownBy(() -> deserializer.deserialize(Topics.IMAGES_RAW, new byte[0]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("bad header: 0 bytes");
    assertThatThrownBy(
            () -> deserializer.deserialize(Topics.IMAGES_RAW, new byte[] {(byte) 0xC3, 0x01, 7}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("bad header: 3 bytes");
  }

  @Test
  void shouldRejectEveryTruncationOfAValidRecord() {
    byte[] whole = images.serializer().serialize(Topics.IMAGES_RAW, SampleEvents.imageEvent());

    // Every field takes at least one byte, so every strict prefix past the header is short.
    for (int length = AvroSerde.HEADER_LENGTH; length < whole.length; length++) {
      byte[] truncated = Arrays.copyOf(whole, length);
      assertThatThrownBy(() -> deserializer.deserialize(Topics.IMAGES_RAW, truncated))
          .as("truncated to %d of %d bytes", length, whole.length)
          .isInstanceOf(SerializationException.class)
          .hasMessageStartingWith(
              "images.raw: truncated or corrupt io.streamsight.events.ImageEvent record");
    }
  }

  @Test
  void shouldRejectARecordOfAnotherTypeOnTheWrongTopic() {
    byte[] text =
        AvroSerde.of(TextEvent.class)
            .serializer()
            .serialize(Topics.TEXT_RAW, SampleEvents.textEvent());

    assertThatThrownBy(() -> deserializer.deserialize(Topics.IMAGES_RAW, text))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("images.raw: record of type io.streamsight.events.TextEvent")
        .hasMessageEndingWith("where io.streamsight.events.ImageEvent was expected");
  }

  @Test
  void shouldRejectAnUnknownSchemaFingerprint() {
    byte[] bytes = images.serializer().serialize(Topics.IMAGES_RAW, SampleEvents.imageEvent());
    ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0123456789ABCDEFL);

    assertThatThrownBy(() -> deserializer.deserialize(Topics.IMAGES_RAW, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("images.raw: unknown schema fingerprint 0x0123456789ABCDEF");
  }

  @Test
  void shouldRejectTrailingBytesAfterTheRecord() {
    byte[] whole = images.serializer().serialize(Topics.IMAGES_RAW, SampleEvents.imageEvent());
    byte[] padded = Arrays.copyOf(whole, whole.length + 3);

    assertThatThrownBy(() -> deserializer.deserialize(Topics.IMAGES_RAW, padded))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("images.raw: 3 unexpected trailing bytes");
  }

  @Test
  void shouldKeepDecodingGoodRecordsAfterABadOne() {
    byte[] whole = images.serializer().serialize(Topics.IMAGES_RAW, SampleEvents.imageEvent());
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> deserializer.deserialize(Topics.IMAGES_RAW, truncated))
        .isInstanceOf(SerializationException.class);
    assertThat(deserializer.deserialize(Topics.IMAGES_RAW, whole))
        .isEqualTo(SampleEvents.imageEvent());
  }
}
