package io.streamsight.processors.inference;

import io.streamsight.processors.RejectedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' log-and-continue processing exception handler, which also dead-letters records
 * whose inference failed inside a micro-batch ({@link InferenceFailedException}) correctly.
 *
 * <p>The stock handler builds the dead-letter record from the handler context's source record. A
 * batch runs in a punctuation (no source record: the dead-letter record would be empty) or while
 * processing the record that filled the batch (the wrong record). This handler takes the key,
 * value, timestamp and headers of the failed record from the exception instead, and adds the same
 * {@code __streams.errors.*} headers as Kafka's dead-letter queue (KIP-1034) with the record's own
 * source topic, partition and offset. Every other exception goes to the stock handler.
 */
public class InferenceDeadLetterHandler extends LogAndContinueProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(InferenceDeadLetterHandler.class);

  static final String HEADER_EXCEPTION = "__streams.errors.exception";
  static final String HEADER_MESSAGE = "__streams.errors.message";
  static final String HEADER_TOPIC = "__streams.errors.topic";
  static final String HEADER_PARTITION = "__streams.errors.partition";
  static final String HEADER_OFFSET = "__streams.errors.offset";

  private String deadLetterTopic;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null ? null : topic.toString();
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
    InferenceFailedException failure = find(e);
    if (failure == null) {
      return super.handleError(context, record, e);
    }
    BufferedRecord failed = failure.record();
    LOG.warn(
        "inference failed in the batch of buffer {} for the record from {} ({}); {}",
        failure.storeName(),
        failed.source(),
        failure.getCause() == null ? "" : failure.getCause().getClass().getName(),
        deadLetterTopic == null ? "dropped (no dead-letter topic)" : "dead-lettered");
    if (deadLetterTopic == null) {
      return Response.resume();
    }
    return Response.resume(List.of(deadLetter(deadLetterTopic, failure)));
  }

  static ProducerRecord<byte[], byte[]> deadLetter(String topic, InferenceFailedException failure) {
    BufferedRecord failed = failure.record();
    Headers headers = failed.headers();
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    headers.add(HEADER_EXCEPTION, utf8(cause.getClass().getName()));
    // A rejected input's own message is the reason a user needs (it never holds content either).
    headers.add(
        HEADER_MESSAGE,
        utf8(
            cause instanceof RejectedInputException rejected
                ? rejected.getMessage()
                : failure.getMessage()));
    headers.add(HEADER_TOPIC, utf8(failed.topic() == null ? "" : failed.topic()));
    headers.add(HEADER_PARTITION, utf8(Integer.toString(failed.partition())));
    headers.add(HEADER_OFFSET, utf8(Long.toString(failed.offset())));
    return new ProducerRecord<>(
        topic,
        null,
        failed.timestamp() < 0 ? null : failed.timestamp(),
        failed.key(),
        failed.value(),
        headers);
  }

  private static InferenceFailedException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InferenceFailedException failure) {
        return failure;
      }
    }
    return null;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
