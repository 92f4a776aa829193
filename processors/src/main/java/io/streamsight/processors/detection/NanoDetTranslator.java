package io.streamsight.processors.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.streamsight.processors.image.Pixels;
import io.streamsight.processors.image.Rect;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * NanoDet's pre-processing and output decoding, one image per call.
 *
 * <p>In: the image stretched to 416x416 (bilinear, half-pixel centres, rounded to 8-bit values),
 * BGR planes normalised with the training means and deviations ({@code (v - mean) / std}, mean
 * 103.53/116.28/123.675, std 57.375/57.12/58.395), NCHW. Out: for each of the three levels (strides
 * 8, 16, 32: 52², 26², 13² cells) class scores [cells, 80] already in 0..1, and box distributions
 * [cells, 44]: per side (left, top, right, bottom) 11 bins whose softmax expectation times the
 * stride is the distance from the cell point (col x stride, row x stride) to that side.
 *
 * <p>The converted model's batch dimension is fixed at 1 (its input is [1,3,416,416] and its
 * reshapes are constant). With {@code stacked} false there is no batchifier, so {@code
 * Predictor.batchPredict} runs the images of a micro-batch one forward pass after another inside
 * one predictor call; for a model with a dynamic batch dimension, {@code stacked} true lets DJL
 * stack the batch into one [N,3,416,416] pass and split the outputs again.
 *
 * <p>Stateless: replicas share it. Tensors come from the context's manager only.
 */
final class NanoDetTranslator implements Translator<BufferedImage, List<Candidate>> {

  static final int SIZE = 416;
  static final int CLASSES = 80;
  private static final int[] STRIDES = {8, 16, 32};
  private static final int BINS = 11;
  private static final float[] MEAN_BGR = {103.53f, 116.28f, 123.675f};
  private static final float[] STD_BGR = {57.375f, 57.12f, 58.395f};
  private static final String[] SCORE_OUTPUTS = {"Identity", "Identity_1", "Identity_2"};
  private static final String[] BOX_OUTPUTS = {"Identity_3", "Identity_4", "Identity_5"};

  private final float minScore;
  private final boolean stacked;

  /**
   * @param minScore candidates scoring below this are not decoded at all
   * @param stacked whether the model takes a dynamic batch (one stacked forward pass per batch)
   */
  NanoDetTranslator(float minScore, boolean stacked) {
    this.minScore = minScore;
    this.stacked = stacked;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] resized = Pixels.resize(Pixels.packedRgb(image), w, h, 0, 0, w, h, SIZE, SIZE, 0);
    int plane = SIZE * SIZE;
    float[] data = new float[3 * plane];
    for (int i = 0; i < plane; i++) {
      int p = resized[i];
      data[i] = ((p & 0xff) - MEAN_BGR[0]) / STD_BGR[0];
      data[plane + i] = (((p >> 8) & 0xff) - MEAN_BGR[1]) / STD_BGR[1];
      data[2 * plane + i] = (((p >> 16) & 0xff) - MEAN_BGR[2]) / STD_BGR[2];
    }
    Shape shape = stacked ? new Shape(3, SIZE, SIZE) : new Shape(1, 3, SIZE, SIZE);
    return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(data), shape));
  }

  @Override
  public List<Candidate> processOutput(TranslatorContext ctx, NDList outputs) {
    List<Candidate> candidates = new ArrayList<>();
    for (int level = 0; level < STRIDES.length; level++) {
      int stride = STRIDES[level];
      int cells = SIZE / stride;
      float[] scores = output(outputs, SCORE_OUTPUTS[level], level).toFloatArray();
      float[] boxes = output(outputs, BOX_OUTPUTS[level], level + 3).toFloatArray();
      if (scores.length != cells * cells * CLASSES || boxes.length != cells * cells * 4 * BINS) {
        throw new IllegalStateException(
            "NanoDet level "
                + level
                + " has "
                + scores.length
                + " scores and "
                + boxes.length
                + " box values; expected "
                + cells * cells
                + " cells");
      }
      decodeLevel(scores, boxes, cells, stride, candidates);
    }
    return candidates;
  }

  private void decodeLevel(
      float[] scores, float[] boxes, int cells, int stride, List<Candidate> candidates) {
    float[] sides = new float[4];
    for (int cell = 0; cell < cells * cells; cell++) {
      int base = cell * CLASSES;
      boolean decoded = false;
      for (int label = 0; label < CLASSES; label++) {
        float score = scores[base + label];
        if (score < minScore) {
          continue;
        }
        if (!decoded) {
          for (int side = 0; side < 4; side++) {
            sides[side] = expectation(boxes, (cell * 4 + side) * BINS) * stride;
          }
          decoded = true;
        }
        float cx = (cell % cells) * stride;
        float cy = (cell / cells) * stride;
        Rect box =
            new Rect(
                (cx - sides[0]) / SIZE,
                (cy - sides[1]) / SIZE,
                (cx + sides[2]) / SIZE,
                (cy + sides[3]) / SIZE);
        candidates.add(new Candidate(label, score, box));
      }
    }
  }

  /** The softmax expectation of the bin index over 11 logits. */
  private static float expectation(float[] logits, int offset) {
    float max = Float.NEGATIVE_INFINITY;
    for (int k = 0; k < BINS; k++) {
      max = Math.max(max, logits[offset + k]);
    }
    float sum = 0;
    float weighted = 0;
    for (int k = 0; k < BINS; k++) {
      float e = (float) Math.exp(logits[offset + k] - max);
      sum += e;
      weighted += k * e;
    }
    return weighted / sum;
  }

  /** An output by its graph name, else by its position in the signature. */
  private static NDArray output(NDList outputs, String name, int position) {
    NDArray named = outputs.get(name);
    return named != null ? named : outputs.get(position);
  }

  @Override
  public Batchifier getBatchifier() {
    return stacked ? Batchifier.STACK : null;
  }
}
