package io.streamsight.topology.cli;

import io.streamsight.schemas.Topic;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Publishes records to catalogue topics with their serdes (idempotent, acks=all). */
final class RecordPublisher implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;

  RecordPublisher(Map<String, Object> clientProps) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024);
    this.producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  <K, V> Future<RecordMetadata> publish(Topic<K, V> topic, K key, V value) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
    return publishRaw(topic.name(), k, v);
  }

  /** Publishes with an explicit record timestamp (a frame's capture time). */
  <K, V> Future<RecordMetadata> publish(
      Topic<K, V> topic, K key, V value, java.time.Instant timestamp) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
    return producer.send(new ProducerRecord<>(topic.name(), null, timestamp.toEpochMilli(), k, v));
  }

  /** Publishes bytes as they are: how the demo shows a malformed record being dead-lettered. */
  Future<RecordMetadata> publishRaw(String topic, byte[] key, byte[] value) {
    return producer.send(new ProducerRecord<>(topic, key, value));
  }

  /** Waits for every record sent so far to be acknowledged. */
  void flush() {
    producer.flush();
  }

  static RecordMetadata await(Future<RecordMetadata> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("publish failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
