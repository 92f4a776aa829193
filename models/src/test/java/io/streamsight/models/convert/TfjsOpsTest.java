package io.streamsight.models.convert;

import static io.streamsight.models.convert.TfjsFixture.bool;
import static io.streamsight.models.convert.TfjsFixture.integer;
import static io.streamsight.models.convert.TfjsFixture.ints;
import static io.streamsight.models.convert.TfjsFixture.real;
import static io.streamsight.models.convert.TfjsFixture.str;
import static io.streamsight.models.convert.TfjsFixture.strs;
import static io.streamsight.models.convert.TfjsFixture.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamsight.models.convert.ReferenceOps.Nd;
import io.streamsight.models.onnx.OrtSessions;
import io.streamsight.models.onnx.OrtSessions.FloatTensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every supported op, converted from a small TF.js graph, run in ONNX Runtime and compared with
 * {@link ReferenceOps}. The largest absolute difference seen per op is printed after the run.
 */
class TfjsOpsTest {
  private static final Map<String, Double> MAX_ERROR = new TreeMap<>();
  private static final double TOLERANCE = 1e-5;

  @TempDir Path dir;
  private final Random random = new Random(42);

  @AfterAll
  static void printErrors() {
    MAX_ERROR.forEach(
        (op, error) -> System.out.printf("max |onnx - reference| %-40s %.3g%n", op, error));
  }

  // ---- convolutions ----

  @Test
  void shouldMatchConv2dWithSamePaddingStrideTwoAndFloat16Weights() throws Exception {
    Nd x = Nd.random(random, 1, 7, 9, 3);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 7, 9, 3);
    Nd w = filter(f, "w", true, 3, 3, 3, 4);
    f.node("y", "Conv2D", List.of("x", "w"), conv(2, 1, "SAME")).output("y", "y");

    assertClose("Conv2D SAME s2 fp16", convRef(x, w, false, 2, 1, "SAME"), run(f, x).get("y"));
  }

  @Test
  void shouldMatchConv2dWithValidPaddingAndDilation() throws Exception {
    Nd x = Nd.random(random, 1, 8, 8, 2);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 8, 8, 2);
    Nd w = filter(f, "w", false, 3, 3, 2, 3);
    f.node("y", "Conv2D", List.of("x", "w"), conv(1, 2, "VALID")).output("y", "y");

    assertClose("Conv2D VALID dilation 2", convRef(x, w, false, 1, 2, "VALID"), run(f, x).get("y"));
  }

  @Test
  void shouldMatchConv2dWithExplicitPadding() throws Exception {
    Nd x = Nd.random(random, 1, 5, 6, 2);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 5, 6, 2);
    Nd w = filter(f, "w", false, 3, 3, 2, 2);
    Map<String, JsonNode> attrs = new LinkedHashMap<>(conv(1, 1, "EXPLICIT"));
    attrs.put("explicit_paddings", ints(0, 0, 1, 2, 2, 0, 0, 0));
    f.node("y", "Conv2D", List.of("x", "w"), attrs).output("y", "y");

    Nd expected =
        ReferenceOps.conv(x, w, false, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 2}, 6, 6);
    assertClose("Conv2D EXPLICIT", expected, run(f, x).get("y"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Relu", "Relu6", "LeakyRelu", "Sigmoid"})
  void shouldMatchFusedConv2dWithBiasAndActivation(String activation) throws Exception {
    Nd x = ReferenceOps.map(Nd.random(random, 1, 6, 6, 3), v -> 3 * v);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 6, 6, 3);
    Nd w = filter(f, "w", true, 3, 3, 3, 5);
    Nd bias = constant(f, "b", true, 5);
    Map<String, JsonNode> attrs = new LinkedHashMap<>(conv(1, 1, "SAME"));
    attrs.put("num_args", integer(1));
    attrs.put("fused_ops", activation.isEmpty() ? strs("BiasAdd") : strs("BiasAdd", activation));
    attrs.put("leakyrelu_alpha", real(0.1f));
    f.node("y", "_FusedConv2D", List.of("x", "w", "b"), attrs).output("y", "y");

    Nd expected = ReferenceOps.add(convRef(x, w, false, 1, 1, "SAME"), bias);
    expected =
        switch (activation) {
          case "Relu" -> ReferenceOps.map(expected, v -> Math.max(v, 0));
          case "Relu6" -> ReferenceOps.map(expected, ReferenceOps::relu6);
          case "LeakyRelu" -> ReferenceOps.map(expected, ReferenceOps.leaky(0.1));
          case "Sigmoid" -> ReferenceOps.map(expected, ReferenceOps::sigmoid);
          default -> expected;
        };
    assertClose("_FusedConv2D BiasAdd " + activation, expected, run(f, x).get("y"));
  }

  @Test
  void shouldMatchDepthwiseConvWithChannelMultiplier() throws Exception {
    Nd x = Nd.random(random, 1, 6, 7, 3);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 6, 7, 3);
    Nd w = filter(f, "w", true, 3, 3, 3, 2);
    f.node("y", "DepthwiseConv2dNative", List.of("x", "w"), conv(2, 1, "SAME")).output("y", "y");

    assertClose(
        "DepthwiseConv2dNative SAME s2 x2", convRef(x, w, true, 2, 1, "SAME"), run(f, x).get("y"));
  }

  @Test
  void shouldMatchFusedDepthwiseConvWithUint8QuantisedBiasAndRelu6() throws Exception {
    Nd x = ReferenceOps.map(Nd.random(random, 1, 5, 5, 4), v -> 4 * v);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 5, 5, 4);
    Nd w = filter(f, "w", true, 3, 3, 4, 1);
    Nd bias =
        new Nd(
            new int[] {4},
            f.uint8Const("b", new int[] {4}, new int[] {0, 64, 200, 255}, -1f, 0.01f));
    Map<String, JsonNode> attrs = new LinkedHashMap<>(conv(1, 1, "VALID"));
    attrs.put("fused_ops", strs("BiasAdd", "Relu6"));
    attrs.put("num_args", integer(1));
    f.node("y", "FusedDepthwiseConv2dNative", List.of("x", "w", "b"), attrs).output("y", "y");

    Nd expected =
        ReferenceOps.map(
            ReferenceOps.add(convRef(x, w, true, 1, 1, "VALID"), bias), ReferenceOps::relu6);
    assertClose("FusedDepthwiseConv2dNative Relu6 uint8", expected, run(f, x).get("y"));
  }

  // ---- padding and pooling ----

  @Test
  void shouldMatchPadInTfLayoutAndInTheConvolutionsLayout() throws Exception {
    Nd x = Nd.random(random, 1, 5, 5, 2);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 5, 5, 2);
    f.intConst("p1", "DT_INT32", new int[] {4, 2}, 0, 0, 1, 2, 0, 1, 0, 0);
    f.node("padded", "Pad", List.of("x", "p1"), Map.of());
    Nd w = filter(f, "w", false, 3, 3, 2, 3);
    f.node("c", "Conv2D", List.of("padded", "w"), conv(1, 1, "VALID"));
    f.intConst("p2", "DT_INT32", new int[] {4, 2}, 0, 0, 2, 0, 1, 3, 0, 1);
    f.node("y", "Pad", List.of("c", "p2"), Map.of()).output("y", "y");

    Nd padded = ReferenceOps.pad(x, new int[][] {{0, 0}, {1, 2}, {0, 1}, {0, 0}}, 0);
    Nd conv = convRef(padded, w, false, 1, 1, "VALID");
    Nd expected = ReferenceOps.pad(conv, new int[][] {{0, 0}, {2, 0}, {1, 3}, {0, 1}}, 0);
    assertClose("Pad", expected, run(f, x).get("y"));
  }

  @Test
  void shouldMatchNanodetsPadV2WithMinusInfinityAndMaxPoolBetweenTransposes() throws Exception {
    Nd x = Nd.random(random, 1, 2, 7, 7);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 2, 7, 7);
    f.intConst("pads", "DT_INT32", new int[] {4, 2}, 0, 0, 0, 0, 1, 1, 1, 1);
    f.floatConst("fill", new int[0], new float[] {Float.NEGATIVE_INFINITY}, false);
    f.node("padded", "PadV2", List.of("x", "pads", "fill"), Map.of());
    f.intConst("toNhwc", "DT_INT32", new int[] {4}, 0, 2, 3, 1);
    f.node("nhwc", "Transpose", List.of("padded", "toNhwc"), Map.of());
    Map<String, JsonNode> pool = new LinkedHashMap<>();
    pool.put("ksize", ints(1, 3, 3, 1));
    pool.put("strides", ints(1, 2, 2, 1));
    pool.put("padding", str("VALID"));
    pool.put("data_format", str("NHWC"));
    f.node("pooled", "MaxPool", List.of("nhwc"), pool);
    f.intConst("toNchw", "DT_INT32", new int[] {4}, 0, 3, 1, 2);
    f.node("y", "Transpose", List.of("pooled", "toNchw"), Map.of()).output("y", "y");

    Nd padded =
        ReferenceOps.pad(x, new int[][] {{0, 0}, {0, 0}, {1, 1}, {1, 1}}, Float.NEGATIVE_INFINITY);
    Nd pooled =
        ReferenceOps.maxPool(
            ReferenceOps.transpose(padded, new int[] {0, 2, 3, 1}),
            new int[] {3, 3},
            new int[] {2, 2},
            new int[] {0, 0},
            4,
            4);
    Nd expected = ReferenceOps.transpose(pooled, new int[] {0, 3, 1, 2});
    Map<String, FloatTensor> out = run(f, x);
    assertClose("PadV2 -inf + MaxPool VALID", expected, out.get("y"));
    assertThat(out.get("y").data()).doesNotContain(Float.NEGATIVE_INFINITY);
  }

  @Test
  void shouldMatchMaxPoolWithSamePaddingOnOddSizes() throws Exception {
    Nd x = Nd.random(random, 1, 5, 7, 3);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 5, 7, 3);
    Map<String, JsonNode> pool = new LinkedHashMap<>();
    pool.put("ksize", ints(1, 2, 2, 1));
    pool.put("strides", ints(1, 2, 2, 1));
    pool.put("padding", str("SAME"));
    f.node("y", "MaxPool", List.of("x"), pool).output("y", "y");

    int[] ph = ReferenceOps.samePadding(5, 2, 2, 1);
    int[] pw = ReferenceOps.samePadding(7, 2, 2, 1);
    Nd expected =
        ReferenceOps.maxPool(
            x, new int[] {2, 2}, new int[] {2, 2}, new int[] {ph[0], pw[0]}, ph[1], pw[1]);
    assertClose("MaxPool SAME", expected, run(f, x).get("y"));
  }

  // ---- elementwise ----

  @Test
  void shouldMatchAddOfConstantsAndOfTensorsInDifferentLayouts() throws Exception {
    Nd x = Nd.random(random, 1, 4, 5, 3);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 4, 5, 3);
    Nd w = filter(f, "w", false, 3, 3, 3, 3);
    Nd bias = constant(f, "bias", false, 3);
    Nd scalar = constant(f, "scalar", false);
    f.node("c", "Conv2D", List.of("x", "w"), conv(1, 1, "SAME"));
    f.node("biased", "Add", List.of("c", "bias"), Map.of());
    f.node("shifted", "AddV2", List.of("scalar", "biased"), Map.of());
    // x is held as NHWC, "shifted" as NCHW: one of them must be transposed.
    f.node("y", "AddV2", List.of("shifted", "x"), Map.of()).output("y", "y");

    Nd expected =
        ReferenceOps.add(
            ReferenceOps.add(scalar, ReferenceOps.add(convRef(x, w, false, 1, 1, "SAME"), bias)),
            x);
    assertClose("Add/AddV2 (const, scalar, mixed layouts)", expected, run(f, x).get("y"));
  }

  @Test
  void shouldMatchUnaryActivationsOnARankTwoTensor() throws Exception {
    Nd x = ReferenceOps.map(Nd.random(random, 3, 5), v -> 5 * v);
    TfjsFixture f = new TfjsFixture().placeholder("x", 3, 5);
    f.node("leaky", "LeakyRelu", List.of("x"), Map.of("alpha", real(0.3f)));
    f.node("relu6", "Relu6", List.of("x"), Map.of());
    f.node("sigmoid", "Sigmoid", List.of("x"), Map.of());
    f.node("relu", "Relu", List.of("x"), Map.of());
    f.node("same", "Identity", List.of("relu"), Map.of());
    f.output("leaky", "leaky").output("relu6", "relu6").output("sigmoid", "sigmoid");
    f.output("relu", "same");

    Map<String, FloatTensor> out = run(f, x);

    assertClose("LeakyRelu", ReferenceOps.map(x, ReferenceOps.leaky(0.3)), out.get("leaky"));
    assertClose("Relu6", ReferenceOps.map(x, ReferenceOps::relu6), out.get("relu6"));
    assertClose("Sigmoid", ReferenceOps.map(x, ReferenceOps::sigmoid), out.get("sigmoid"));
    assertClose("Relu + Identity", ReferenceOps.map(x, v -> Math.max(v, 0)), out.get("relu"));
  }

  // ---- shape ops ----

  @Test
  void shouldMatchConcatV2OnChannelsOfConvolutionsAndOnRows() throws Exception {
    Nd x = Nd.random(random, 1, 4, 4, 2);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 4, 4, 2);
    Nd w1 = filter(f, "w1", false, 1, 1, 2, 3);
    Nd w2 = filter(f, "w2", false, 3, 3, 2, 2);
    f.node("c1", "Conv2D", List.of("x", "w1"), conv(1, 1, "SAME"));
    f.node("c2", "Conv2D", List.of("x", "w2"), conv(1, 1, "SAME"));
    f.intConst("last", "DT_INT32", new int[0], -1);
    f.node("channels", "ConcatV2", List.of("c1", "c2", "x", "last"), Map.of("N", integer(3)));
    f.intConst("rows", "DT_INT32", new int[0], 1);
    f.node("tall", "ConcatV2", List.of("channels", "channels", "rows"), Map.of("N", integer(2)));
    f.output("channels", "channels").output("tall", "tall");

    Nd c1 = convRef(x, w1, false, 1, 1, "SAME");
    Nd c2 = convRef(x, w2, false, 1, 1, "SAME");
    Nd channels = ReferenceOps.concat(3, c1, c2, x);
    Map<String, FloatTensor> out = run(f, x);
    assertClose("ConcatV2 axis -1", channels, out.get("channels"));
    assertClose("ConcatV2 axis 1", ReferenceOps.concat(1, channels, channels), out.get("tall"));
  }

  @ParameterizedTest
  @CsvSource({
    "false, true, 9, 4",
    "false, true, 10, 14",
    "true, false, 9, 4",
    "true, false, 3, 11",
    "false, false, 9, 4",
    "false, false, 10, 14"
  })
  void shouldMatchResizeBilinearInEveryCoordinateMode(
      boolean alignCorners, boolean halfPixel, int outH, int outW) throws Exception {
    Nd x = Nd.random(random, 1, 5, 7, 3);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 5, 7, 3);
    f.intConst("size", "DT_INT32", new int[] {2}, outH, outW);
    f.node(
            "y",
            "ResizeBilinear",
            List.of("x", "size"),
            Map.of("align_corners", bool(alignCorners), "half_pixel_centers", bool(halfPixel)))
        .output("y", "y");

    Nd expected = ReferenceOps.resizeBilinear(x, outH, outW, alignCorners, halfPixel);
    String mode = alignCorners ? "align_corners" : halfPixel ? "half_pixel" : "asymmetric";
    assertClose("ResizeBilinear " + mode, expected, run(f, x).get("y"));
  }

  @Test
  void shouldMatchSplitVOnTheChannelsOfAConvolution() throws Exception {
    Nd x = Nd.random(random, 1, 4, 4, 6);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 4, 4, 6);
    Nd w = filter(f, "w", false, 1, 1, 6, 7);
    f.node("c", "Conv2D", List.of("x", "w"), conv(1, 1, "VALID"));
    f.intConst("sizes", "DT_INT32", new int[] {2}, 3, 4);
    f.intConst("axis", "DT_INT32", new int[0], 3);
    f.node("parts", "SplitV", List.of("c", "sizes", "axis"), Map.of("num_split", integer(2)));
    f.node("scores", "Sigmoid", List.of("parts"), Map.of());
    f.output("scores", "scores").output("boxes", "parts:1");

    Nd[] parts = ReferenceOps.split(convRef(x, w, false, 1, 1, "VALID"), 3, 3, 4);
    Map<String, FloatTensor> out = run(f, x);
    assertClose(
        "SplitV + Sigmoid", ReferenceOps.map(parts[0], ReferenceOps::sigmoid), out.get("scores"));
    assertClose("SplitV :1", parts[1], out.get("boxes"));
  }

  @Test
  void shouldMatchNanodetsHeadOfTransposeReshapeWithAFoldedShapeAndTransposeBack()
      throws Exception {
    Nd x = Nd.random(random, 1, 3, 4, 2);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 3, 4, 2);
    Nd w = filter(f, "w", false, 1, 1, 2, 5);
    f.node("c", "Conv2D", List.of("x", "w"), conv(1, 1, "VALID"));
    f.intConst("toNchw", "DT_INT32", new int[] {4}, 0, 3, 1, 2);
    f.node("nchw", "Transpose", List.of("c", "toNchw"), Map.of());
    // The ONNX→TF export computes the target shape as base + SparseToDense(no indices) = base.
    f.intConst("where", "DT_INT64", new int[] {0, 1});
    f.intConst("dense_shape", "DT_INT64", new int[] {1}, 3);
    f.intConst("values", "DT_INT64", new int[] {0});
    f.intConst("zero", "DT_INT64", new int[0], 0);
    f.node(
        "delta",
        "SparseToDense",
        List.of("where", "dense_shape", "values", "zero"),
        Map.of("T", type("DT_INT64")));
    f.intConst("base", "DT_INT64", new int[] {3}, 1, 5, -1);
    f.node("shape", "AddV2", List.of("base", "delta"), Map.of("T", type("DT_INT64")));
    f.node("flat", "Reshape", List.of("nchw", "shape"), Map.of());
    f.intConst("swap", "DT_INT32", new int[] {3}, 0, 2, 1);
    f.node("rows", "Transpose", List.of("flat", "swap"), Map.of());
    f.node("y", "Identity", List.of("rows"), Map.of()).output("y", "y");

    Nd nchw = ReferenceOps.transpose(convRef(x, w, false, 1, 1, "VALID"), new int[] {0, 3, 1, 2});
    Nd expected =
        ReferenceOps.transpose(new Nd(new int[] {1, 5, 12}, nchw.data), new int[] {0, 2, 1});
    assertClose("Transpose+Reshape(SparseToDense+AddV2)", expected, run(f, x).get("y"));
  }

  @Test
  void shouldReshapeNhwcDataInTfOrderWithADynamicBatch() throws Exception {
    Nd x = Nd.random(random, 2, 4, 4, 3);
    TfjsFixture f = new TfjsFixture().placeholder("x", -1, 4, 4, 3);
    Nd w = filter(f, "w", false, 3, 3, 3, 2);
    f.node("c", "Conv2D", List.of("x", "w"), conv(1, 1, "SAME"));
    f.intConst("flat", "DT_INT32", new int[] {2}, -1, 32);
    f.node("y", "Reshape", List.of("c", "flat"), Map.of()).output("y", "y");

    Nd conv = convRef(x, w, false, 1, 1, "SAME");
    assertClose(
        "Reshape (NHWC order, batch 2)", new Nd(new int[] {2, 32}, conv.data), run(f, x).get("y"));
  }

  @Test
  void shouldMatchTransposeOfAnInput() throws Exception {
    Nd x = Nd.random(random, 2, 3, 4, 5);
    TfjsFixture f = new TfjsFixture().placeholder("x", 2, 3, 4, 5);
    f.intConst("perm", "DT_INT32", new int[] {4}, 3, 0, 2, 1);
    f.node("t", "Transpose", List.of("x", "perm"), Map.of());
    f.node("y", "Sigmoid", List.of("t"), Map.of()).output("y", "y");

    Nd expected =
        ReferenceOps.map(ReferenceOps.transpose(x, new int[] {3, 0, 2, 1}), ReferenceOps::sigmoid);
    assertClose("Transpose", expected, run(f, x).get("y"));
  }

  // ---- failures and properties ----

  @Test
  void shouldFailOnAnUnsupportedOpNamingTheOpAndTheNode() throws Exception {
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 4);
    f.node("probs", "Softmax", List.of("x"), Map.of()).output("probs", "probs");
    String file = f.write(dir);

    assertThatThrownBy(() -> new TfjsGraphConverter().toOnnx(dir, file))
        .isInstanceOf(ConversionException.class)
        .hasMessage("unsupported TF.js op 'Softmax' at node 'probs'");
  }

  @Test
  void shouldIgnoreUnsupportedOpsThatNoOutputNeeds() throws Exception {
    Nd x = Nd.random(random, 1, 4);
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 4);
    f.node("unused", "Softmax", List.of("x"), Map.of());
    f.node("y", "Sigmoid", List.of("x"), Map.of()).output("y", "y");

    assertClose("Sigmoid", ReferenceOps.map(x, ReferenceOps::sigmoid), run(f, x).get("y"));
  }

  @Test
  void shouldFailWhenAFilterIsComputedAtRunTime() throws Exception {
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 4, 4, 1).placeholder("w", 1, 1, 1, 1);
    f.node("y", "Conv2D", List.of("x", "w"), conv(1, 1, "VALID")).output("y", "y");
    String file = f.write(dir);

    assertThatThrownBy(() -> new TfjsGraphConverter().toOnnx(dir, file))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("Conv2D node 'y'")
        .hasMessageContaining("filter");
  }

  @Test
  void shouldWriteIdenticalBytesForTheSameSourceTwice() throws Exception {
    TfjsFixture f = new TfjsFixture().placeholder("x", 1, 6, 6, 3);
    filter(f, "w", true, 3, 3, 3, 4);
    f.node("y", "Conv2D", List.of("x", "w"), conv(1, 1, "SAME")).output("y", "y");
    String file = f.write(dir);
    Path a = dir.resolve("a.onnx");
    Path b = dir.resolve("b.onnx");

    new TfjsGraphConverter().convert(dir, file, a);
    new TfjsGraphConverter().convert(dir, file, b);

    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void shouldDecodeHalfPrecisionLikeIeee754() {
    assertThat(Float16.toFloat((short) 0x3c00)).isEqualTo(1f);
    assertThat(Float16.toFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(Float16.toFloat((short) 0x7bff)).isEqualTo(65504f);
    assertThat(Float16.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    assertThat(Float16.toFloat((short) 0x8000)).isEqualTo(-0f);
    assertThat(Float16.toFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(Float16.toFloat((short) 0x7e00)).isNaN();
    assertThat(Float16.toFloat(TfjsFixture.toHalf(0.1f))).isEqualTo(0x1.998p-4f);
  }

  // ---- helpers ----

  private Map<String, FloatTensor> run(TfjsFixture fixture, Nd x) throws Exception {
    String file = fixture.write(dir);
    byte[] onnx = new TfjsGraphConverter().toOnnx(dir, file).toByteArray();
    return OrtSessions.run(onnx, Map.of("x", new FloatTensor(x.longShape(), x.data)));
  }

  private Nd filter(TfjsFixture f, String name, boolean float16, int... shape) {
    Nd values = ReferenceOps.map(Nd.random(random, shape), v -> 0.5 * v);
    return new Nd(shape, f.floatConst(name, shape, values.data, float16));
  }

  private Nd constant(TfjsFixture f, String name, boolean float16, int... shape) {
    Nd values = Nd.random(random, shape);
    return new Nd(shape, f.floatConst(name, shape, values.data, float16));
  }

  private static Map<String, JsonNode> conv(int stride, int dilation, String padding) {
    Map<String, JsonNode> attrs = new LinkedHashMap<>();
    attrs.put("strides", ints(1, stride, stride, 1));
    attrs.put("dilations", ints(1, dilation, dilation, 1));
    attrs.put("padding", str(padding));
    attrs.put("data_format", str("NHWC"));
    return attrs;
  }

  private static Nd convRef(
      Nd x, Nd w, boolean depthwise, int stride, int dilation, String padding) {
    int[] s = {stride, stride};
    int[] d = {dilation, dilation};
    if (padding.equals("SAME")) {
      int[] ph = ReferenceOps.samePadding(x.shape[1], w.shape[0], stride, dilation);
      int[] pw = ReferenceOps.samePadding(x.shape[2], w.shape[1], stride, dilation);
      return ReferenceOps.conv(x, w, depthwise, s, d, new int[] {ph[0], pw[0]}, ph[1], pw[1]);
    }
    int outH = (x.shape[1] - (w.shape[0] - 1) * dilation - 1) / stride + 1;
    int outW = (x.shape[2] - (w.shape[1] - 1) * dilation - 1) / stride + 1;
    return ReferenceOps.conv(x, w, depthwise, s, d, new int[] {0, 0}, outH, outW);
  }

  private static void assertClose(String op, Nd expected, FloatTensor actual) {
    assertThat(actual).as("%s output", op).isNotNull();
    assertThat(actual.shape()).as("%s shape", op).containsExactly(expected.longShape());
    double max = 0;
    for (int i = 0; i < expected.data.length; i++) {
      max = Math.max(max, Math.abs(expected.data[i] - actual.data()[i]));
    }
    MAX_ERROR.merge(op, max, Math::max);
    assertThat(max).as("%s max abs error", op).isLessThanOrEqualTo(TOLERANCE);
  }
}
