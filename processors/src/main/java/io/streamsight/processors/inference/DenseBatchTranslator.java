package io.streamsight.processors.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Feature vectors in, vectors out: a batch of {@code n} equal-length {@code float[]} rows becomes
 * one {@code [n, d]} float tensor (the model's first input, with a dynamic batch dimension), and
 * the model's first output {@code [n, ...]} is split into {@code n} flat rows.
 */
public final class DenseBatchTranslator implements BatchTranslator<float[], float[]> {

  private final int width;

  /**
   * @param width the length every input row must have (the model's feature dimension)
   */
  public DenseBatchTranslator(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1: " + width);
    }
    this.width = width;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, List<float[]> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("empty batch");
    }
    FloatBuffer data = FloatBuffer.allocate(rows.size() * width);
    for (float[] row : rows) {
      if (row.length != width) {
        throw new IllegalArgumentException(
            "row has " + row.length + " features, the model takes " + width);
      }
      data.put(row);
    }
    data.flip();
    // The context's manager is closed after this prediction, which frees the tensor.
    return new NDList(ctx.getNDManager().create(data, new Shape(rows.size(), width)));
  }

  @Override
  public List<float[]> processOutput(TranslatorContext ctx, NDList outputs) {
    NDArray output = outputs.get(0);
    long[] shape = output.getShape().getShape();
    if (shape.length == 0 || shape[0] < 1) {
      throw new IllegalStateException("model output has no batch dimension: " + output.getShape());
    }
    int rows = Math.toIntExact(shape[0]);
    float[] all = output.toFloatArray();
    int rowLength = all.length / rows;
    List<float[]> result = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      float[] row = new float[rowLength];
      System.arraycopy(all, i * rowLength, row, 0, rowLength);
      result.add(row);
    }
    return result;
  }
}
