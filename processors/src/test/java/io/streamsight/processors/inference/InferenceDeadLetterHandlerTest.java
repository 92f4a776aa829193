package io.streamsight.processors.inference;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class InferenceDeadLetterHandlerTest {

  private static final BufferedRecord RECORD =
      new BufferedRecord(
          "cam-1".getBytes(UTF_8),
          new byte[] {1, 2, 3},
          42L,
          new RecordHeaders(),
          "images.raw",
          2,
          17L);

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), UTF_8);
  }

  @Test
  void shouldGiveARejectedInputsOwnReasonAsTheMessage() {
    var failure =
        new InferenceFailedException(
            "buffer",
            RECORD,
            new RejectedInputException(Reason.UNDECODABLE, "corrupt jpeg image (640x424): EOI"));

    ProducerRecord<byte[], byte[]> dead = InferenceDeadLetterHandler.deadLetter("dlq", failure);

    assertThat(header(dead, InferenceDeadLetterHandler.HEADER_MESSAGE))
        .isEqualTo("corrupt jpeg image (640x424): EOI");
    assertThat(header(dead, InferenceDeadLetterHandler.HEADER_EXCEPTION))
        .isEqualTo(RejectedInputException.class.getName());
    assertThat(header(dead, InferenceDeadLetterHandler.HEADER_TOPIC)).isEqualTo("images.raw");
    assertThat(header(dead, InferenceDeadLetterHandler.HEADER_OFFSET)).isEqualTo("17");
    assertThat(dead.value()).containsExactly(1, 2, 3);
  }

  @Test
  void shouldNameTheBufferAndSourceForAModelFailure() {
    var failure =
        new InferenceFailedException("buffer", RECORD, new IllegalStateException("native crash"));

    ProducerRecord<byte[], byte[]> dead = InferenceDeadLetterHandler.deadLetter("dlq", failure);

    assertThat(header(dead, InferenceDeadLetterHandler.HEADER_MESSAGE))
        .contains("buffer buffer")
        .contains("images.raw-2@17")
        .doesNotContain("native crash");
  }
}
