package io.streamsight.models.convert;

import io.streamsight.models.onnx.ElementType;
import io.streamsight.models.onnx.TensorData;
import java.util.Arrays;

/**
 * A tensor known at conversion time: weights, shapes, paddings, permutations. Floating-point data
 * is held as {@code float[]}, integer and boolean data as {@code long[]}; the element type says
 * which ONNX type it becomes.
 */
final class ConstTensor {
  private final ElementType type;
  private final int[] shape;
  private final float[] floats;
  private final long[] longs;

  private ConstTensor(ElementType type, int[] shape, float[] floats, long[] longs) {
    this.type = type;
    this.shape = shape.clone();
    this.floats = floats;
    this.longs = longs;
    int size = (floats != null) ? floats.length : longs.length;
    if (size != count(shape)) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " does not hold " + size + " elements");
    }
  }

  static ConstTensor ofFloats(int[] shape, float[] data) {
    return new ConstTensor(ElementType.FLOAT, shape, data, null);
  }

  /** An integer (INT32, INT64) or BOOL tensor. */
  static ConstTensor ofLongs(ElementType type, int[] shape, long[] data) {
    if (type == ElementType.FLOAT || type == ElementType.FLOAT16 || type == ElementType.DOUBLE) {
      throw new IllegalArgumentException(type + " is not an integer type");
    }
    return new ConstTensor(type, shape, null, data);
  }

  ElementType type() {
    return type;
  }

  int[] shape() {
    return shape.clone();
  }

  int rank() {
    return shape.length;
  }

  int size() {
    return isFloat() ? floats.length : longs.length;
  }

  boolean isFloat() {
    return floats != null;
  }

  float[] floats() {
    if (floats == null) {
      throw new IllegalStateException("integer tensor read as float");
    }
    return floats.clone();
  }

  long[] longs() {
    if (longs == null) {
      throw new IllegalStateException("float tensor read as integer");
    }
    return longs.clone();
  }

  /** The values as ints, for shapes, axes and paddings. */
  int[] ints() {
    return Arrays.stream(longs()).mapToInt(Math::toIntExact).toArray();
  }

  /** The same integer values as another integer type (TF.js stores int64 weights as int32). */
  ConstTensor withType(ElementType newType) {
    if (newType == type) {
      return this;
    }
    return isFloat() ? this : ofLongs(newType, shape, longs);
  }

  ConstTensor reshape(int... newShape) {
    return isFloat() ? ofFloats(newShape, floats) : ofLongs(type, newShape, longs);
  }

  /** With leading 1-dimensions added up to {@code newRank}, as broadcasting would see it. */
  ConstTensor expandTo(int newRank) {
    if (newRank <= rank()) {
      return this;
    }
    int[] newShape = new int[newRank];
    Arrays.fill(newShape, 1);
    System.arraycopy(shape, 0, newShape, newRank - rank(), rank());
    return reshape(newShape);
  }

  /** ONNX/NumPy transpose: output axis {@code i} is input axis {@code perm[i]}. */
  ConstTensor transpose(int[] perm) {
    if (Layouts.isIdentity(perm)) {
      return this;
    }
    int rank = rank();
    int[] outShape = new int[rank];
    for (int i = 0; i < rank; i++) {
      outShape[i] = shape[perm[i]];
    }
    int[] inStrides = strides(shape);
    // Strides of the input, visited in output-axis order.
    int[] stepIn = new int[rank];
    for (int i = 0; i < rank; i++) {
      stepIn[i] = inStrides[perm[i]];
    }
    int n = size();
    float[] f = isFloat() ? new float[n] : null;
    long[] l = isFloat() ? null : new long[n];
    int[] index = new int[rank];
    int src = 0;
    for (int dst = 0; dst < n; dst++) {
      if (f != null) {
        f[dst] = floats[src];
      } else {
        l[dst] = longs[src];
      }
      for (int axis = rank - 1; axis >= 0; axis--) {
        index[axis]++;
        src += stepIn[axis];
        if (index[axis] < outShape[axis]) {
          break;
        }
        src -= stepIn[axis] * outShape[axis];
        index[axis] = 0;
      }
    }
    return f != null ? ofFloats(outShape, f) : ofLongs(type, outShape, l);
  }

  TensorData toTensorData() {
    return switch (type) {
      case FLOAT -> TensorData.floats(shape, floats);
      case INT64 -> TensorData.longs(shape, longs);
      case INT32 -> TensorData.ints(shape, ints());
      case BOOL -> {
        byte[] bytes = new byte[longs.length];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) (longs[i] != 0 ? 1 : 0);
        }
        yield TensorData.raw(ElementType.BOOL, shape, bytes);
      }
      default -> throw new IllegalStateException("no ONNX form for " + type);
    };
  }

  static int count(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  static int[] strides(int[] shape) {
    int[] strides = new int[shape.length];
    int stride = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= shape[i];
    }
    return strides;
  }
}
