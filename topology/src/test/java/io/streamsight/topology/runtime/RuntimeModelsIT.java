package io.streamsight.topology.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.inference.Predictor;
import io.streamsight.processors.inference.DenseBatchTranslator;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelReplicas;
import io.streamsight.processors.inference.ModelSpec;
import io.streamsight.processors.inference.TinyModels;
import io.streamsight.topology.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime owns the model registry and closes it only after Kafka Streams has stopped. */
class RuntimeModelsIT {

  @Test
  void shouldServeModelsFromTheConfiguredCacheAndCloseThemAfterKafkaStreams(@TempDir Path dir)
      throws Exception {
    Path cache = dir.resolve("models");
    Map<String, String> overrides =
        Map.of(
            "embedded.port",
            "0",
            "application.id",
            "runtime-models-it",
            "state.dir",
            dir.resolve("state").toString(),
            "models.dir",
            cache.toString(),
            // The cache starts empty: no topology that loads a catalogue model at start-up.
            "image.processors",
            "",
            "behavior.enabled",
            "false",
            "audio.speech.enabled",
            "false");
    StreamsightRuntime runtime =
        StreamsightRuntime.start(ConfigLoader.load(null, Map.of(), overrides));
    ModelSpec spec;
    try {
      spec = TinyModels.writeLinear(cache, 4, 2);
      ModelReplicas<List<float[]>, List<float[]>> model =
          runtime
              .models()
              .loadBatching(spec, DevicePlacement.cpu("probe"), new DenseBatchTranslator(4));
      float[] row = TinyModels.row(4, 7);
      try (Predictor<List<float[]>, List<float[]>> predictor = model.newPredictor()) {
        assertThat(predictor.predict(List.of(row)).get(0))
            .containsExactly(TinyModels.expectedLinear(row, 2));
      }
    } finally {
      runtime.close();
    }

    assertThat(runtime.streams().state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
    assertThatThrownBy(
            () ->
                runtime
                    .models()
                    .loadBatching(spec, DevicePlacement.cpu("late"), new DenseBatchTranslator(4)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
