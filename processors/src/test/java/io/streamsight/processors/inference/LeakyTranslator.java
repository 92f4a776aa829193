package io.streamsight.processors.inference;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * The classic translator bug, for tests that must prove they can see a leak: the input tensor (and
 * with it the model's output) is allocated from the predictor's manager, which lives as long as the
 * predictor, instead of the per-call context manager.
 */
final class LeakyTranslator implements BatchTranslator<float[], float[]> {

  private final DenseBatchTranslator outputs;
  private final int width;

  LeakyTranslator(int width) {
    this.width = width;
    this.outputs = new DenseBatchTranslator(width);
  }

  @Override
  public NDList processInput(TranslatorContext ctx, List<float[]> rows) {
    FloatBuffer data = FloatBuffer.allocate(rows.size() * width);
    rows.forEach(data::put);
    data.flip();
    return new NDList(ctx.getPredictorManager().create(data, new Shape(rows.size(), width)));
  }

  @Override
  public List<float[]> processOutput(TranslatorContext ctx, NDList list) {
    return outputs.processOutput(ctx, list);
  }
}
