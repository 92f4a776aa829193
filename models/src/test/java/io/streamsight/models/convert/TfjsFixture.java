package io.streamsight.models.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes small TF.js graph models (model.json + one weights shard) the way the TF.js converter lays
 * them out, for testing one op at a time.
 */
final class TfjsFixture {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ArrayNode nodes = JSON.arrayNode();
  private final ArrayNode weights = JSON.arrayNode();
  private final ObjectNode outputs = JSON.objectNode();
  private final ByteArrayOutputStream data = new ByteArrayOutputStream();

  /** A float input with these dims (-1 = dynamic). */
  TfjsFixture placeholder(String name, long... dims) {
    ArrayNode dimList = JSON.arrayNode();
    for (long d : dims) {
      dimList.addObject().put("size", Long.toString(d));
    }
    ObjectNode attr = JSON.objectNode();
    attr.putObject("shape").putObject("shape").set("dim", dimList);
    attr.set("dtype", type("DT_FLOAT"));
    return node(name, "Placeholder", List.of(), attr);
  }

  /**
   * A float32 constant, stored as float16 when {@code float16}; returns the values the model holds
   * (rounded to half precision if so), which is what a reference must compute with.
   */
  float[] floatConst(String name, int[] shape, float[] values, boolean float16) {
    ObjectNode spec = weightSpec(name, shape, "float32");
    ByteBuffer buf;
    float[] held = values.clone();
    if (float16) {
      spec.putObject("quantization").put("dtype", "float16").put("original_dtype", "float32");
      buf = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < values.length; i++) {
        short half = toHalf(values[i]);
        buf.putShort(half);
        held[i] = Float16.toFloat(half);
      }
    } else {
      buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
      for (float v : values) {
        buf.putFloat(v);
      }
    }
    data.writeBytes(buf.array());
    constNode(name, "DT_FLOAT");
    return held;
  }

  /** A float32 constant quantised to uint8 with {@code min} and {@code scale}. */
  float[] uint8Const(String name, int[] shape, int[] quantized, float min, float scale) {
    ObjectNode spec = weightSpec(name, shape, "float32");
    spec.putObject("quantization").put("dtype", "uint8").put("min", min).put("scale", scale);
    float[] held = new float[quantized.length];
    for (int i = 0; i < quantized.length; i++) {
      data.write(quantized[i]);
      held[i] = min + quantized[i] * scale;
    }
    constNode(name, "DT_FLOAT");
    return held;
  }

  /** An integer constant (TF.js stores int64 as int32 in the shard). */
  TfjsFixture intConst(String name, String dtype, int[] shape, int... values) {
    weightSpec(name, shape, "int32");
    ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      buf.putInt(v);
    }
    data.writeBytes(buf.array());
    constNode(name, dtype);
    return this;
  }

  TfjsFixture node(String name, String op, List<String> inputs, Map<String, JsonNode> attrs) {
    ObjectNode attr = JSON.objectNode();
    attr.set("T", type("DT_FLOAT"));
    attrs.forEach(attr::set);
    return node(name, op, inputs, attr);
  }

  /** A signature output reading tensor {@code tensor} (such as "y" or "split:1"), named key. */
  TfjsFixture output(String key, String tensor) {
    outputs.putObject(key).put("name", tensor.contains(":") ? tensor : tensor + ":0");
    return this;
  }

  /** Writes model.json and weights.bin into {@code dir}; returns the model.json file name. */
  String write(Path dir) throws IOException {
    ObjectNode root = JSON.objectNode();
    root.put("format", "graph-model").put("generatedBy", "test").put("convertedBy", "test");
    root.putObject("signature").set("outputs", outputs);
    root.putObject("modelTopology").set("node", nodes);
    ObjectNode group = root.putArray("weightsManifest").addObject();
    group.putArray("paths").add("weights.bin");
    group.set("weights", weights);
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("model.json"),
        new ObjectMapper().writeValueAsString(root),
        StandardCharsets.UTF_8);
    Files.write(dir.resolve("weights.bin"), data.toByteArray());
    return "model.json";
  }

  // ---- attribute values in TF's AttrValue JSON ----

  static JsonNode ints(long... values) {
    ObjectNode attr = JSON.objectNode();
    ArrayNode list = attr.putObject("list").putArray("i");
    for (long v : values) {
      list.add(Long.toString(v));
    }
    return attr;
  }

  static JsonNode str(String value) {
    return JSON.objectNode().put("s", base64(value));
  }

  static JsonNode strs(String... values) {
    ObjectNode attr = JSON.objectNode();
    ArrayNode list = attr.putObject("list").putArray("s");
    for (String v : values) {
      list.add(base64(v));
    }
    return attr;
  }

  static JsonNode real(float value) {
    return JSON.objectNode().put("f", value);
  }

  static JsonNode bool(boolean value) {
    return JSON.objectNode().put("b", value);
  }

  static JsonNode integer(long value) {
    return JSON.objectNode().put("i", Long.toString(value));
  }

  static JsonNode type(String dtype) {
    return JSON.objectNode().put("type", dtype);
  }

  /** Nearest half-precision value (ties to even), for normal-range test values and zero. */
  static short toHalf(float value) {
    int bits = Float.floatToIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    if ((bits & 0x7fffffff) == 0) {
      return (short) sign;
    }
    int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
    if (exponent <= 0 || exponent >= 31) {
      throw new IllegalArgumentException(value + " is outside the normal half range");
    }
    int mantissa = bits & 0x7fffff;
    int half = sign | (exponent << 10) | (mantissa >>> 13);
    int rest = mantissa & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
      half++;
    }
    return (short) half;
  }

  private TfjsFixture node(String name, String op, List<String> inputs, ObjectNode attr) {
    ObjectNode node = nodes.addObject().put("name", name).put("op", op);
    ArrayNode in = node.putArray("input");
    inputs.forEach(in::add);
    node.set("attr", attr);
    return this;
  }

  private void constNode(String name, String dtype) {
    ObjectNode attr = JSON.objectNode();
    attr.set("dtype", type(dtype));
    attr.putObject("value").putObject("tensor").put("dtype", dtype);
    node(name, "Const", List.of(), attr);
  }

  private ObjectNode weightSpec(String name, int[] shape, String dtype) {
    ObjectNode spec = weights.addObject().put("name", name).put("dtype", dtype);
    ArrayNode dims = spec.putArray("shape");
    for (int d : shape) {
      dims.add(d);
    }
    return spec;
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
