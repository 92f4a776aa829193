package io.streamsight.models.onnx;

import static io.streamsight.models.onnx.ElementType.FLOAT;
import static io.streamsight.models.onnx.ElementType.INT64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamsight.models.onnx.OrtSessions.FloatTensor;
import io.streamsight.models.onnx.proto.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxGraphTest {

  private static OnnxModel tinyAdd(float bias) {
    return OnnxGraph.builder("tiny-add")
        .input("x", FLOAT, 1, 4)
        .input("y", FLOAT, 1, 4)
        .initializer("w", FLOAT, new int[] {4}, new float[] {bias, bias, bias, bias})
        .node("Add", List.of("x", "y"), List.of("s"))
        .node("Add", List.of("s", "w"), List.of("z"))
        .output("z", FLOAT, 1, 4)
        .opset(17)
        .build();
  }

  @Test
  void shouldAddInputsAndInitializerWhenRunInOnnxRuntime() throws Exception {
    Map<String, FloatTensor> out =
        OrtSessions.run(
            tinyAdd(0.5f).toByteArray(),
            Map.of(
                "x", FloatTensor.of(new float[] {1, 2, 3, 4}, 1, 4),
                "y", FloatTensor.of(new float[] {10, 20, 30, 40}, 1, 4)));

    assertThat(out.get("z").shape()).containsExactly(1, 4);
    assertThat(out.get("z").data()).containsExactly(11.5f, 22.5f, 33.5f, 44.5f);
  }

  @Test
  void shouldWriteIdenticalBytesForIdenticalBuildsAndDifferentBytesForDifferentWeights() {
    assertThat(tinyAdd(0.5f).toByteArray()).isEqualTo(tinyAdd(0.5f).toByteArray());
    assertThat(tinyAdd(0.5f).sha256()).isEqualTo(tinyAdd(0.5f).sha256()).hasSize(64);
    assertThat(tinyAdd(0.25f).sha256()).isNotEqualTo(tinyAdd(0.5f).sha256());
  }

  @Test
  void shouldRoundTripThroughAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/tiny.onnx");
    OnnxModel model = tinyAdd(1f);

    model.writeTo(file);

    assertThat(Files.readAllBytes(file)).isEqualTo(model.toByteArray());
    ModelProto read = OnnxModel.read(file).proto();
    assertThat(read.getIrVersion()).isEqualTo(8);
    assertThat(read.getOpsetImport(0).getVersion()).isEqualTo(17);
    assertThat(read.getGraph().getNodeList()).extracting("opType").containsExactly("Add", "Add");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void shouldRunEveryAttributeKindAndNamedDynamicBatch() throws Exception {
    // Transpose (INTS), LeakyRelu (FLOAT), Constant (TENSOR), Gemm (INT + FLOAT), Reshape (INT64).
    OnnxModel model =
        OnnxGraph.builder("attributes")
            .input("x", FLOAT, "batch", 2, 3)
            .node("Transpose", List.of("x"), List.of("t"), Map.of("perm", new int[] {0, 2, 1}))
            .node("LeakyRelu", List.of("t"), List.of("l"), Map.of("alpha", 0.5f))
            .initializer("flat", INT64, new int[] {2}, new long[] {-1, 2})
            .node("Reshape", List.of("l", "flat"), List.of("r"))
            .node(
                "Constant",
                List.of(),
                List.of("k"),
                Map.of("value", TensorData.floats(new int[] {2, 1}, 1f, -1f)))
            .node(
                "Gemm",
                List.of("r", "k"),
                List.of("g"),
                Map.of("alpha", 2.0, "transB", 0, "beta", 1.0f))
            .output("g", FLOAT, -1, 1)
            .build();
    float[] x = {1, -2, 3, -4, 5, -6, 7, 8, 9, 10, 11, 12};

    Map<String, FloatTensor> out =
        OrtSessions.run(model.toByteArray(), Map.of("x", FloatTensor.of(x, 2, 2, 3)));

    // Per batch item: t = x^T (3x2), leaky, rows of 2 → g = 2 * (a - b).
    float[] expected = new float[6];
    for (int n = 0; n < 2; n++) {
      for (int c = 0; c < 3; c++) {
        float a = leaky(x[n * 6 + c]);
        float b = leaky(x[n * 6 + 3 + c]);
        expected[n * 3 + c] = 2 * (a - b);
      }
    }
    assertThat(out.get("g").shape()).containsExactly(6, 1);
    for (int i = 0; i < 6; i++) {
      assertThat(out.get("g").data()[i]).isCloseTo(expected[i], within(1e-6f));
    }
    assertThat(model.proto().getGraph().getInput(0).getType().getTensorType().getShape().getDim(0))
        .satisfies(d -> assertThat(d.getDimParam()).isEqualTo("batch"));
  }

  private static float leaky(float v) {
    return v < 0 ? 0.5f * v : v;
  }

  @Test
  void shouldRejectANodeThatReadsAnUndefinedValue() {
    var builder =
        OnnxGraph.builder("broken")
            .input("x", FLOAT, 1)
            .node("Relu", List.of("nope"), List.of("y"))
            .output("y", FLOAT, 1);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Relu_0")
        .hasMessageContaining("'nope'");
  }

  @Test
  void shouldRejectAValueDefinedTwiceAndAnOutputNeverProduced() {
    var twice =
        OnnxGraph.builder("twice")
            .input("x", FLOAT, 1)
            .node("Relu", List.of("x"), List.of("x"))
            .output("x", FLOAT, 1);
    var missing = OnnxGraph.builder("missing").input("x", FLOAT, 1).output("y", FLOAT, 1);

    assertThatThrownBy(twice::build).hasMessageContaining("'x' is defined twice");
    assertThatThrownBy(missing::build).hasMessageContaining("'y' is never produced");
  }

  @Test
  void shouldRejectValuesThatDoNotMatchTheirDeclaration() {
    var builder = OnnxGraph.builder("bad");

    assertThatThrownBy(() -> builder.initializer("w", FLOAT, new int[] {3}, new float[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[3]");
    assertThatThrownBy(() -> builder.initializer("w", INT64, new int[] {1}, new float[] {1}))
        .hasMessageContaining("declared INT64");
    assertThatThrownBy(() -> builder.input("x", FLOAT, 1, -2)).hasMessageContaining("-2");
    assertThatThrownBy(() -> builder.node("Relu", List.of(), List.of(), Map.of("a", new Object())))
        .hasMessageContaining("attribute 'a'");
  }
}
