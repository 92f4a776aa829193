package io.streamsight.processors.ocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import io.streamsight.processors.inference.BatchTranslator;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The translator of the three PP-OCR models: a batch of equally shaped image tensors {@code [3, H,
 * W]} becomes one {@code [N, 3, H, W]} input; the model's first output {@code [N, ...]} is split
 * into one tensor per input. Stateless; tensors come from the prediction's own manager.
 */
final class TensorBatchTranslator implements BatchTranslator<Tensor, Tensor> {

  @Override
  public NDList processInput(TranslatorContext ctx, List<Tensor> batch) {
    if (batch.isEmpty()) {
      throw new IllegalArgumentException("empty batch");
    }
    long[] shape = batch.get(0).shape();
    int size = batch.get(0).size();
    FloatBuffer data = FloatBuffer.allocate(size * batch.size());
    for (Tensor t : batch) {
      if (!Arrays.equals(t.shape(), shape)) {
        throw new IllegalArgumentException(
            "batch mixes shapes " + Arrays.toString(shape) + " and " + Arrays.toString(t.shape()));
      }
      data.put(t.data(), t.offset(), t.size());
    }
    data.flip();
    long[] batched = new long[shape.length + 1];
    batched[0] = batch.size();
    System.arraycopy(shape, 0, batched, 1, shape.length);
    return new NDList(ctx.getNDManager().create(data, new Shape(batched)));
  }

  @Override
  public List<Tensor> processOutput(TranslatorContext ctx, NDList outputs) {
    NDArray output = outputs.get(0);
    long[] shape = output.getShape().getShape();
    if (shape.length < 2) {
      throw new IllegalStateException("model output has no batch dimension: " + output.getShape());
    }
    int n = Math.toIntExact(shape[0]);
    long[] item = Arrays.copyOfRange(shape, 1, shape.length);
    float[] all = output.toFloatArray();
    int size = all.length / n;
    List<Tensor> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      result.add(Tensor.view(all, i * size, item));
    }
    return result;
  }
}
