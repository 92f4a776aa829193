package io.streamsight.topology.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsight.processors.inference.FloatArraySerde;
import io.streamsight.processors.inference.TinyModels;
import io.streamsight.topology.KafkaTestClients;
import io.streamsight.topology.broker.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A micro-batching model topology in a child JVM is killed ({@code kill -9}) while each partition's
 * buffer is half full and its records' offsets are already committed, then restarted with a fresh
 * state dir (so the buffer can only come back from its changelog): every input must get its output,
 * exactly once under {@code exactly_once_v2}, at least once under {@code at_least_once}.
 */
class MicroBatchCrashIT {

  private static final int PARTITIONS = 2;
  private static final int BATCH = 8;

  /** Per partition before the kill: one full batch, then half a batch left buffered. */
  private static final int BEFORE_KILL = BATCH + BATCH / 2;

  /** Per partition after the kill. */
  private static final int AFTER_KILL = 6;

  @Test
  void shouldOutputEveryBufferedRecordExactlyOnceAfterAKillUnderExactlyOnceV2(@TempDir Path dir)
      throws Exception {
    Map<String, Integer> outputs = crashAndRestart(StreamsConfig.EXACTLY_ONCE_V2, dir);

    assertThat(outputs).hasSize(PARTITIONS * (BEFORE_KILL + AFTER_KILL));
    assertThat(outputs.values()).as("outputs per input").containsOnly(1);
  }

  @Test
  void shouldOutputEveryBufferedRecordAtLeastOnceAfterAKillUnderAtLeastOnce(@TempDir Path dir)
      throws Exception {
    Map<String, Integer> outputs = crashAndRestart(StreamsConfig.AT_LEAST_ONCE, dir);

    assertThat(outputs).hasSize(PARTITIONS * (BEFORE_KILL + AFTER_KILL));
    assertThat(outputs.values()).as("outputs per input").allMatch(n -> n >= 1);
  }

  /** Runs the scenario and returns how many outputs each input key got. */
  private static Map<String, Integer> crashAndRestart(String guarantee, Path dir) throws Exception {
    String appId = "crash-" + guarantee.replace('_', '-');
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
      String bootstrap = broker.bootstrapServers();
      broker.createTopics(
          List.of(
              new NewTopic(MicroBatchCrashApp.INPUT, PARTITIONS, (short) 1),
              new NewTopic(MicroBatchCrashApp.OUTPUT, PARTITIONS, (short) 1)));

      Process first =
          start(bootstrap, appId, guarantee, dir.resolve("state-1"), dir, 600_000, "first.log");
      try {
        awaitLog(dir.resolve("first.log"), "crash-app running");
        publish(bootstrap, 0, BEFORE_KILL);
        readOutputs(bootstrap, r -> r.size() >= PARTITIONS * BATCH);
        // The dangerous moment: the buffered half batches' offsets are committed.
        awaitCommitted(bootstrap, appId, BEFORE_KILL);
        assertThat(readOutputs(bootstrap, r -> false, Duration.ofSeconds(1)))
            .as("only the full batches ran before the kill")
            .hasSize(PARTITIONS * BATCH);
      } finally {
        first.destroyForcibly(); // SIGKILL: no close, no commit, no flush
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }

      publish(bootstrap, BEFORE_KILL, AFTER_KILL);
      int expected = PARTITIONS * (BEFORE_KILL + AFTER_KILL);
      Process second =
          start(bootstrap, appId, guarantee, dir.resolve("state-2"), dir, 200, "second.log");
      try {
        readOutputs(
            bootstrap,
            r -> r.stream().map(ConsumerRecord::key).distinct().count() >= expected,
            Duration.ofMinutes(2));
        // Keep reading a little, so that a repeated output has the chance to show up.
        List<ConsumerRecord<byte[], byte[]>> out =
            readOutputs(bootstrap, r -> false, Duration.ofSeconds(3));
        FloatArraySerde floats = new FloatArraySerde();
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : out) {
          String key = new String(record.key(), StandardCharsets.UTF_8);
          int i = Integer.parseInt(key.substring(2));
          assertThat(floats.deserializer().deserialize(record.topic(), record.value()))
              .as(key)
              .containsExactly(
                  TinyModels.expectedLinear(
                      TinyModels.row(MicroBatchCrashApp.WIDTH, i), MicroBatchCrashApp.OUTPUTS),
                  within(1e-5f));
          counts.merge(key, 1, Integer::sum);
        }
        return counts;
      } finally {
        second.destroyForcibly();
        second.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Sends {@code perPartition} records to each partition, keys {@code e-<n>} from {@code from}. */
  private static void publish(String bootstrap, int from, int perPartition) {
    FloatArraySerde floats = new FloatArraySerde();
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(bootstrap)) {
      for (int p = 0; p < PARTITIONS; p++) {
        for (int n = from; n < from + perPartition; n++) {
          int i = p * 1000 + n;
          var unused =
              producer.send(
                  new ProducerRecord<>(
                      MicroBatchCrashApp.INPUT,
                      p,
                      ("e-" + i).getBytes(StandardCharsets.UTF_8),
                      floats
                          .serializer()
                          .serialize(
                              MicroBatchCrashApp.INPUT,
                              TinyModels.row(MicroBatchCrashApp.WIDTH, i))));
        }
      }
      producer.flush();
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> readOutputs(
      String bootstrap, java.util.function.Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
    List<ConsumerRecord<byte[], byte[]>> out = readOutputs(bootstrap, done, Duration.ofMinutes(1));
    assertThat(done.test(out)).as("outputs arrived: %d", out.size()).isTrue();
    return out;
  }

  private static List<ConsumerRecord<byte[], byte[]>> readOutputs(
      String bootstrap,
      java.util.function.Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
      Duration timeout) {
    return KafkaTestClients.readUntil(bootstrap, List.of(MicroBatchCrashApp.OUTPUT), done, timeout);
  }

  private static void awaitCommitted(String bootstrap, String appId, long offset) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      Map<TopicPartition, OffsetAndMetadata> committed = Map.of();
      while (System.nanoTime() < deadline) {
        Map<TopicPartition, OffsetAndMetadata> now =
            admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get();
        committed = now;
        boolean all =
            IntStream.range(0, PARTITIONS)
                .mapToObj(p -> now.get(new TopicPartition(MicroBatchCrashApp.INPUT, p)))
                .allMatch(o -> o != null && o.offset() >= offset);
        if (all) {
          return;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("offsets never committed up to " + offset + ": " + committed);
    }
  }

  private static Process start(
      String bootstrap,
      String appId,
      String guarantee,
      Path stateDir,
      Path dir,
      long maxDelayMs,
      String logName)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            MicroBatchCrashApp.class.getName(),
            bootstrap,
            appId,
            guarantee,
            stateDir.toString(),
            dir.resolve("models").toString(),
            Integer.toString(BATCH),
            Long.toString(maxDelayMs));
    builder.redirectErrorStream(true);
    builder.redirectOutput(dir.resolve(logName).toFile());
    return builder.start();
  }

  private static void awaitLog(Path log, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "child never logged '" + text + "':\n" + Files.readString(log, StandardCharsets.UTF_8));
  }
}
