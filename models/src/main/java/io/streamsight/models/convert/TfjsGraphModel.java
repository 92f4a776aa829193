package io.streamsight.models.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsight.models.onnx.ElementType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js graph model as read from {@code model.json} and its weight shards: the nodes in file
 * order, the weights decoded to plain values (float16 and uint8/uint16 quantisation undone), and
 * the signature's outputs.
 */
final class TfjsGraphModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A graph output: the TF tensor it reads, the ONNX name it gets, its declared dims. */
  record Output(String tensor, String name, List<Long> dims) {}

  private final Map<String, TfNode> nodes;
  private final Map<String, ConstTensor> weights;
  private final List<Output> outputs;
  private final String generatedBy;

  private TfjsGraphModel(
      Map<String, TfNode> nodes,
      Map<String, ConstTensor> weights,
      List<Output> outputs,
      String generatedBy) {
    this.nodes = nodes;
    this.weights = weights;
    this.outputs = outputs;
    this.generatedBy = generatedBy;
  }

  /** Reads {@code modelJson} and the shards it names (relative to its folder). */
  static TfjsGraphModel read(Path modelJson) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(modelJson.toFile());
    } catch (IOException e) {
      throw new ConversionException("cannot parse " + modelJson + ": " + e.getMessage(), e);
    }
    String format = root.path("format").asText("graph-model");
    if (!format.equals("graph-model")) {
      throw new ConversionException(modelJson + " is a TF.js '" + format + "', not a graph-model");
    }
    Map<String, TfNode> nodes = new LinkedHashMap<>();
    for (JsonNode node : root.path("modelTopology").path("node")) {
      TfNode parsed = TfNode.fromJson(node);
      if (nodes.put(parsed.name(), parsed) != null) {
        throw new ConversionException("node '" + parsed.name() + "' appears twice");
      }
    }
    if (nodes.isEmpty()) {
      throw new ConversionException(modelJson + " has no modelTopology.node");
    }
    Map<String, ConstTensor> weights =
        readWeights(modelJson.toAbsolutePath().getParent(), root.path("weightsManifest"));
    return new TfjsGraphModel(
        nodes, weights, outputs(root.path("signature"), nodes), root.path("generatedBy").asText());
  }

  Map<String, TfNode> nodes() {
    return nodes;
  }

  ConstTensor weight(String name) {
    return weights.get(name);
  }

  List<Output> outputs() {
    return outputs;
  }

  String generatedBy() {
    return generatedBy;
  }

  /**
   * The signature's outputs, ordered by tensor name (naturally: Identity, Identity_1, …, so that
   * the order does not depend on the JSON's key order), named by their signature key without the
   * {@code :0}. Without a signature, every non-constant node that nothing reads.
   */
  private static List<Output> outputs(JsonNode signature, Map<String, TfNode> nodes)
      throws ConversionException {
    List<Output> outputs = new ArrayList<>();
    JsonNode declared = signature.path("outputs");
    if (declared.isObject() && !declared.isEmpty()) {
      for (Map.Entry<String, JsonNode> field : declared.properties()) {
        String tensor = field.getValue().path("name").asText(field.getKey());
        List<Long> dims = new ArrayList<>();
        for (JsonNode dim : field.getValue().path("tensorShape").path("dim")) {
          dims.add(dim.path("size").asLong(0));
        }
        outputs.add(new Output(tensor, stripIndex(field.getKey()), List.copyOf(dims)));
      }
    } else {
      java.util.Set<String> read = new java.util.HashSet<>();
      for (TfNode node : nodes.values()) {
        for (String input : node.inputs()) {
          read.add(stripIndex(input));
        }
      }
      for (TfNode node : nodes.values()) {
        if (!read.contains(node.name()) && !node.op().equals("Const")) {
          outputs.add(new Output(node.name(), node.name(), List.of()));
        }
      }
    }
    if (outputs.isEmpty()) {
      throw new ConversionException("the model has no outputs");
    }
    outputs.sort(Comparator.comparing(Output::tensor, TfjsGraphModel::naturalOrder));
    return List.copyOf(outputs);
  }

  static String stripIndex(String tensor) {
    int colon = tensor.lastIndexOf(':');
    return colon > 0 && tensor.substring(colon + 1).chars().allMatch(Character::isDigit)
        ? tensor.substring(0, colon)
        : tensor;
  }

  /** Compares strings with digit runs as numbers, so "Identity_2" sorts before "Identity_10". */
  static int naturalOrder(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int ei = i;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        int ej = j;
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        int c =
            new java.math.BigInteger(a.substring(i, ei))
                .compareTo(new java.math.BigInteger(b.substring(j, ej)));
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Each manifest group's shards are one byte stream holding its weights in order. */
  private static Map<String, ConstTensor> readWeights(Path dir, JsonNode manifest)
      throws IOException {
    Map<String, ConstTensor> weights = new LinkedHashMap<>();
    for (JsonNode group : manifest) {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (JsonNode path : group.path("paths")) {
        Path shard = dir.resolve(path.asText()).normalize();
        if (!shard.startsWith(dir)) {
          throw new ConversionException("weight shard " + path.asText() + " is outside " + dir);
        }
        joined.write(Files.readAllBytes(shard));
      }
      ByteBuffer data = ByteBuffer.wrap(joined.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
      for (JsonNode spec : group.path("weights")) {
        String name = spec.path("name").asText();
        try {
          weights.put(name, decode(spec, data));
        } catch (RuntimeException e) {
          throw new ConversionException("cannot decode weight '" + name + "': " + e, e);
        }
      }
      if (data.hasRemaining()) {
        throw new ConversionException(
            data.remaining() + " bytes left over after the weights of " + group.path("paths"));
      }
    }
    return weights;
  }

  private static ConstTensor decode(JsonNode spec, ByteBuffer data) throws ConversionException {
    int[] shape = new int[spec.path("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = spec.path("shape").get(i).asInt();
    }
    int n = ConstTensor.count(shape);
    String dtype = spec.path("dtype").asText();
    JsonNode quantization = spec.path("quantization");
    if (quantization.isObject()) {
      String stored = quantization.path("dtype").asText();
      if (stored.equals("float16")) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
          out[i] = Float16.toFloat(data.getShort());
        }
        return float32(shape, out, dtype);
      }
      if (stored.equals("uint8") || stored.equals("uint16")) {
        float scale = (float) quantization.path("scale").asDouble();
        float min = (float) quantization.path("min").asDouble();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
          int q = stored.equals("uint8") ? data.get() & 0xff : data.getShort() & 0xffff;
          out[i] = min + q * scale;
        }
        if (dtype.equals("int32")) {
          long[] rounded = new long[n];
          for (int i = 0; i < n; i++) {
            rounded[i] = Math.round(out[i]);
          }
          return ConstTensor.ofLongs(ElementType.INT32, shape, rounded);
        }
        return float32(shape, out, dtype);
      }
      throw new ConversionException("unsupported weight quantization " + stored);
    }
    switch (dtype) {
      case "float32" -> {
        float[] f = new float[n];
        data.asFloatBuffer().get(f);
        data.position(data.position() + 4 * n);
        return ConstTensor.ofFloats(shape, f);
      }
      case "int32" -> {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
          l[i] = data.getInt();
        }
        return ConstTensor.ofLongs(ElementType.INT32, shape, l);
      }
      case "bool" -> {
        long[] b = new long[n];
        for (int i = 0; i < n; i++) {
          b[i] = data.get() != 0 ? 1 : 0;
        }
        return ConstTensor.ofLongs(ElementType.BOOL, shape, b);
      }
      default -> throw new ConversionException("unsupported weight dtype " + dtype);
    }
  }

  private static ConstTensor float32(int[] shape, float[] values, String dtype)
      throws ConversionException {
    if (!dtype.equals("float32")) {
      throw new ConversionException("float16 quantisation of a " + dtype + " weight");
    }
    return ConstTensor.ofFloats(shape, values);
  }
}
