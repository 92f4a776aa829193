package io.streamsight.models.onnx;

import com.google.protobuf.ByteString;
import io.streamsight.models.onnx.proto.AttributeProto;
import io.streamsight.models.onnx.proto.GraphProto;
import io.streamsight.models.onnx.proto.ModelProto;
import io.streamsight.models.onnx.proto.NodeProto;
import io.streamsight.models.onnx.proto.OperatorSetIdProto;
import io.streamsight.models.onnx.proto.StringStringEntryProto;
import io.streamsight.models.onnx.proto.TensorShapeProto;
import io.streamsight.models.onnx.proto.TypeProto;
import io.streamsight.models.onnx.proto.ValueInfoProto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds an ONNX model with one graph, in the default {@code ai.onnx} operator set.
 *
 * <pre>{@code
 * OnnxModel model = OnnxGraph.builder("tiny-add")
 *     .input("x", FLOAT, 1, 4).input("y", FLOAT, "batch", 4)
 *     .node("Add", List.of("x", "y"), List.of("z"))
 *     .output("z", FLOAT, 1, 4)
 *     .opset(17).build();
 * }</pre>
 *
 * <p>Dimensions of inputs and outputs are given as numbers ({@code >= 0} fixed, {@code -1} dynamic)
 * or strings (a named dynamic dimension such as {@code "batch"}); no dimensions at all means the
 * shape is not declared. Nodes must be added in topological order, each value produced once; {@link
 * Builder#build()} checks that every node input and graph output is defined. An empty string as a
 * node input means an omitted optional input, as in ONNX.
 *
 * <p>Output is deterministic: the same calls in the same order give the same bytes. Attributes are
 * written sorted by name; nothing time- or host-dependent is recorded.
 */
public final class OnnxGraph {
  /** The operator set used unless {@link Builder#opset(int)} says otherwise. */
  public static final int DEFAULT_OPSET = 17;

  private OnnxGraph() {}

  /** A builder for a graph (and model) named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Collects inputs, nodes, initializers and outputs; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<io.streamsight.models.onnx.proto.TensorProto> initializers =
        new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private int opset = DEFAULT_OPSET;
    private long irVersion = -1;
    private String producerName = "streamsight";
    private String producerVersion = "";
    private String docString = "";

    private Builder(String name) {
      this.name = requireName(name, "graph name");
    }

    /** Declares a graph input. */
    public Builder input(String name, ElementType type, Object... dims) {
      inputs.add(valueInfo(name, type, dims));
      return this;
    }

    /** Declares a graph output; it must be produced by a node, an input or an initializer. */
    public Builder output(String name, ElementType type, Object... dims) {
      outputs.add(valueInfo(name, type, dims));
      return this;
    }

    /** Adds a constant tensor, named so that nodes can read it. */
    public Builder initializer(String name, TensorData value) {
      initializers.add(value.toProto(requireName(name, "initializer name")));
      return this;
    }

    /** Adds a FLOAT initializer; the element type must be {@link ElementType#FLOAT}. */
    public Builder initializer(String name, ElementType type, int[] dims, float[] values) {
      requireType(type, ElementType.FLOAT, name);
      return initializer(name, TensorData.floats(dims, values));
    }

    /** Adds an INT64 initializer; the element type must be {@link ElementType#INT64}. */
    public Builder initializer(String name, ElementType type, int[] dims, long[] values) {
      requireType(type, ElementType.INT64, name);
      return initializer(name, TensorData.longs(dims, values));
    }

    /** Adds an INT32 initializer; the element type must be {@link ElementType#INT32}. */
    public Builder initializer(String name, ElementType type, int[] dims, int[] values) {
      requireType(type, ElementType.INT32, name);
      return initializer(name, TensorData.ints(dims, values));
    }

    /** Adds a node without attributes, named after its op and position. */
    public Builder node(String opType, List<String> inputs, List<String> outputs) {
      return node(opType, inputs, outputs, Map.of());
    }

    /**
     * Adds a node, named after its op and position. Attribute values map to ONNX attribute types:
     * {@code Integer}/{@code Long} to INT, {@code Float}/{@code Double} to FLOAT, {@code String} to
     * STRING, {@code int[]}/{@code long[]} or a list of integers to INTS, {@code float[]} or a list
     * of floats/doubles to FLOATS, a list of strings to STRINGS, {@link TensorData} to TENSOR.
     */
    public Builder node(
        String opType, List<String> inputs, List<String> outputs, Map<String, ?> attributes) {
      return node(opType + "_" + nodes.size(), opType, inputs, outputs, attributes);
    }

    /** Adds a node with an explicit name (for example the source framework's node name). */
    public Builder node(
        String name,
        String opType,
        List<String> inputs,
        List<String> outputs,
        Map<String, ?> attributes) {
      NodeProto.Builder node =
          NodeProto.newBuilder()
              .setName(requireName(name, "node name"))
              .setOpType(requireName(opType, "op type"))
              .addAllInput(inputs)
              .addAllOutput(outputs);
      for (Map.Entry<String, ?> attribute : new TreeMap<>(attributes).entrySet()) {
        node.addAttribute(Attributes.of(attribute.getKey(), attribute.getValue()));
      }
      nodes.add(node.build());
      return this;
    }

    /** The {@code ai.onnx} operator set version; defaults to {@value #DEFAULT_OPSET}. */
    public Builder opset(int version) {
      if (version < 7) {
        throw new IllegalArgumentException("opset " + version + " is older than we write");
      }
      this.opset = version;
      return this;
    }

    /** Overrides the IR version; by default the one that ONNX pairs with the opset. */
    public Builder irVersion(long version) {
      this.irVersion = version;
      return this;
    }

    /** The producer recorded in the model; defaults to "streamsight" and no version. */
    public Builder producer(String name, String version) {
      this.producerName = name;
      this.producerVersion = version;
      return this;
    }

    public Builder docString(String docString) {
      this.docString = docString;
      return this;
    }

    /** A metadata entry, written in insertion order. */
    public Builder metadata(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    /**
     * Checks the graph and builds the model.
     *
     * @throws IllegalStateException if a value is used before it is defined, defined twice, or the
     *     graph has no output
     */
    public OnnxModel build() {
      validate();
      GraphProto.Builder graph =
          GraphProto.newBuilder()
              .setName(name)
              .addAllNode(nodes)
              .addAllInitializer(initializers)
              .addAllInput(inputs)
              .addAllOutput(outputs);
      ModelProto.Builder model =
          ModelProto.newBuilder()
              .setIrVersion(irVersion > 0 ? irVersion : irVersionFor(opset))
              .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
              .setProducerName(producerName)
              .setProducerVersion(producerVersion)
              .setGraph(graph);
      if (!docString.isEmpty()) {
        model.setDocString(docString);
      }
      metadata.forEach(
          (k, v) ->
              model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
      return new OnnxModel(model.build());
    }

    private void validate() {
      Set<String> defined = new HashSet<>();
      for (ValueInfoProto input : inputs) {
        define(defined, input.getName(), "graph input");
      }
      for (var initializer : initializers) {
        define(defined, initializer.getName(), "initializer");
      }
      for (NodeProto node : nodes) {
        for (String input : node.getInputList()) {
          if (!input.isEmpty() && !defined.contains(input)) {
            throw new IllegalStateException(
                "node '"
                    + node.getName()
                    + "' ("
                    + node.getOpType()
                    + ") reads undefined '"
                    + input
                    + "'");
          }
        }
        for (String output : node.getOutputList()) {
          if (!output.isEmpty()) {
            define(defined, output, "output of node '" + node.getName() + "'");
          }
        }
      }
      if (outputs.isEmpty()) {
        throw new IllegalStateException("graph '" + name + "' has no output");
      }
      for (ValueInfoProto output : outputs) {
        if (!defined.contains(output.getName())) {
          throw new IllegalStateException(
              "graph output '" + output.getName() + "' is never produced");
        }
      }
    }

    private static void define(Set<String> defined, String name, String what) {
      if (!defined.add(name)) {
        throw new IllegalStateException("'" + name + "' is defined twice (again as " + what + ")");
      }
    }

    private static ValueInfoProto valueInfo(String name, ElementType type, Object... dims) {
      TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(type.onnxCode());
      if (dims.length > 0) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dim : dims) {
          shape.addDim(dimension(name, dim));
        }
        tensor.setShape(shape);
      }
      return ValueInfoProto.newBuilder()
          .setName(requireName(name, "value name"))
          .setType(TypeProto.newBuilder().setTensorType(tensor))
          .build();
    }

    private static TensorShapeProto.Dimension dimension(String value, Object dim) {
      TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
      if (dim instanceof String param) {
        return d.setDimParam(param).build();
      }
      if (dim instanceof Integer || dim instanceof Long) {
        long size = ((Number) dim).longValue();
        if (size == -1) {
          return d.build();
        }
        if (size >= 0) {
          return d.setDimValue(size).build();
        }
      }
      throw new IllegalArgumentException("bad dimension " + dim + " for '" + value + "'");
    }

    private static void requireType(ElementType given, ElementType expected, String name) {
      if (given != expected) {
        throw new IllegalArgumentException(
            "initializer '" + name + "' declared " + given + " but given " + expected + " values");
      }
    }

    private static String requireName(String name, String what) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return name;
    }
  }

  /**
   * The IR version ONNX released together with an operator set (onnx/docs/Versioning.md), so that
   * older runtimes accept what they can run.
   */
  static long irVersionFor(int opset) {
    if (opset >= 23) {
      return 11;
    } else if (opset >= 21) {
      return 10;
    } else if (opset >= 19) {
      return 9;
    } else if (opset >= 15) {
      return 8;
    } else if (opset >= 12) {
      return 7;
    } else if (opset == 11) {
      return 6;
    } else if (opset == 10) {
      return 5;
    } else if (opset == 9) {
      return 4;
    }
    return 3;
  }

  /** Turns Java values into typed attributes. */
  static final class Attributes {
    private Attributes() {}

    static AttributeProto of(String name, Object value) {
      AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
      if (value instanceof Integer || value instanceof Long) {
        return a.setType(AttributeProto.AttributeType.INT)
            .setI(((Number) value).longValue())
            .build();
      }
      if (value instanceof Float || value instanceof Double) {
        return a.setType(AttributeProto.AttributeType.FLOAT)
            .setF(((Number) value).floatValue())
            .build();
      }
      if (value instanceof String s) {
        return a.setType(AttributeProto.AttributeType.STRING)
            .setS(ByteString.copyFrom(s, StandardCharsets.UTF_8))
            .build();
      }
      if (value instanceof TensorData t) {
        return a.setType(AttributeProto.AttributeType.TENSOR).setT(t.toProto(null)).build();
      }
      if (value instanceof int[] ints) {
        a.setType(AttributeProto.AttributeType.INTS);
        for (int i : ints) {
          a.addInts(i);
        }
        return a.build();
      }
      if (value instanceof long[] longs) {
        a.setType(AttributeProto.AttributeType.INTS);
        for (long l : longs) {
          a.addInts(l);
        }
        return a.build();
      }
      if (value instanceof float[] floats) {
        a.setType(AttributeProto.AttributeType.FLOATS);
        for (float f : floats) {
          a.addFloats(f);
        }
        return a.build();
      }
      if (value instanceof List<?> list && !list.isEmpty()) {
        return ofList(a, name, list);
      }
      throw new IllegalArgumentException(
          "attribute '" + name + "': unsupported value " + value + " (" + typeName(value) + ")");
    }

    private static AttributeProto ofList(AttributeProto.Builder a, String name, List<?> list) {
      if (list.stream().allMatch(v -> v instanceof Integer || v instanceof Long)) {
        a.setType(AttributeProto.AttributeType.INTS);
        list.forEach(v -> a.addInts(((Number) v).longValue()));
      } else if (list.stream().allMatch(v -> v instanceof Float || v instanceof Double)) {
        a.setType(AttributeProto.AttributeType.FLOATS);
        list.forEach(v -> a.addFloats(((Number) v).floatValue()));
      } else if (list.stream().allMatch(v -> v instanceof String)) {
        a.setType(AttributeProto.AttributeType.STRINGS);
        list.forEach(v -> a.addStrings(ByteString.copyFrom((String) v, StandardCharsets.UTF_8)));
      } else {
        throw new IllegalArgumentException("attribute '" + name + "': mixed list " + list);
      }
      return a.build();
    }

    private static String typeName(Object value) {
      return value == null ? "null" : value.getClass().getSimpleName();
    }
  }
}
