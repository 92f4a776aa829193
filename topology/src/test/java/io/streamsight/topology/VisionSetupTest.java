package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.OrtThreads;
import io.streamsight.processors.vision.VisionStep;
import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.config.StreamsightConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What start-up does when the image models a configuration asks for are not in the cache. */
class VisionSetupTest {

  @TempDir Path emptyCache;

  private StreamsightConfig config(Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.put("models.dir", emptyCache.toString());
    return ConfigLoader.load(null, Map.of(), all);
  }

  @Test
  void shouldStopStartUpSayingHowToFetchAMissingModel() {
    StreamsightConfig config = config(Map.of("image.processors", "detection,caption"));

    try (ModelRegistry registry = new ModelRegistry(emptyCache, new OrtThreads(1, 1))) {
      assertThatThrownBy(() -> VisionSetup.load(config, registry))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("nanodet-coco")
          .hasMessageContaining("bin/streamsight models fetch nanodet-coco");
    }
  }

  @Test
  void shouldDisableTheProcessorsWhoseModelsAreMissingWhenAllowedAndSaySo() {
    StreamsightConfig config =
        config(
            Map.of(
                "image.models.missing", "skip",
                "source.lobby.image.privacy.blur", "true",
                "source.docs.image.processors", "detection"));

    try (ModelRegistry registry = new ModelRegistry(emptyCache, new OrtThreads(1, 1))) {
      VisionSetup setup = VisionSetup.load(config, registry);

      // The scene describer needs no model file; detection and faces do.
      assertThat(setup.models().available()).containsExactly(VisionStep.CAPTION);
      assertThat(setup.models().skipped())
          .hasSize(3)
          .anySatisfy(r -> assertThat(r).startsWith("ocr disabled"))
          .anySatisfy(r -> assertThat(r).startsWith("detection disabled").contains("fetch"))
          .anySatisfy(r -> assertThat(r).startsWith("faces disabled"));
      assertThat(setup.plans().forSource("cam-1").steps()).containsExactly(VisionStep.CAPTION);
      assertThat(setup.plans().forSource("lobby").blurFaces()).isFalse();
      assertThat(setup.plans().forSource("docs").usesModels()).isFalse();
    }
  }

  @Test
  void shouldLoadNothingWhenNoSourceUsesAModel() {
    StreamsightConfig config = config(Map.of("image.processors", ""));

    try (ModelRegistry registry = new ModelRegistry(emptyCache, new OrtThreads(1, 1))) {
      VisionSetup setup = VisionSetup.load(config, registry);

      assertThat(setup.models().available()).isEmpty();
      assertThat(setup.plans().stepsInUse()).isEmpty();
    }
  }
}
