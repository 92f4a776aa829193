package io.streamsight.topology.cli;

import io.streamsight.events.MedicationOrder;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.pose.BlazePose;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.StreamsightConfig;
import io.streamsight.topology.runtime.StreamsightRuntime;
import io.streamsight.topology.samples.SampleMedia;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Starts an embedded broker and every topology, publishes sample image, audio and text events plus
 * corrupt records, prints every output record (enriched and dead-letter) as a JSON line, then
 * stops.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts an embedded Kafka broker and every topology, publishes sample image, audio and"
          + " text events and some corrupt records, prints each output record as one JSON line"
          + " on stdout (logs go to stderr), and exits."
    })
final class DemoCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

  @Mixin ConfigOptions options = new ConfigOptions();

  @Option(
      names = "--timeout-s",
      defaultValue = "120",
      description = "Give up waiting for outputs after this long. Default: ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    Path stateDir = Files.createTempDirectory("streamsight-demo-state");
    Map<String, String> demo = new HashMap<>();
    demo.put(StreamsightConfig.BOOTSTRAP_SERVERS, "");
    demo.put(StreamsightConfig.EMBEDDED_PORT, "0");
    demo.put(StreamsightConfig.TOPICS_PARTITIONS, "1");
    demo.put(StreamsightConfig.APPLICATION_ID, "streamsight-demo-" + UUID.randomUUID());
    demo.put(StreamsightConfig.STATE_DIR, stateDir.toString());
    demo.put("commit.interval.ms", "200");
    demo.put(StreamsightConfig.FORMULARY_SAMPLE, "true");
    // On a machine whose model cache was never filled the demo still runs, without the image
    // models it cannot load (the log says which and how to fetch them).
    demo.put(StreamsightConfig.IMAGE_MODELS_MISSING, StreamsightConfig.MISSING_SKIP);
    StreamsightConfig config = options.load(demo);
    // Speech and behaviour likewise: without their models those steps are switched off.
    CatalogueModels catalogue = CatalogueModels.bundled(config.modelsDir());
    if (!catalogue.available(SileroVad.MODEL)) {
      LOG.warn("speech disabled: {}", catalogue.describe(SileroVad.MODEL));
      demo.put(StreamsightConfig.AUDIO_SPEECH_ENABLED, "false");
    }
    if (!catalogue.available(NanoDet.MODEL)) {
      LOG.warn("behaviour analytics disabled: {}", catalogue.describe(NanoDet.MODEL));
      demo.put(StreamsightConfig.BEHAVIOR_ENABLED, "false");
    }
    if (!catalogue.available(BlazePose.MODEL)) {
      LOG.warn("fall confirmation by pose disabled: {}", catalogue.describe(BlazePose.MODEL));
      demo.put(StreamsightConfig.BEHAVIOR_POSE_ENABLED, "false");
    }
    config = options.load(demo);

    try (StreamsightRuntime runtime = StreamsightRuntime.start(config)) {
      Topics topics = runtime.topics();
      Map<String, Object> client = config.kafkaClientProperties(runtime.bootstrapServers());
      int expected = publishSamples(topics, client, config);
      LOG.info("published samples; waiting for {} output records", expected);
      JsonRecords json = new JsonRecords(topics);
      int[] seen = {0};
      List<String> outputs =
          List.of(
              topics.enrichedImages().name(),
              topics.transcripts().name(),
              topics.normalizedText().name(),
              topics.validations().name(),
              topics.deadLetters().name());
      long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
      try (RecordTail tail = new RecordTail(client, outputs)) {
        tail.follow(
            record -> {
              System.out.println(json.render(record));
              System.out.flush();
              return ++seen[0] < expected && System.nanoTime() < deadline;
            },
            Duration.ofSeconds(timeoutSeconds));
      }
      if (seen[0] < expected) {
        LOG.error(
            "only {} of {} output records arrived in {} s", seen[0], expected, timeoutSeconds);
        return 1;
      }
      return 0;
    } finally {
      deleteRecursively(stateDir);
    }
  }

  /** Publishes the samples and returns how many output records they must produce. */
  private static int publishSamples(
      Topics topics, Map<String, Object> client, StreamsightConfig config)
      throws InterruptedException {
    EventFactory events =
        new EventFactory(
            config.claimCheckDir(), config.claimCheckThresholdBytes(), Clock.systemUTC());
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (RecordPublisher publisher = new RecordPublisher(client)) {
      sent.add(
          publisher.publish(
              topics.images(),
              "camera-1",
              events.image("camera-1", SampleMedia.signPng(), 0L, Map.of("site", "demo"))));
      sent.add(
          publisher.publish(
              topics.images(),
              "camera-1",
              events.image("camera-1", SampleMedia.gradientJpeg(), 1L, Map.of("site", "demo"))));
      sent.add(
          publisher.publish(
              topics.audio(),
              "line-1",
              events.audio("line-1", SampleMedia.toneWav(), null, null, null, Map.of())));
      sent.add(
          publisher.publish(
              topics.text(),
              "terminal-1",
              events.text(
                  "terminal-1",
                  "  Cafe\u0301\u00a0menu:\tsoup  \u200bof the day ",
                  "note",
                  Map.of())));
      sent.add(
          publisher.publish(
              topics.text(),
              "terminal-1",
              events.text(
                  "terminal-1",
                  "amoxicillin 500mg  1 cap po tid\u00a0x10d  #30",
                  "order",
                  Map.of())));
      // Orders against the sample formulary: one to accept, one whose drug name conflicts.
      sent.add(
          publisher.publish(
              topics.orders(),
              "RX-1001",
              order("RX-1001", "00406716", "amoxicillin", "1 cap po tid x10d", 30.0)));
      sent.add(
          publisher.publish(
              topics.orders(),
              "RX-1002",
              order("RX-1002", "02244393", "cephalexin", "t1t po bid x10d", 20.0)));
      // Corrupt records: each must come out as a dead letter while the stream goes on.
      sent.add(
          publisher.publish(
              topics.images(),
              "camera-2",
              events.image("camera-2", SampleMedia.truncatedJpeg(), 7L, Map.of("site", "demo"))));
      sent.add(
          publisher.publish(
              topics.audio(),
              "line-2",
              events.audio("line-2", SampleMedia.truncatedWav(), null, null, null, Map.of())));
      sent.add(
          publisher.publishRaw(
              topics.images().name(),
              "camera-3".getBytes(StandardCharsets.UTF_8),
              "this is not an Avro record".getBytes(StandardCharsets.UTF_8)));
      publisher.flush();
      for (Future<RecordMetadata> future : sent) {
        RecordPublisher.await(future);
      }
    }
    // 2 enriched images, 1 transcript, 2 normalised texts, 3 validations, 3 dead letters.
    return 11;
  }

  private static MedicationOrder order(
      String id, String din, String drugName, String sig, double quantity) {
    return MedicationOrder.newBuilder()
        .setOrderId(id)
        .setSourceId("pharmacy-demo")
        .setOrderTime(Instant.now())
        .setDin(din)
        .setDrugName(drugName)
        .setSig(sig)
        .setQuantity(quantity)
        .setPatientRef("Patient/demo")
        .setPrescriberRef("Practitioner/demo")
        .build();
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      LOG.debug("could not delete {}", dir, e);
    }
  }
}
