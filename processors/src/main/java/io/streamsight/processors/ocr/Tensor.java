package io.streamsight.processors.ocr;

import java.util.Arrays;

/**
 * A dense float tensor of one image or one model output, without the batch dimension: a row-major
 * view of {@code size()} values of a backing array from {@code offset()}, so that one batch output
 * is split without copying.
 */
final class Tensor {

  private final long[] shape;
  private final float[] data;
  private final int offset;
  private final int size;

  Tensor(float[] data, long... shape) {
    this(data, 0, shape);
  }

  /** The values of {@code data} from {@code offset} as a tensor of {@code shape}. */
  static Tensor view(float[] data, int offset, long[] shape) {
    return new Tensor(data, offset, shape);
  }

  private Tensor(float[] data, int offset, long[] shape) {
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    if (offset < 0 || offset + count > data.length) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " from "
              + offset
              + " does not fit "
              + data.length
              + " values");
    }
    this.shape = shape.clone();
    this.data = data;
    this.offset = offset;
    this.size = (int) count;
  }

  long[] shape() {
    return shape.clone();
  }

  int dim(int i) {
    return Math.toIntExact(shape[i]);
  }

  int size() {
    return size;
  }

  /** The backing array; the values are {@code [offset(), offset() + size())}. */
  float[] data() {
    return data;
  }

  int offset() {
    return offset;
  }

  float get(int i) {
    return data[offset + i];
  }

  /** The values as an array of their own length (the backing array when it is exactly that). */
  float[] values() {
    return offset == 0 && data.length == size
        ? data
        : Arrays.copyOfRange(data, offset, offset + size);
  }
}
