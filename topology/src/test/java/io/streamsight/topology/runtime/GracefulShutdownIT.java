package io.streamsight.topology.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.TextEvent;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.KafkaTestClients;
import io.streamsight.topology.broker.EmbeddedKafkaBroker;
import io.streamsight.topology.config.ConfigLoader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamsight run} in a child JVM, stopped with SIGTERM in the middle of a stream: it must
 * commit what it processed and close, so a restart neither loses nor repeats a record.
 */
class GracefulShutdownIT {

  private static final int RECORDS = 3000;

  @Test
  void shouldCommitAndCloseOnSigtermSoARestartLosesAndRepeatsNothing(@TempDir Path dir)
      throws Exception {
    Topics topics = Topics.create("streamsight.dlq");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
      Path config = dir.resolve("streamsight.properties");
      Files.writeString(
          config,
          String.join(
              "\n",
              "bootstrap.servers=" + broker.bootstrapServers(),
              "application.id=sigterm-it",
              "state.dir=" + dir.resolve("state"),
              "topics.partitions=2",
              // Only a clean close commits: a crash would make the restart repeat everything.
              "commit.interval.ms=600000",
              ""));

      Process child = startRun(config, dir.resolve("child.log"));
      try {
        awaitLog(dir.resolve("child.log"), "streamsight running", Duration.ofSeconds(90));
        // Records keep arriving while the child is stopped.
        var sending =
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> publishText(broker.bootstrapServers(), topics));
        List<ConsumerRecord<byte[], byte[]>> some =
            KafkaTestClients.readUntil(
                broker.bootstrapServers(),
                List.of(topics.normalizedText().name()),
                r -> r.size() >= 50,
                Duration.ofSeconds(60));
        assertThat(some).hasSizeGreaterThanOrEqualTo(50);
        assertThat(sending).as("stopped while records were still arriving").isNotDone();
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exits after SIGTERM").isTrue();
        assertThat(Files.readString(dir.resolve("child.log"))).contains("closed");
        Set<String> sent = sending.get(120, TimeUnit.SECONDS);

        // A second instance (in-process) picks up from the committed offsets.
        Map<String, String> overrides = new HashMap<>();
        overrides.put("bootstrap.servers", broker.bootstrapServers());
        overrides.put("application.id", "sigterm-it");
        overrides.put("state.dir", dir.resolve("state2").toString());
        overrides.put("commit.interval.ms", "100");
        try (StreamsightRuntime second =
            StreamsightRuntime.start(ConfigLoader.load(null, Map.of(), overrides))) {
          assertThat(second.streams().state().isRunningOrRebalancing()).isTrue();
          KafkaTestClients.readUntil(
              broker.bootstrapServers(),
              List.of(topics.normalizedText().name()),
              r -> r.size() >= RECORDS,
              Duration.ofMinutes(2));
          // Keep reading a little longer, so a wrongly repeated batch has the chance to show up.
          List<ConsumerRecord<byte[], byte[]>> out =
              KafkaTestClients.readUntil(
                  broker.bootstrapServers(),
                  List.of(topics.normalizedText().name()),
                  r -> false,
                  Duration.ofSeconds(3));
          List<String> ids =
              out.stream()
                  .map(
                      r ->
                          topics
                              .normalizedText()
                              .valueSerde()
                              .deserializer()
                              .deserialize(r.topic(), r.value())
                              .getEventId())
                  .toList();
          assertThat(Set.copyOf(ids)).as("nothing lost").isEqualTo(sent);
          assertThat(ids).as("nothing repeated after a clean close").hasSize(RECORDS);
        }
      } finally {
        child.destroyForcibly();
      }
    }
  }

  private static Process startRun(Path config, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "io.streamsight.topology.cli.StreamsightCommand",
            "run",
            "--config",
            config.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  private static void awaitLog(Path log, String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      File f = log.toFile();
      if (f.exists() && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "child never logged '" + text + "':\n" + Files.readString(log, StandardCharsets.UTF_8));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> publishText(String bootstrap, Topics topics) {
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(bootstrap)) {
      Set<String> ids =
          java.util.stream.IntStream.range(0, RECORDS)
              .mapToObj(
                  i -> {
                    TextEvent event =
                        TextEvent.newBuilder()
                            .setEventId("e-" + i)
                            .setSourceId("terminal-" + (i % 7))
                            .setCaptureTime(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))
                            .setText("  line\u00a0" + i + "  ")
                            .build();
                    String name = topics.text().name();
                    var unused =
                        producer.send(
                            new ProducerRecord<>(
                                name,
                                topics
                                    .text()
                                    .keySerde()
                                    .serializer()
                                    .serialize(name, event.getSourceId()),
                                topics.text().valueSerde().serializer().serialize(name, event)));
                    if (i % 100 == 99) {
                      pause(200);
                    }
                    return event.getEventId();
                  })
              .collect(Collectors.toSet());
      producer.flush();
      return ids;
    }
  }
}
