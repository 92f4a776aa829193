package io.streamsight.topology.runtime;

import io.streamsight.processors.medication.formulary.FormularyPublisher;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import io.streamsight.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the built-in sample formulary before Kafka Streams starts, so the GlobalKTables hold it
 * when the first order arrives. Only when the formulary topic is empty: a loaded extract is never
 * overwritten by the sample.
 */
final class SampleFormularyLoader {

  private static final Logger LOG = LoggerFactory.getLogger(SampleFormularyLoader.class);

  private SampleFormularyLoader() {}

  static void loadIfEmpty(Map<String, Object> clientProps, Topics topics)
      throws InterruptedException {
    if (!isEmpty(clientProps, topics.formulary().name())) {
      LOG.info("formulary topic already holds products; sample not loaded");
      return;
    }
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      var publication =
          new FormularyPublisher(producer, topics).publish(SampleFormulary.products());
      producer.flush();
      publication.await();
      LOG.info(
          "published the sample formulary: {} products, {} names",
          publication.products(),
          publication.names());
    }
  }

  private static boolean isEmpty(Map<String, Object> clientProps, String topic) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().allMatch(offset -> offset == 0);
    }
  }
}
