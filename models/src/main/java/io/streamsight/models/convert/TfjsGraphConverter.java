package io.streamsight.models.convert;

import io.streamsight.models.ModelConverter;
import io.streamsight.models.onnx.OnnxGraph;
import io.streamsight.models.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Converts a TensorFlow.js graph model ({@code model.json} with its {@code .bin} weight shards)
 * into an ONNX model, in plain Java.
 *
 * <p>Supported TF ops: Placeholder, Const, Identity, Conv2D, _FusedConv2D, DepthwiseConv2dNative
 * and FusedDepthwiseConv2dNative (fused BiasAdd with Relu, Relu6, LeakyRelu or Sigmoid; VALID, SAME
 * or EXPLICIT padding), Pad, PadV2, MaxPool, Add, AddV2, Relu, Relu6, LeakyRelu, Sigmoid, ConcatV2,
 * ResizeBilinear (align_corners, half_pixel_centers), SplitV, Reshape (constant shape), Transpose
 * (constant permutation) and SparseToDense (constant inputs). Any other op reachable from the
 * outputs fails the conversion with the op's and the node's name. Weights quantised to float16 or
 * uint8/uint16 are expanded to float32.
 *
 * <p>Layout policy: the ONNX model's inputs and outputs have exactly the shapes and layouts of the
 * TF.js signature (nanodet: NCHW {@code input_1} [1,3,416,416]; blazepose: NHWC {@code input_1}
 * [batch,256,256,3]), named after the placeholder and the signature's output keys (without {@code
 * :0}); a dynamic batch dimension is named {@code batch}. Inside, convolution, pooling and resizing
 * run in ONNX's NCHW with transposes only where TF's layout must be visible (see {@link
 * GraphTranslator}).
 *
 * <p>The output is a deterministic function of the source files: converting the same files twice
 * gives identical bytes, so the converted model's sha256 can be pinned. {@link #FORMAT_VERSION}
 * changes whenever a change to the converter changes its output.
 */
public final class TfjsGraphConverter implements ModelConverter {
  /** Bumped whenever the converter's output for the same input changes. */
  public static final String FORMAT_VERSION = "1";

  @Override
  public String name() {
    return "tfjs-graph-to-onnx";
  }

  /**
   * Converts {@code sourceDir/sourceFile} (a TF.js {@code model.json}; shards are read relative to
   * it) and writes the ONNX model to {@code target}, replacing it atomically.
   *
   * @throws ConversionException if the model uses an unsupported op or is malformed
   */
  @Override
  public void convert(Path sourceDir, String sourceFile, Path target) throws IOException {
    toOnnx(sourceDir, sourceFile).writeTo(target);
  }

  /** Converts without writing: the model in memory. */
  public OnnxModel toOnnx(Path sourceDir, String sourceFile) throws IOException {
    Path modelJson = sourceDir.resolve(sourceFile).normalize();
    if (!Files.isRegularFile(modelJson)) {
      throw new ConversionException("no TF.js model at " + modelJson);
    }
    TfjsGraphModel model = TfjsGraphModel.read(modelJson);
    String fileName = modelJson.getFileName().toString();
    String graphName =
        fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    OnnxGraph.Builder graph =
        OnnxGraph.builder(graphName)
            .opset(GraphTranslator.OPSET)
            .producer("streamsight " + name(), FORMAT_VERSION)
            .docString("Converted from the TF.js graph model " + fileName);
    if (!model.generatedBy().isEmpty()) {
      graph.metadata("tfjs.generatedBy", model.generatedBy());
    }
    return new GraphTranslator(model, graph).translate();
  }
}
