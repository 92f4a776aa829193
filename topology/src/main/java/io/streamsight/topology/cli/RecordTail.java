package io.streamsight.topology.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from the beginning without joining a consumer group (nothing is committed, so
 * tailing never disturbs the pipeline), committed records only.
 */
final class RecordTail implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;

  RecordTail(Map<String, Object> clientProps, Collection<String> topics) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        consumer.close();
        throw new IllegalArgumentException("no such topic: " + topic);
      }
      infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /**
   * Polls until {@code handler} returns false or nothing new arrives for {@code idle} (null: wait
   * for ever).
   */
  void follow(Predicate<ConsumerRecord<byte[], byte[]>> handler, Duration idle) {
    long lastRecordAt = System.nanoTime();
    while (true) {
      var records = consumer.poll(Duration.ofMillis(200));
      for (ConsumerRecord<byte[], byte[]> record : records) {
        lastRecordAt = System.nanoTime();
        if (!handler.test(record)) {
          return;
        }
      }
      if (idle != null && System.nanoTime() - lastRecordAt > idle.toNanos()) {
        return;
      }
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
