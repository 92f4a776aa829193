package io.streamsight.models.onnx;

import com.google.protobuf.ByteString;
import io.streamsight.models.onnx.proto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable dense tensor value: element type, dimensions and little-endian element bytes, as
 * ONNX stores it in {@code raw_data}. Used for initializers and tensor-valued attributes.
 */
public final class TensorData {
  private final ElementType type;
  private final long[] dims;
  private final ByteString raw;

  private TensorData(ElementType type, long[] dims, ByteString raw) {
    long count = elementCount(dims);
    if (raw.size() != count * type.byteSize()) {
      throw new IllegalArgumentException(
          "dims "
              + Arrays.toString(dims)
              + " need "
              + count * type.byteSize()
              + " bytes of "
              + type
              + ", got "
              + raw.size());
    }
    this.type = type;
    this.dims = dims.clone();
    this.raw = raw;
  }

  /** A FLOAT tensor; {@code values.length} must equal the product of {@code dims}. */
  public static TensorData floats(int[] dims, float... values) {
    ByteBuffer buf = allocate(values.length, 4);
    buf.asFloatBuffer().put(values);
    return new TensorData(ElementType.FLOAT, toLongs(dims), ByteString.copyFrom(buf));
  }

  /** An INT64 tensor. */
  public static TensorData longs(int[] dims, long... values) {
    ByteBuffer buf = allocate(values.length, 8);
    buf.asLongBuffer().put(values);
    return new TensorData(ElementType.INT64, toLongs(dims), ByteString.copyFrom(buf));
  }

  /** An INT32 tensor. */
  public static TensorData ints(int[] dims, int... values) {
    ByteBuffer buf = allocate(values.length, 4);
    buf.asIntBuffer().put(values);
    return new TensorData(ElementType.INT32, toLongs(dims), ByteString.copyFrom(buf));
  }

  /** A tensor of any type from its little-endian element bytes. */
  public static TensorData raw(ElementType type, int[] dims, byte[] littleEndian) {
    return new TensorData(type, toLongs(dims), ByteString.copyFrom(littleEndian));
  }

  public ElementType type() {
    return type;
  }

  public long[] dims() {
    return dims.clone();
  }

  /** The number of elements (1 for a scalar). */
  public long elementCount() {
    return elementCount(dims);
  }

  TensorProto toProto(String name) {
    TensorProto.Builder proto =
        TensorProto.newBuilder().setDataType(type.onnxCode()).setRawData(raw);
    for (long d : dims) {
      proto.addDims(d);
    }
    if (name != null) {
      proto.setName(name);
    }
    return proto.build();
  }

  private static ByteBuffer allocate(int count, int size) {
    return ByteBuffer.allocate(count * size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static long[] toLongs(int[] dims) {
    long[] out = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
      }
      out[i] = dims[i];
    }
    return out;
  }

  private static long elementCount(long[] dims) {
    long count = 1;
    for (long d : dims) {
      count = Math.multiplyExact(count, d);
    }
    return count;
  }
}
