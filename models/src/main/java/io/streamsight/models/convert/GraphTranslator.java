package io.streamsight.models.convert;

import io.streamsight.models.onnx.ElementType;
import io.streamsight.models.onnx.OnnxGraph;
import io.streamsight.models.onnx.OnnxModel;
import io.streamsight.models.onnx.TensorData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a {@link TfjsGraphModel} into one ONNX graph, node by node in a deterministic
 * topological order.
 *
 * <p>Layout: TF convolutions, pooling and resizing work on NHWC, ONNX's on NCHW. Rather than wrap
 * every such op in a pair of transposes, each TF tensor is held as an ONNX tensor plus a
 * permutation ({@link Layouts}); TF {@code Transpose} only changes the permutation, layout-agnostic
 * ops (elementwise, pad, concat, split) keep it, and a real ONNX {@code Transpose} is emitted only
 * where an op needs another layout (reshape and graph outputs need TF's own). Graph inputs and
 * outputs keep exactly the TF.js signature's layout.
 *
 * <p>Constants are folded where an op only computes shapes (SparseToDense, integer Add, Transpose
 * and Reshape of constants) and otherwise become initializers, transposed at conversion time to the
 * layout their consumer uses.
 */
final class GraphTranslator {
  /** Shape's start/end (used to build Resize's sizes) need opset 15. */
  static final int OPSET = 17;

  private final TfjsGraphModel model;
  private final OnnxGraph.Builder graph;
  private final Map<String, Value> values = new HashMap<>();
  private final Map<String, String> emitted = new HashMap<>();
  private final Set<String> usedNames = new HashSet<>();
  private final Set<String> outputNames = new HashSet<>();

  /** A TF tensor: a compile-time constant, or an ONNX value held in layout {@code perm}. */
  private static final class Value {
    final String onnx;
    final int[] perm;
    final ElementType type;
    final ConstTensor constant;

    private Value(String onnx, int[] perm, ElementType type, ConstTensor constant) {
      this.onnx = onnx;
      this.perm = perm;
      this.type = type;
      this.constant = constant;
    }

    static Value runtime(String onnx, int[] perm, ElementType type) {
      return new Value(onnx, perm, type, null);
    }

    static Value constant(String name, ConstTensor constant) {
      return new Value(name, Layouts.identity(constant.rank()), constant.type(), constant);
    }

    int rank() {
      return perm.length;
    }

    boolean isConstant() {
      return constant != null;
    }
  }

  GraphTranslator(TfjsGraphModel model, OnnxGraph.Builder graph) {
    this.model = model;
    this.graph = graph;
    model.outputs().forEach(output -> outputNames.add(output.name()));
  }

  OnnxModel translate() throws ConversionException {
    for (TfNode node : topologicalOrder()) {
      try {
        translate(node);
      } catch (ConversionException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new ConversionException("cannot convert " + node + ": " + e.getMessage(), e);
      }
    }
    for (TfjsGraphModel.Output output : model.outputs()) {
      Value value = value(output.tensor());
      String name = output.name();
      if (value.isConstant()) {
        throw new ConversionException("output '" + name + "' is a constant");
      }
      Object[] dims = output.dims().stream().map(GraphTranslator::dim).toArray();
      emitAs(value, Layouts.identity(value.rank()), name);
      if (dims.length != 0 && dims.length != value.rank()) {
        throw new ConversionException(
            "output '" + name + "' declared rank " + dims.length + " but is rank " + value.rank());
      }
      graph.output(name, value.type, dims);
    }
    try {
      return graph.build();
    } catch (IllegalStateException e) {
      throw new ConversionException("the converted graph is invalid: " + e.getMessage(), e);
    }
  }

  private static Object dim(long size) {
    return size < 0 ? "batch" : (Object) size;
  }

  // ---- order -------------------------------------------------------------------------------

  /** Depth-first from the outputs in order, inputs in order: only what the outputs need. */
  private List<TfNode> topologicalOrder() throws ConversionException {
    List<TfNode> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> onPath = new HashSet<>();
    for (TfjsGraphModel.Output output : model.outputs()) {
      Deque<Object[]> stack = new ArrayDeque<>();
      String start = TfjsGraphModel.stripIndex(output.tensor());
      if (done.contains(start)) {
        continue;
      }
      stack.push(new Object[] {node(start, "graph output"), 0});
      onPath.add(start);
      while (!stack.isEmpty()) {
        Object[] frame = stack.peek();
        TfNode node = (TfNode) frame[0];
        int next = (Integer) frame[1];
        if (next < node.inputs().size()) {
          frame[1] = next + 1;
          String input = TfjsGraphModel.stripIndex(node.inputs().get(next));
          if (done.contains(input)) {
            continue;
          }
          if (!onPath.add(input)) {
            throw new ConversionException("cycle through node '" + input + "'");
          }
          stack.push(new Object[] {node(input, node.toString()), 0});
        } else {
          stack.pop();
          onPath.remove(node.name());
          done.add(node.name());
          order.add(node);
        }
      }
    }
    return order;
  }

  private TfNode node(String name, String readBy) throws ConversionException {
    TfNode node = model.nodes().get(name);
    if (node == null) {
      throw new ConversionException("'" + name + "' read by " + readBy + " is not in the graph");
    }
    return node;
  }

  // ---- ops ---------------------------------------------------------------------------------

  private void translate(TfNode n) throws ConversionException {
    switch (n.op()) {
      case "Placeholder" -> placeholder(n);
      case "Const" -> constant(n);
      case "Identity" -> put(n, 0, value(n.input(0)));
      case "Conv2D", "_FusedConv2D" -> convolution(n, false);
      case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> convolution(n, true);
      case "Pad", "PadV2" -> pad(n);
      case "MaxPool" -> maxPool(n);
      case "Add", "AddV2" -> add(n);
      case "Relu" -> unary(n, "Relu", Map.of());
      case "LeakyRelu" -> unary(n, "LeakyRelu", Map.of("alpha", n.real("alpha", 0.2f)));
      case "Relu6" -> relu6(n.name(), value(n.input(0)), n.name());
      case "Sigmoid" -> unary(n, "Sigmoid", Map.of());
      case "ConcatV2" -> concat(n);
      case "ResizeBilinear" -> resizeBilinear(n);
      case "SplitV" -> split(n);
      case "Reshape" -> reshape(n);
      case "Transpose" -> transpose(n);
      case "SparseToDense" -> sparseToDense(n);
      default ->
          throw new ConversionException(
              "unsupported TF.js op '" + n.op() + "' at node '" + n.name() + "'");
    }
  }

  private void placeholder(TfNode n) throws ConversionException {
    ElementType type = elementType(n.type("dtype", "DT_FLOAT"), n);
    List<Object> dims = new ArrayList<>();
    for (var dim : n.attr().path("shape").path("shape").path("dim")) {
      long size = dim.path("size").asLong(0);
      dims.add(size < 0 && dims.isEmpty() ? "batch" : (Object) size);
    }
    if (n.attr().path("shape").path("shape").path("unknownRank").asBoolean(false)) {
      throw new ConversionException(n + " has unknown rank");
    }
    graph.input(n.name(), type, dims.toArray());
    claimExactly(n.name());
    put(n, 0, Value.runtime(n.name(), Layouts.identity(dims.size()), type));
  }

  private void constant(TfNode n) throws ConversionException {
    ConstTensor weight = model.weight(n.name());
    if (weight == null) {
      throw new ConversionException(n + " has no entry in the weights manifest");
    }
    String dtype = n.type("dtype", "");
    if (!weight.isFloat() && dtype.equals("DT_INT64")) {
      weight = weight.withType(ElementType.INT64);
    }
    put(n, 0, Value.constant(n.name(), weight));
  }

  private void convolution(TfNode n, boolean depthwise) throws ConversionException {
    boolean nhwc = n.string("data_format", "NHWC").equals("NHWC");
    int[] layout = nhwc ? Layouts.NHWC_AS_NCHW : Layouts.identity(4);
    int h = nhwc ? 1 : 2;
    int w = nhwc ? 2 : 3;
    String x = runtime(value(n.input(0)), layout, n);
    ConstTensor filter = constantInput(n, 1, "filter");
    if (filter.rank() != 4) {
      throw new ConversionException(n + " has a rank-" + filter.rank() + " filter");
    }
    int[] f = filter.shape();
    ConstTensor weights;
    long group = 1;
    if (depthwise) {
      // [kh, kw, C, M] → [C·M, 1, kh, kw]: output channel c·M + m, as TF orders them.
      weights = filter.transpose(new int[] {2, 3, 0, 1}).reshape(f[2] * f[3], 1, f[0], f[1]);
      group = f[2];
    } else {
      weights = filter.transpose(new int[] {3, 2, 0, 1});
    }
    long[] strides = n.ints("strides", 1, 1, 1, 1);
    long[] dilations = n.ints("dilations", 1, 1, 1, 1);
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("kernel_shape", new long[] {f[0], f[1]});
    attrs.put("strides", new long[] {strides[h], strides[w]});
    attrs.put("dilations", new long[] {dilations[h], dilations[w]});
    attrs.put("group", group);
    padding(n, h, w, attrs);

    List<String> fused = n.strings("fused_ops");
    List<String> inputs = new ArrayList<>(List.of(x, initializer(n.name() + "/weights", weights)));
    String activation = null;
    if (!fused.isEmpty()) {
      if (!fused.get(0).equals("BiasAdd") || fused.size() > 2) {
        throw new ConversionException("unsupported fused ops " + fused + " at " + n);
      }
      ConstTensor bias = constantInput(n, 2, "bias");
      inputs.add(initializer(n.name() + "/bias", bias.reshape(ConstTensor.count(bias.shape()))));
      activation = fused.size() == 2 ? fused.get(1) : null;
    }
    String convOut = activation == null ? claim(n.name()) : claim(n.name() + "/conv");
    graph.node(n.name() + "/Conv", "Conv", inputs, List.of(convOut), attrs);
    Value conv = Value.runtime(convOut, layout, ElementType.FLOAT);
    if (activation == null) {
      put(n, 0, conv);
      return;
    }
    switch (activation) {
      case "Relu" -> put(n, 0, emitUnary(n.name(), "Relu", conv, Map.of()));
      case "Relu6" -> relu6(n.name(), conv, n.name());
      case "LeakyRelu" ->
          put(
              n,
              0,
              emitUnary(
                  n.name(), "LeakyRelu", conv, Map.of("alpha", n.real("leakyrelu_alpha", 0.2f))));
      case "Sigmoid" -> put(n, 0, emitUnary(n.name(), "Sigmoid", conv, Map.of()));
      default ->
          throw new ConversionException(
              "unsupported fused activation '" + activation + "' at " + n);
    }
  }

  /** TF's VALID/SAME/EXPLICIT padding as ONNX pads; TF's SAME puts any odd pixel at the end. */
  private static void padding(TfNode n, int h, int w, Map<String, Object> attrs)
      throws ConversionException {
    String padding = n.string("padding", "VALID");
    switch (padding) {
      case "VALID" -> attrs.put("pads", new long[] {0, 0, 0, 0});
      case "SAME" -> attrs.put("auto_pad", "SAME_UPPER");
      case "EXPLICIT" -> {
        long[] p = n.ints("explicit_paddings");
        if (p == null || p.length != 8) {
          throw new ConversionException(n + " has EXPLICIT padding without 8 explicit_paddings");
        }
        attrs.put("pads", new long[] {p[2 * h], p[2 * w], p[2 * h + 1], p[2 * w + 1]});
      }
      default -> throw new ConversionException("unsupported padding '" + padding + "' at " + n);
    }
  }

  private void pad(TfNode n) throws ConversionException {
    Value x = value(n.input(0));
    int rank = x.rank();
    int[] paddings = constantInput(n, 1, "paddings").ints();
    if (paddings.length != 2 * rank) {
      throw new ConversionException(n + " has paddings for rank " + paddings.length / 2);
    }
    long[] pads = new long[2 * rank];
    for (int axis = 0; axis < rank; axis++) {
      pads[x.perm[axis]] = paddings[2 * axis];
      pads[rank + x.perm[axis]] = paddings[2 * axis + 1];
    }
    List<String> inputs = new ArrayList<>();
    inputs.add(runtime(x, x.perm, n));
    inputs.add(initializer(n.name() + "/pads", TensorData.longs(new int[] {2 * rank}, pads)));
    if (n.op().equals("PadV2")) {
      ConstTensor fill = constantInput(n, 2, "constant_values");
      String name = fill.rank() == 0 ? n.input(2) : n.input(2) + "/scalar";
      inputs.add(runtime(Value.constant(name, fill.reshape()), new int[0], n));
    }
    String out = claim(n.name());
    graph.node(n.name(), "Pad", inputs, List.of(out), Map.of("mode", "constant"));
    put(n, 0, Value.runtime(out, x.perm, x.type));
  }

  private void maxPool(TfNode n) throws ConversionException {
    boolean nhwc = n.string("data_format", "NHWC").equals("NHWC");
    int[] layout = nhwc ? Layouts.NHWC_AS_NCHW : Layouts.identity(4);
    int h = nhwc ? 1 : 2;
    int w = nhwc ? 2 : 3;
    int c = nhwc ? 3 : 1;
    long[] k = n.ints("ksize");
    long[] s = n.ints("strides");
    if (k == null || s == null || k.length != 4 || s.length != 4) {
      throw new ConversionException(n + " needs 4 ksize and strides");
    }
    if (k[0] != 1 || k[c] != 1 || s[0] != 1 || s[c] != 1) {
      throw new ConversionException(n + " pools across batch or channels");
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("kernel_shape", new long[] {k[h], k[w]});
    attrs.put("strides", new long[] {s[h], s[w]});
    padding(n, h, w, attrs);
    String x = runtime(value(n.input(0)), layout, n);
    String out = claim(n.name());
    graph.node(n.name(), "MaxPool", List.of(x), List.of(out), attrs);
    put(n, 0, Value.runtime(out, layout, ElementType.FLOAT));
  }

  private void add(TfNode n) throws ConversionException {
    Value a = value(n.input(0));
    Value b = value(n.input(1));
    if (a.isConstant() && b.isConstant()) {
      put(n, 0, Value.constant(n.name(), ConstFolding.add(a.constant, b.constant)));
      return;
    }
    Value lead = a.isConstant() ? b : a;
    Value other = a.isConstant() ? a : b;
    int[] layout;
    if (other.isConstant() ? other.rank() <= lead.rank() : other.rank() == lead.rank()) {
      layout = lead.perm;
    } else {
      layout = Layouts.identity(Math.max(a.rank(), b.rank()));
    }
    String ia = runtime(a, layout, n);
    String ib = runtime(b, layout, n);
    String out = claim(n.name());
    graph.node(n.name(), "Add", List.of(ia, ib), List.of(out), Map.of());
    put(n, 0, Value.runtime(out, layout, lead.type));
  }

  private void unary(TfNode n, String op, Map<String, Object> attrs) throws ConversionException {
    put(n, 0, emitUnary(n.name(), op, value(n.input(0)), attrs));
  }

  private Value emitUnary(String name, String op, Value x, Map<String, Object> attrs)
      throws ConversionException {
    String in = runtime(x, x.perm, name);
    String out = claim(name);
    graph.node(name, op, List.of(in), List.of(out), attrs);
    return Value.runtime(out, x.perm, x.type);
  }

  /** Relu6 is Clip(0, 6); the bounds are shared scalar initializers. */
  private void relu6(String name, Value x, String outName) throws ConversionException {
    String min = initializer("relu6/min", TensorData.floats(new int[0], 0f));
    String max = initializer("relu6/max", TensorData.floats(new int[0], 6f));
    String in = runtime(x, x.perm, name);
    String out = claim(outName);
    graph.node(name + "/Clip", "Clip", List.of(in, min, max), List.of(out), Map.of());
    values.put(outName + ":0", Value.runtime(out, x.perm, x.type));
  }

  private void concat(TfNode n) throws ConversionException {
    int count = n.inputs().size() - 1;
    if (count < 1) {
      throw new ConversionException(n + " has nothing to concatenate");
    }
    List<Value> parts = new ArrayList<>();
    Value lead = null;
    for (int i = 0; i < count; i++) {
      Value part = value(n.input(i));
      parts.add(part);
      if (lead == null && !part.isConstant()) {
        lead = part;
      }
    }
    if (lead == null) {
      lead = parts.get(0);
    }
    int rank = lead.rank();
    int axis = axis(constantInput(n, count, "axis"), rank, n);
    List<String> inputs = new ArrayList<>();
    for (Value part : parts) {
      if (part.rank() != rank) {
        throw new ConversionException(n + " concatenates tensors of different rank");
      }
      inputs.add(runtime(part, lead.perm, n));
    }
    String out = claim(n.name());
    graph.node(n.name(), "Concat", inputs, List.of(out), Map.of("axis", (long) lead.perm[axis]));
    put(n, 0, Value.runtime(out, lead.perm, lead.type));
  }

  private void resizeBilinear(TfNode n) throws ConversionException {
    Value x = value(n.input(0));
    if (x.rank() != 4) {
      throw new ConversionException(n + " resizes a rank-" + x.rank() + " tensor");
    }
    int[] size = constantInput(n, 1, "size").ints();
    if (size.length != 2) {
      throw new ConversionException(n + " needs a size of 2 values");
    }
    boolean alignCorners = n.bool("align_corners", false);
    boolean halfPixel = n.bool("half_pixel_centers", false);
    String mode;
    if (alignCorners && halfPixel) {
      throw new ConversionException(n + " sets both align_corners and half_pixel_centers");
    } else if (alignCorners) {
      mode = "align_corners";
    } else if (halfPixel) {
      mode = "half_pixel";
    } else {
      mode = "asymmetric";
    }
    int[] layout = Layouts.NHWC_AS_NCHW;
    String in = runtime(x, layout, n);
    // sizes = [N, C] of the input + [H, W]. Not Resize-18's "axes" with a 2-element sizes: ONNX
    // Runtime's transpose optimiser permutes sizes as if it had one entry per axis.
    String batchAndChannels = claim(n.name() + "/batch_channels");
    graph.node(
        batchAndChannels,
        "Shape",
        List.of(in),
        List.of(batchAndChannels),
        Map.of("start", 0L, "end", 2L));
    String spatial =
        initializer(n.name() + "/spatial", TensorData.longs(new int[] {2}, size[0], size[1]));
    String sizes = claim(n.name() + "/sizes");
    graph.node(
        sizes, "Concat", List.of(batchAndChannels, spatial), List.of(sizes), Map.of("axis", 0L));
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("mode", "linear");
    attrs.put("coordinate_transformation_mode", mode);
    String out = claim(n.name());
    graph.node(n.name(), "Resize", List.of(in, "", "", sizes), List.of(out), attrs);
    put(n, 0, Value.runtime(out, layout, x.type));
  }

  private void split(TfNode n) throws ConversionException {
    Value x = value(n.input(0));
    long[] sizes = constantInput(n, 1, "size_splits").longs();
    int axis = axis(constantInput(n, 2, "split_dim"), x.rank(), n);
    for (long size : sizes) {
      if (size < 0) {
        throw new ConversionException(n + " has an inferred (-1) split size");
      }
    }
    long expected = n.integer("num_split", sizes.length);
    if (expected != sizes.length) {
      throw new ConversionException(n + " has num_split " + expected + " but " + sizes.length);
    }
    List<String> outs = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      outs.add(claim(i == 0 ? n.name() : n.name() + ":" + i));
    }
    String in = runtime(x, x.perm, n);
    String splits =
        initializer(n.name() + "/split", TensorData.longs(new int[] {sizes.length}, sizes));
    graph.node(n.name(), "Split", List.of(in, splits), outs, Map.of("axis", (long) x.perm[axis]));
    for (int i = 0; i < outs.size(); i++) {
      put(n, i, Value.runtime(outs.get(i), x.perm, x.type));
    }
  }

  private void reshape(TfNode n) throws ConversionException {
    Value x = value(n.input(0));
    Value shapeValue = value(n.input(1));
    if (!shapeValue.isConstant()) {
      throw new ConversionException(
          n + " has a computed shape; only constant shapes are supported");
    }
    long[] shape = shapeValue.constant.longs();
    for (long d : shape) {
      if (d == 0) {
        // ONNX reads 0 as "copy this dimension" where TF means an empty dimension.
        throw new ConversionException(n + " reshapes to an empty dimension");
      }
    }
    if (x.isConstant()) {
      put(n, 0, Value.constant(n.name(), ConstFolding.reshape(x.constant, shape)));
      return;
    }
    String in = runtime(x, Layouts.identity(x.rank()), n);
    String target =
        initializer(n.name() + "/shape", TensorData.longs(new int[] {shape.length}, shape));
    String out = claim(n.name());
    graph.node(n.name(), "Reshape", List.of(in, target), List.of(out), Map.of());
    put(n, 0, Value.runtime(out, Layouts.identity(shape.length), x.type));
  }

  private void transpose(TfNode n) throws ConversionException {
    Value x = value(n.input(0));
    int[] perm = Layouts.checked(constantInput(n, 1, "perm").ints(), x.rank(), n.toString());
    if (x.isConstant()) {
      put(n, 0, Value.constant(n.name(), x.constant.transpose(perm)));
    } else {
      put(n, 0, Value.runtime(x.onnx, Layouts.andThen(x.perm, perm), x.type));
    }
  }

  private void sparseToDense(TfNode n) throws ConversionException {
    put(
        n,
        0,
        Value.constant(
            n.name(),
            ConstFolding.sparseToDense(
                constantInput(n, 0, "sparse_indices"),
                constantInput(n, 1, "output_shape"),
                constantInput(n, 2, "sparse_values"),
                constantInput(n, 3, "default_value"),
                n.toString())));
  }

  // ---- values ------------------------------------------------------------------------------

  private Value value(String tensor) throws ConversionException {
    String key = tensor.contains(":") ? tensor : tensor + ":0";
    Value value = values.get(key);
    if (value == null) {
      throw new ConversionException("no value for '" + tensor + "'");
    }
    return value;
  }

  private void put(TfNode n, int index, Value value) {
    values.put(n.name() + ":" + index, value);
  }

  private ConstTensor constantInput(TfNode n, int index, String role) throws ConversionException {
    Value value = value(n.input(index));
    if (!value.isConstant()) {
      throw new ConversionException(
          n + ": input " + index + " (" + role + ") must be a constant, not computed at run time");
    }
    return value.constant;
  }

  private static int axis(ConstTensor axis, int rank, TfNode n) throws ConversionException {
    if (axis.size() != 1) {
      throw new ConversionException(n + " needs a scalar axis");
    }
    int a = axis.ints()[0];
    if (a < -rank || a >= rank) {
      throw new ConversionException(n + " has axis " + a + " for rank " + rank);
    }
    return a < 0 ? a + rank : a;
  }

  /**
   * The ONNX name of {@code value} held in {@code layout}: a constant becomes an initializer
   * (broadcast-expanded to the layout's rank and transposed), a run-time value gets a Transpose
   * unless it already is in that layout. Both are emitted once and reused.
   */
  private String runtime(Value value, int[] layout, Object where) throws ConversionException {
    if (value.isConstant()) {
      ConstTensor c = value.constant;
      if (c.rank() == 0 || Layouts.isIdentity(layout)) {
        return initializer(value.onnx, c.toTensorData());
      }
      if (c.rank() > layout.length) {
        throw new ConversionException(
            "constant '" + value.onnx + "' has a higher rank than its use in " + where);
      }
      ConstTensor arranged = c.expandTo(layout.length).transpose(Layouts.inverse(layout));
      return initializer(value.onnx + "/" + Layouts.name(layout), arranged.toTensorData());
    }
    if (value.rank() != layout.length) {
      throw new ConversionException(
          "rank-"
              + value.rank()
              + " value '"
              + value.onnx
              + "' used as rank "
              + layout.length
              + " in "
              + where);
    }
    int[] perm = Layouts.andThen(value.perm, Layouts.inverse(layout));
    if (Layouts.isIdentity(perm)) {
      return value.onnx;
    }
    String key = value.onnx + "/transpose_" + Layouts.name(perm);
    String existing = emitted.get(key);
    if (existing == null) {
      existing = claim(key);
      graph.node(key, "Transpose", List.of(value.onnx), List.of(existing), Map.of("perm", perm));
      emitted.put(key, existing);
    }
    return existing;
  }

  /** Emits {@code value} in {@code layout} under exactly {@code name} (a graph output). */
  private void emitAs(Value value, int[] layout, String name) throws ConversionException {
    int[] perm = Layouts.andThen(value.perm, Layouts.inverse(layout));
    if (Layouts.isIdentity(perm) && value.onnx.equals(name)) {
      return;
    }
    claimExactly(name);
    if (Layouts.isIdentity(perm)) {
      graph.node(name + "/Identity", "Identity", List.of(value.onnx), List.of(name), Map.of());
    } else {
      graph.node(
          name + "/Transpose",
          "Transpose",
          List.of(value.onnx),
          List.of(name),
          Map.of("perm", perm));
    }
  }

  private String initializer(String name, ConstTensor tensor) throws ConversionException {
    return initializer(name, tensor.toTensorData());
  }

  private String initializer(String name, TensorData tensor) throws ConversionException {
    String key = "initializer:" + name;
    if (!emitted.containsKey(key)) {
      claim(name);
      graph.initializer(name, tensor);
      emitted.put(key, name);
    }
    return name;
  }

  /**
   * Reserves an ONNX value name for an internal value; a graph output's name is left for the output
   * itself (whose layout may differ), so the internal value gets a suffix.
   */
  private String claim(String name) throws ConversionException {
    return claimExactly(outputNames.contains(name) ? name + "/value" : name);
  }

  private String claimExactly(String name) throws ConversionException {
    if (!usedNames.add(name)) {
      throw new ConversionException("two ONNX values would be named '" + name + "'");
    }
    return name;
  }

  private static ElementType elementType(String dtype, TfNode n) throws ConversionException {
    return switch (dtype) {
      case "DT_FLOAT" -> ElementType.FLOAT;
      case "DT_INT32" -> ElementType.INT32;
      case "DT_INT64" -> ElementType.INT64;
      case "DT_BOOL" -> ElementType.BOOL;
      default -> throw new ConversionException("unsupported dtype " + dtype + " at " + n);
    };
  }
}
