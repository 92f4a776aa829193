package io.streamsight.processors.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.util.cuda.CudaUtils;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

  private static final OrtThreads ONE_THREAD = new OrtThreads(1, 1);

  @Test
  void shouldComputeKnownOutputsForAnyBatchSizeThroughOnePredictor(@TempDir Path cache)
      throws Exception {
    ModelSpec spec = TinyModels.writeLinear(cache, 4, 3);
    try (ModelRegistry registry = new ModelRegistry(cache, ONE_THREAD)) {
      ModelReplicas<List<float[]>, List<float[]>> model =
          registry.loadBatching(spec, DevicePlacement.cpu("linear"), new DenseBatchTranslator(4));

      try (Predictor<List<float[]>, List<float[]>> predictor = model.newPredictor()) {
        List<float[]> rows =
            List.of(TinyModels.row(4, 1), TinyModels.row(4, 2), TinyModels.row(4, 3));
        List<float[]> batched = predictor.predict(rows);
        List<float[]> single = predictor.predict(List.of(rows.get(1)));

        assertThat(batched).hasSize(3);
        for (int i = 0; i < rows.size(); i++) {
          assertThat(batched.get(i))
              .containsExactly(TinyModels.expectedLinear(rows.get(i), 3), within(1e-5f));
        }
        assertThat(single.get(0)).containsExactly(batched.get(1), within(1e-6f));
      }
      assertThat(model.devices()).containsExactly(Device.cpu());
    }
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
  }

  @Test
  void shouldRefuseToLoadAFileWhoseSha256DiffersAndNameTheFile(@TempDir Path cache)
      throws Exception {
    ModelSpec spec = TinyModels.writeLinear(cache, 4, 3);
    byte[] bytes = Files.readAllBytes(cache.resolve(spec.file()));
    bytes[bytes.length - 1] ^= 1;
    Files.write(cache.resolve(spec.file()), bytes);

    try (ModelRegistry registry = new ModelRegistry(cache, ONE_THREAD)) {
      assertThatThrownBy(
              () ->
                  registry.loadBatching(
                      spec, DevicePlacement.cpu("linear"), new DenseBatchTranslator(4)))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining(cache.toRealPath().resolve(spec.file()).toString())
          .hasMessageContaining("refusing to load")
          .hasMessageContaining(spec.sha256());
    }
  }

  @Test
  void shouldRefuseFilesOutsideTheCacheEvenThroughALink(@TempDir Path dir) throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    ModelSpec real = TinyModels.writeLinear(outside, 4, 3);
    Files.createSymbolicLink(cache.resolve("linked.onnx"), outside.resolve(real.file()));

    try (ModelRegistry registry = new ModelRegistry(cache, ONE_THREAD)) {
      ModelSpec escaping =
          new ModelSpec("escape", Path.of("../outside/" + real.file()), real.sha256());
      ModelSpec linked = new ModelSpec("linked", Path.of("linked.onnx"), real.sha256());
      ModelSpec missing = new ModelSpec("missing", Path.of("missing.onnx"), real.sha256());
      DenseBatchTranslator translator = new DenseBatchTranslator(4);

      assertThatThrownBy(
              () -> registry.loadBatching(escaping, DevicePlacement.cpu("p"), translator))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("not a file inside the cache");
      assertThatThrownBy(() -> registry.loadBatching(linked, DevicePlacement.cpu("p"), translator))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("not a file inside the cache");
      assertThatThrownBy(() -> registry.loadBatching(missing, DevicePlacement.cpu("p"), translator))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("missing.onnx is not in the cache");
    }
  }

  @Test
  void shouldFailAtLoadSayingWhyWhenAGpuIsAskedForOnAMachineWithout(@TempDir Path cache) {
    boolean cuda = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    assumeFalse(cuda && CudaUtils.getGpuCount() > 0, "this machine has a CUDA GPU");
    ModelSpec spec = TinyModels.writeLinear(cache, 4, 3);

    try (ModelRegistry registry = new ModelRegistry(cache, ONE_THREAD)) {
      assertThatThrownBy(
              () ->
                  registry.loadBatching(
                      spec,
                      DevicePlacement.parse("detector", "gpu:0"),
                      new DenseBatchTranslator(4)))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("processor detector")
          .hasMessageContaining("gpu:0")
          .hasMessageContaining(cuda ? "CUDA sees 0 GPU(s)" : "no CUDA execution provider")
          .hasMessageContaining(cuda ? "place the processor on cpu" : "-Pgpu");
    }
  }

  @Test
  void shouldLoadOneReplicaPerDeviceAndSpreadPredictorsOverThem(@TempDir Path cache)
      throws Exception {
    ModelSpec spec = TinyModels.writeLinear(cache, 4, 3);
    try (ModelRegistry registry = new ModelRegistry(cache, ONE_THREAD)) {
      ModelReplicas<List<float[]>, List<float[]>> model =
          registry.loadBatching(
              spec, DevicePlacement.parse("linear", "cpu, cpu"), new DenseBatchTranslator(4));

      assertThat(model.devices()).containsExactly(Device.cpu(), Device.cpu());
      try (Predictor<List<float[]>, List<float[]>> first = model.newPredictor();
          Predictor<List<float[]>, List<float[]>> second = model.newPredictor()) {
        float[] row = TinyModels.row(4, 9);
        assertThat(first.predict(List.of(row)).get(0))
            .containsExactly(second.predict(List.of(row)).get(0), within(1e-6f));
      }
    }
  }

  @Test
  void shouldCloseItsModelsSoPredictorsStopWorkingAndRefuseNewLoads(@TempDir Path cache) {
    ModelSpec spec = TinyModels.writeLinear(cache, 4, 3);
    ModelRegistry registry = new ModelRegistry(cache, ONE_THREAD);
    ModelReplicas<List<float[]>, List<float[]>> model =
        registry.loadBatching(spec, DevicePlacement.cpu("linear"), new DenseBatchTranslator(4));
    Predictor<List<float[]>, List<float[]>> predictor = model.newPredictor();

    registry.close();
    registry.close();

    assertThatThrownBy(() -> predictor.predict(List.of(TinyModels.row(4, 1))))
        .isInstanceOf(Exception.class);
    assertThatThrownBy(
            () ->
                registry.loadBatching(
                    spec, DevicePlacement.cpu("linear"), new DenseBatchTranslator(4)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void shouldRejectAMissingCacheFolder(@TempDir Path dir) {
    assertThatThrownBy(() -> new ModelRegistry(dir.resolve("nope"), ONE_THREAD))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("nope");
  }
}
