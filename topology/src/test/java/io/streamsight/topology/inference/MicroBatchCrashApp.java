package io.streamsight.topology.inference;

import io.streamsight.processors.inference.BatchSettings;
import io.streamsight.processors.inference.DenseBatchTranslator;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.FloatArraySerde;
import io.streamsight.processors.inference.InferenceDeadLetterHandler;
import io.streamsight.processors.inference.LinearBatcher;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.ModelReplicas;
import io.streamsight.processors.inference.ModelSpec;
import io.streamsight.processors.inference.OrtThreads;
import io.streamsight.processors.inference.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Child JVM of {@link MicroBatchCrashIT}: {@value #INPUT} → micro-batched tiny ONNX model → {@value
 * #OUTPUT}, until killed. Prints {@code crash-app running} once Kafka Streams runs.
 *
 * <p>Arguments: bootstrap servers, application id, processing guarantee, state dir, model cache
 * dir, batch.max.size, batch.max.delay.ms.
 */
public final class MicroBatchCrashApp {

  static final String INPUT = "crash.in";
  static final String OUTPUT = "crash.out";
  static final String STORE = "linear-buffer";
  static final int WIDTH = 4;
  static final int OUTPUTS = 2;

  private MicroBatchCrashApp() {}

  public static void main(String[] args) throws Exception {
    Path cache = Files.createDirectories(Path.of(args[4]));
    ModelSpec spec = TinyModels.writeLinear(cache, WIDTH, OUTPUTS);
    BatchSettings batch =
        new BatchSettings(Integer.parseInt(args[5]), Duration.ofMillis(Long.parseLong(args[6])));
    ModelRegistry registry = new ModelRegistry(cache, new OrtThreads(1, 1));
    ModelReplicas<List<float[]>, List<float[]>> model =
        registry.loadBatching(spec, DevicePlacement.cpu("linear"), new DenseBatchTranslator(WIDTH));

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(INPUT, Consumed.with(Serdes.String(), new FloatArraySerde()))
        .process(LinearBatcher.supplier(STORE, batch, model), Named.as("linear"))
        .to(OUTPUT, Produced.with(Serdes.String(), new FloatArraySerde()));

    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, args[2]);
    props.put(StreamsConfig.STATE_DIR_CONFIG, args[3]);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, InferenceDeadLetterHandler.class);
    // The killed instance must leave the group quickly for the restarted one to get its tasks.
    props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6_000);
    props.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 1_000);

    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            System.out.println("crash-app running");
          }
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close(Duration.ofSeconds(10));
                  registry.close();
                }));
    streams.start();
    Thread.currentThread().join();
  }
}
