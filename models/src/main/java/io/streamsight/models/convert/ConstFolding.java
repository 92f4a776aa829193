package io.streamsight.models.convert;

import java.util.Arrays;

/** Evaluates, at conversion time, the ops that only compute shapes from constants. */
final class ConstFolding {
  private ConstFolding() {}

  /** Elementwise sum with NumPy/TF broadcasting. */
  static ConstTensor add(ConstTensor a, ConstTensor b) throws ConversionException {
    if (a.isFloat() != b.isFloat()) {
      throw new ConversionException("adding a float and an integer constant");
    }
    int rank = Math.max(a.rank(), b.rank());
    ConstTensor ea = a.expandTo(rank);
    ConstTensor eb = b.expandTo(rank);
    int[] sa = ea.shape();
    int[] sb = eb.shape();
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      if (sa[i] != sb[i] && sa[i] != 1 && sb[i] != 1) {
        throw new ConversionException(
            "cannot broadcast "
                + Arrays.toString(a.shape())
                + " with "
                + Arrays.toString(b.shape()));
      }
      out[i] = Math.max(sa[i], sb[i]);
    }
    int[] strideA = broadcastStrides(sa);
    int[] strideB = broadcastStrides(sb);
    int n = ConstTensor.count(out);
    int[] index = new int[rank];
    float[] fa = a.isFloat() ? ea.floats() : null;
    float[] fb = a.isFloat() ? eb.floats() : null;
    long[] la = a.isFloat() ? null : ea.longs();
    long[] lb = a.isFloat() ? null : eb.longs();
    float[] fo = a.isFloat() ? new float[n] : null;
    long[] lo = a.isFloat() ? null : new long[n];
    for (int i = 0; i < n; i++) {
      int ia = 0;
      int ib = 0;
      for (int axis = 0; axis < rank; axis++) {
        ia += index[axis] * strideA[axis];
        ib += index[axis] * strideB[axis];
      }
      if (fo != null) {
        fo[i] = fa[ia] + fb[ib];
      } else {
        lo[i] = la[ia] + lb[ib];
      }
      for (int axis = rank - 1; axis >= 0; axis--) {
        if (++index[axis] < out[axis]) {
          break;
        }
        index[axis] = 0;
      }
    }
    return fo != null ? ConstTensor.ofFloats(out, fo) : ConstTensor.ofLongs(a.type(), out, lo);
  }

  /** TF Reshape of a constant; one dimension may be -1. */
  static ConstTensor reshape(ConstTensor x, long[] shape) throws ConversionException {
    int[] out = new int[shape.length];
    int inferred = -1;
    int known = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1) {
        if (inferred >= 0) {
          throw new ConversionException("reshape with two -1 dimensions");
        }
        inferred = i;
      } else {
        out[i] = Math.toIntExact(shape[i]);
        known *= out[i];
      }
    }
    if (inferred >= 0) {
      out[inferred] = known == 0 ? 0 : x.size() / known;
    }
    if (ConstTensor.count(out) != x.size()) {
      throw new ConversionException(
          "cannot reshape " + Arrays.toString(x.shape()) + " to " + Arrays.toString(shape));
    }
    return x.reshape(out);
  }

  /**
   * TF SparseToDense: {@code default_value} everywhere except at {@code indices} (a scalar, a
   * vector into a 1-D output, or an [n, rank] matrix), which get {@code values} (a scalar for all,
   * or one per index).
   */
  static ConstTensor sparseToDense(
      ConstTensor indices,
      ConstTensor outputShape,
      ConstTensor values,
      ConstTensor defaultValue,
      String where)
      throws ConversionException {
    int[] shape = outputShape.ints();
    int rank = shape.length;
    int count;
    int width;
    if (indices.rank() <= 1) {
      count = indices.rank() == 0 ? 1 : indices.shape()[0];
      width = 1;
    } else if (indices.rank() == 2) {
      count = indices.shape()[0];
      width = indices.shape()[1];
    } else {
      throw new ConversionException(where + ": sparse_indices of rank " + indices.rank());
    }
    if (width != rank && count > 0) {
      throw new ConversionException(where + ": indices of width " + width + " for rank " + rank);
    }
    if (values.size() != 1 && values.size() != count) {
      throw new ConversionException(where + ": " + values.size() + " values for " + count);
    }
    if (defaultValue.size() != 1 || values.isFloat() != defaultValue.isFloat()) {
      throw new ConversionException(where + ": default_value must be a scalar of the values' type");
    }
    int n = ConstTensor.count(shape);
    int[] strides = ConstTensor.strides(shape);
    long[] idx = indices.longs();
    float[] fo = null;
    long[] lo = null;
    if (values.isFloat()) {
      fo = new float[n];
      Arrays.fill(fo, defaultValue.floats()[0]);
    } else {
      lo = new long[n];
      Arrays.fill(lo, defaultValue.longs()[0]);
    }
    float[] floatValues = values.isFloat() ? values.floats() : null;
    long[] longValues = values.isFloat() ? null : values.longs();
    for (int i = 0; i < count; i++) {
      long offset = 0;
      for (int axis = 0; axis < width; axis++) {
        long at = idx[i * width + axis];
        if (at < 0 || at >= shape[axis]) {
          throw new ConversionException(where + ": index " + at + " out of range");
        }
        offset += at * strides[axis];
      }
      int v = values.size() == 1 ? 0 : i;
      if (fo != null) {
        fo[(int) offset] = floatValues[v];
      } else {
        lo[(int) offset] = longValues[v];
      }
    }
    return fo != null
        ? ConstTensor.ofFloats(shape, fo)
        : ConstTensor.ofLongs(values.type(), shape, lo);
  }

  private static int[] broadcastStrides(int[] shape) {
    int[] strides = ConstTensor.strides(shape);
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == 1) {
        strides[i] = 0;
      }
    }
    return strides;
  }
}
