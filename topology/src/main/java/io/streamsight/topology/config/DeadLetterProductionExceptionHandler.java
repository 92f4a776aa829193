package io.streamsight.topology.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an output record that the broker refuses as too large, or that cannot be serialized, to the
 * dead-letter queue and goes on; everything else is left to Kafka's default handler (retry what is
 * retriable, fail otherwise). The dead letter carries the <em>source</em> record's raw bytes and
 * the same {@code __streams.errors.*} headers as Kafka's own dead-letter records.
 */
public class DeadLetterProductionExceptionHandler extends DefaultProductionExceptionHandler {

  private static final Logger LOG =
      LoggerFactory.getLogger(DeadLetterProductionExceptionHandler.class);

  private String deadLetterTopic;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null ? null : topic.toString();
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RecordTooLargeException && deadLetterTopic != null) {
      LOG.warn(
          "output to {} too large, source {}-{}@{} dead-lettered",
          record.topic(),
          context.topic(),
          context.partition(),
          context.offset());
      return Response.resume(List.of(deadLetter(context, exception)));
    }
    return super.handleError(context, record, exception);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    if (deadLetterTopic == null) {
      return super.handleSerializationError(context, record, exception, origin);
    }
    LOG.warn(
        "cannot serialize output {} of source {}-{}@{}, dead-lettered",
        origin,
        context.topic(),
        context.partition(),
        context.offset());
    return Response.resume(List.of(deadLetter(context, exception)));
  }

  private ProducerRecord<byte[], byte[]> deadLetter(
      ErrorHandlerContext context, Exception exception) {
    Headers headers = new RecordHeaders();
    headers.add("__streams.errors.exception", utf8(exception.getClass().getName()));
    headers.add("__streams.errors.message", utf8(String.valueOf(exception.getMessage())));
    headers.add("__streams.errors.topic", utf8(context.topic()));
    headers.add("__streams.errors.partition", utf8(Integer.toString(context.partition())));
    headers.add("__streams.errors.offset", utf8(Long.toString(context.offset())));
    return new ProducerRecord<>(
        deadLetterTopic, null, context.sourceRawKey(), context.sourceRawValue(), headers);
  }

  private static byte[] utf8(String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
  }
}
