package io.streamsight.processors.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX runtime and the micro-batching base together, in a DSL topology with explicit names. */
class LinearBatcherTest {

  private static final Instant T0 = Instant.parse("2030-01-02T03:04:05Z");

  @Test
  void shouldEnrichEveryRecordWithTheModelsOutputInBatches(@TempDir Path dir) throws Exception {
    Path cache = Files.createDirectories(dir.resolve("models"));
    ModelSpec spec = TinyModels.writeLinear(cache, 4, 2);
    try (ModelRegistry registry = new ModelRegistry(cache, new OrtThreads(1, 1))) {
      ModelReplicas<List<float[]>, List<float[]>> model =
          registry.loadBatching(spec, DevicePlacement.cpu("linear"), new DenseBatchTranslator(4));
      StreamsBuilder builder = new StreamsBuilder();
      builder.stream("features", Consumed.with(Serdes.String(), new FloatArraySerde()))
          .process(
              LinearBatcher.supplier(
                  "linear-buffer", new BatchSettings(4, Duration.ofMillis(50)), model),
              Named.as("linear"))
          .to("scores", Produced.with(Serdes.String(), new FloatArraySerde()));
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "linear-batcher-test");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
      props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);

      // Kafka Streams closes first (closing the predictors), then the registry closes the model.
      try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props, T0)) {
        TestInputTopic<String, float[]> in =
            driver.createInputTopic(
                "features", Serdes.String().serializer(), new FloatArraySerde().serializer());
        TestOutputTopic<String, float[]> out =
            driver.createOutputTopic(
                "scores", Serdes.String().deserializer(), new FloatArraySerde().deserializer());
        for (int i = 0; i < 10; i++) {
          in.pipeInput("e-" + i, TinyModels.row(4, i), T0);
        }
        assertThat(out.getQueueSize()).as("two full batches").isEqualTo(8);
        driver.advanceWallClockTime(Duration.ofMillis(50));

        List<TestRecord<String, float[]>> scores = out.readRecordsToList();
        assertThat(scores).hasSize(10);
        for (int i = 0; i < 10; i++) {
          assertThat(scores.get(i).key()).isEqualTo("e-" + i);
          assertThat(scores.get(i).value())
              .containsExactly(TinyModels.expectedLinear(TinyModels.row(4, i), 2), within(1e-5f));
        }
      }
    }
  }
}
