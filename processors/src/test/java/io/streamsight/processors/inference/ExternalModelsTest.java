package io.streamsight.processors.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelRegistry#loadExternal}: user-provided files outside the verified cache. */
class ExternalModelsTest {

  private static final OrtThreads ONE_THREAD = new OrtThreads(1, 1);

  @Test
  void shouldLoadAFileOutsideTheCacheRecordItsSha256AndRunIt(@TempDir Path dir) throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    ModelSpec spec = TinyModels.writeLinear(Files.createDirectories(dir.resolve("user")), 4, 3);
    Path file = dir.resolve("user").resolve(spec.file());

    try (ModelRegistry registry = new ModelRegistry(cache, ONE_THREAD)) {
      OnnxSessions sessions =
          registry.loadExternal("user-linear", file, DevicePlacement.parse("p", "cpu,cpu"));

      assertThat(sessions.sha256()).isEqualTo(spec.sha256());
      assertThat(sessions.file()).isEqualTo(file.toRealPath());
      assertThat(sessions.devices()).containsExactly(Device.cpu(), Device.cpu());
      assertThat(sessions.nextReplica()).isZero();
      assertThat(sessions.nextReplica()).isOne();
      float[] row = TinyModels.row(4, 2);
      OrtEnvironment env = OnnxSessions.environment();
      try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(row), new long[] {1, 4});
          var result = sessions.replica(1).run(Map.of("x", x))) {
        float[] y = ((float[][]) result.get(0).getValue())[0];
        assertThat(y)
            .containsExactly(
                TinyModels.expectedLinear(row, 3), org.assertj.core.api.Assertions.within(1e-5f));
      }
    }
  }

  @Test
  void shouldLeaveDjlModelsLoadableAfterAnExternalModelCameFirst(@TempDir Path dir) {
    // ONNX Runtime has one environment per process; DJL must create it, or DJL's engine fails.
    ModelSpec spec = TinyModels.writeLinear(dir, 4, 3);
    try (ModelRegistry registry = new ModelRegistry(dir, ONE_THREAD)) {
      registry.loadExternal("first", dir.resolve(spec.file()), DevicePlacement.cpu("p"));

      var djl = registry.loadBatching(spec, DevicePlacement.cpu("p"), new DenseBatchTranslator(4));

      assertThat(djl.name()).isEqualTo(spec.name());
    }
  }

  @Test
  void shouldCloseExternalSessionsWithTheRegistry(@TempDir Path dir) throws Exception {
    ModelSpec spec = TinyModels.writeLinear(dir, 4, 3);
    ModelRegistry registry = new ModelRegistry(dir, ONE_THREAD);
    OnnxSessions sessions =
        registry.loadExternal("user-linear", dir.resolve(spec.file()), DevicePlacement.cpu("p"));
    OrtEnvironment env = OnnxSessions.environment();

    registry.close();

    try (OnnxTensor x =
        OnnxTensor.createTensor(env, FloatBuffer.wrap(TinyModels.row(4, 1)), new long[] {1, 4})) {
      assertThatThrownBy(() -> sessions.replica(0).run(Map.of("x", x)))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(
            () ->
                registry.loadExternal("again", dir.resolve(spec.file()), DevicePlacement.cpu("p")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldNameAMissingOrUnreadableFile(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a model");
    try (ModelRegistry registry = new ModelRegistry(dir, ONE_THREAD)) {
      assertThatThrownBy(
              () ->
                  registry.loadExternal("gone", dir.resolve("gone.onnx"), DevicePlacement.cpu("p")))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("gone.onnx does not exist");
      assertThatThrownBy(() -> registry.loadExternal("junk", junk, DevicePlacement.cpu("p")))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("ONNX Runtime cannot load model junk");
      assertThatThrownBy(() -> registry.loadExternal("dir", dir, DevicePlacement.cpu("p")))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("is not a file");
    }
  }

  @Test
  void shouldRefuseAGpuThisMachineDoesNotHave(@TempDir Path dir) {
    boolean cuda = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    assumeFalse(cuda && CudaUtils.getGpuCount() > 0, "this machine has a CUDA GPU");
    ModelSpec spec = TinyModels.writeLinear(dir, 4, 3);
    try (ModelRegistry registry = new ModelRegistry(dir, ONE_THREAD)) {
      assertThatThrownBy(
              () ->
                  registry.loadExternal(
                      "user-linear",
                      dir.resolve(spec.file()),
                      DevicePlacement.parse("captioner", "gpu:0")))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("processor captioner places model user-linear on gpu:0");
    }
  }
}
