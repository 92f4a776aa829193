package io.streamsight.processors.ocr;

import java.util.Arrays;

/** A dense float tensor of one image or one model output, without the batch dimension. */
final class Tensor {

  private final long[] shape;
  private final float[] data;

  Tensor(float[] data, long... shape) {
    long size = 1;
    for (long d : shape) {
      size *= d;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
    }
    this.shape = shape.clone();
    this.data = data;
  }

  long[] shape() {
    return shape.clone();
  }

  int dim(int i) {
    return Math.toIntExact(shape[i]);
  }

  /** The values, row-major; not copied. */
  float[] data() {
    return data;
  }
}
