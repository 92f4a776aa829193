package io.streamsight.processors.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No tensor outlives its prediction: after 10,000 batched predictions, the model's managers (and
 * the predictor's under them) hold exactly as many tensors as after warm-up. The control test shows
 * the same count catches a translator that allocates from the wrong manager. The resident-memory
 * side of the same check runs in a clean child JVM ({@code NativeMemoryIT}).
 */
class PredictorNativeMemoryTest {

  private static final int IN = 64;
  private static final int OUT = 16;
  private static final int BATCH = 8;
  private static final int PREDICTIONS = 10_000;

  @Test
  void shouldHoldNoMoreTensorsAfterTenThousandPredictionsThanAfterWarmUp(@TempDir Path cache)
      throws Exception {
    ModelSpec spec = TinyModels.writeLinear(cache, IN, OUT);
    try (ModelRegistry registry = new ModelRegistry(cache, new OrtThreads(1, 1))) {
      ModelReplicas<List<float[]>, List<float[]>> model =
          registry.loadBatching(spec, DevicePlacement.cpu("linear"), new DenseBatchTranslator(IN));
      ZooModel<?, ?> replica = model.replicas().get(0);
      try (Predictor<List<float[]>, List<float[]>> predictor = model.newPredictor()) {
        run(predictor, 100);
        int afterWarmUp = NativeResources.liveArrays(replica);

        run(predictor, PREDICTIONS);

        assertThat(NativeResources.liveArrays(replica)).isEqualTo(afterWarmUp);
      }
    }
  }

  @Test
  void shouldSeeTheLeakOfATranslatorThatAllocatesFromThePredictorManager(@TempDir Path cache)
      throws Exception {
    ModelSpec spec = TinyModels.writeLinear(cache, IN, OUT);
    try (ModelRegistry registry = new ModelRegistry(cache, new OrtThreads(1, 1))) {
      ModelReplicas<List<float[]>, List<float[]>> model =
          registry.loadBatching(spec, DevicePlacement.cpu("linear"), new LeakyTranslator(IN));
      ZooModel<?, ?> replica = model.replicas().get(0);
      try (Predictor<List<float[]>, List<float[]>> predictor = model.newPredictor()) {
        int before = NativeResources.liveArrays(replica);

        run(predictor, 1_000);

        assertThat(NativeResources.liveArrays(replica)).isGreaterThanOrEqualTo(before + 1_000);
      }
    }
  }

  static void run(Predictor<List<float[]>, List<float[]>> predictor, int predictions)
      throws Exception {
    List<float[]> batch = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      batch.add(TinyModels.row(IN, i));
    }
    for (int i = 0; i < predictions; i++) {
      List<float[]> out = predictor.predict(batch);
      if (out.size() != BATCH) {
        throw new AssertionError("expected " + BATCH + " rows, got " + out.size());
      }
    }
  }
}
