package io.streamsight.processors.inference.generate;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/** Small helpers to build and reshuffle ONNX Runtime tensors through direct buffers. */
final class Tensors {

  private Tensors() {}

  static OnnxTensor floats(OrtEnvironment env, float[] data, long[] shape) throws OrtException {
    FloatBuffer buffer = directFloats(data.length);
    buffer.put(data).flip();
    return OnnxTensor.createTensor(env, buffer, shape);
  }

  static OnnxTensor longs(OrtEnvironment env, long[] data, long[] shape) throws OrtException {
    LongBuffer buffer =
        ByteBuffer.allocateDirect(Math.multiplyExact(data.length, 8))
            .order(ByteOrder.nativeOrder())
            .asLongBuffer();
    buffer.put(data).flip();
    return OnnxTensor.createTensor(env, buffer, shape);
  }

  /** A float tensor of the shape with no elements (one dimension is 0). */
  static OnnxTensor emptyFloats(OrtEnvironment env, long[] shape) throws OrtException {
    return OnnxTensor.createTensor(env, directFloats(0), shape);
  }

  /** A {@code [rows, columns]} int64 tensor of ones (an attention mask). */
  static OnnxTensor ones(OrtEnvironment env, int rows, int columns) throws OrtException {
    long[] data = new long[rows * columns];
    java.util.Arrays.fill(data, 1L);
    return longs(env, data, new long[] {rows, columns});
  }

  /**
   * A new float tensor whose row {@code i} (first dimension) is row {@code rows[i]} of {@code
   * source}.
   */
  static OnnxTensor gatherRows(OrtEnvironment env, OnnxTensor source, int[] rows)
      throws OrtException {
    long[] shape = source.getInfo().getShape();
    int rowSize = 1;
    for (int d = 1; d < shape.length; d++) {
      rowSize = Math.multiplyExact(rowSize, (int) shape[d]);
    }
    FloatBuffer from = source.getFloatBuffer();
    FloatBuffer to = directFloats(Math.multiplyExact(rows.length, rowSize));
    for (int row : rows) {
      to.put(from.slice(row * rowSize, rowSize));
    }
    to.flip();
    long[] newShape = shape.clone();
    newShape[0] = rows.length;
    return OnnxTensor.createTensor(env, to, newShape);
  }

  private static FloatBuffer directFloats(int count) {
    return ByteBuffer.allocateDirect(Math.multiplyExact(count, 4))
        .order(ByteOrder.nativeOrder())
        .asFloatBuffer();
  }
}
