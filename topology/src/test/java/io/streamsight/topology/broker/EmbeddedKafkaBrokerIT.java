package io.streamsight.topology.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

  private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

  /** Shared by the tests that do not restart or close the broker; it owns a temp data dir. */
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(null, 0);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void shouldProduceAndConsumeRecordsOnCreatedTopic() throws Exception {
    broker.createTopics(List.of(new NewTopic("plain-records", 2, (short) 1)));

    produce(broker, "plain-records", Map.of("k1", "v1", "k2", "v2", "k3", "v3"));

    List<ConsumerRecord<String, String>> records =
        consume(broker, "plain-records", 3, "read_uncommitted");
    assertThat(records)
        .extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactlyInAnyOrder(tuple("k1", "v1"), tuple("k2", "v2"), tuple("k3", "v3"));
  }

  @Test
  void shouldIgnoreTopicsThatAlreadyExist() throws Exception {
    NewTopic topic = new NewTopic("created-twice", 3, (short) 1);
    broker.createTopics(List.of(topic));

    assertThatCode(
            () ->
                broker.createTopics(
                    List.of(
                        topic,
                        new NewTopic("created-with-existing", Optional.empty(), Optional.empty()))))
        .doesNotThrowAnyException();

    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      var descriptions =
          admin
              .describeTopics(List.of("created-twice", "created-with-existing"))
              .allTopicNames()
              .get();
      assertThat(descriptions.get("created-twice").partitions()).hasSize(3);
      assertThat(descriptions.get("created-with-existing").partitions()).hasSize(1);
    }
  }

  @Test
  void shouldExposeCommittedTransactionsToReadCommittedConsumer() throws Exception {
    broker.createTopics(List.of(new NewTopic("transactional-records", 1, (short) 1)));

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "embedded-broker-it",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      List<Future<RecordMetadata>> sends =
          List.of(
              producer.send(new ProducerRecord<>("transactional-records", "a", "1")),
              producer.send(new ProducerRecord<>("transactional-records", "b", "2")));
      producer.commitTransaction();
      for (Future<RecordMetadata> send : sends) {
        assertThat(send.get().hasOffset()).isTrue();
      }
    }

    List<ConsumerRecord<String, String>> records =
        consume(broker, "transactional-records", 2, "read_committed");
    assertThat(records).extracting(ConsumerRecord::value).containsExactly("1", "2");
  }

  @Test
  void shouldKeepRecordsAcrossRestartOnSameDataDir(@TempDir Path dataDir) throws Exception {
    int port;
    try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir, 0)) {
      port = first.port();
      first.createTopics(List.of(new NewTopic("durable-records", 1, (short) 1)));
      produce(first, "durable-records", Map.of("before", "restart"));
    }

    try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dataDir, port)) {
      assertThat(second.bootstrapServers()).endsWith(":" + port);
      List<ConsumerRecord<String, String>> records =
          consume(second, "durable-records", 1, "read_uncommitted");
      assertThat(records)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.key()).isEqualTo("before");
                assertThat(r.value()).isEqualTo("restart");
              });
    }
    assertThat(dataDir).isDirectory();
  }

  @Test
  void shouldDeleteItsOwnTempDirOnCloseAndTolerateSecondClose() {
    EmbeddedKafkaBroker ownBroker = EmbeddedKafkaBroker.start(null, 0);
    Path dataDir = ownBroker.dataDir();
    assertThat(dataDir).isDirectory();

    ownBroker.close();

    assertThat(Files.exists(dataDir)).isFalse();
    assertThatCode(ownBroker::close).doesNotThrowAnyException();
  }

  private static void produce(EmbeddedKafkaBroker target, String topic, Map<String, String> records)
      throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      for (Map.Entry<String, String> record : records.entrySet()) {
        producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())).get();
      }
    }
  }

  /** Reads the topic from the beginning (no consumer group) until {@code count} records arrive. */
  private static List<ConsumerRecord<String, String>> consume(
      EmbeddedKafkaBroker target, String topic, int count, String isolationLevel) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                target.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolationLevel),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + CONSUME_TIMEOUT.toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
