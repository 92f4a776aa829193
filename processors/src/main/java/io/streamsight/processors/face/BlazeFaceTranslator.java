package io.streamsight.processors.face;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.streamsight.processors.image.Pixels;
import io.streamsight.processors.image.Rect;
import io.streamsight.processors.inference.NamedOutputs;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * BlazeFace's pre-processing and decoding, as MediaPipe's face detection graphs do it.
 *
 * <p>In: the image letterboxed into a square (centred, black borders, aspect kept), resized to the
 * model's input (bilinear), RGB scaled to [-1, 1], NHWC. Out: per anchor a score logit and 16
 * values: box centre x, y, width, height, then six landmarks x, y, all in input pixels relative to
 * the anchor centre ({@code x_scale = input size}, fixed-size anchors). Scores are {@code
 * sigmoid(clamp(logit, ±100))}. Candidates come back in the letterboxed square's coordinates, 0..1;
 * the detector maps them to the image.
 *
 * <p>The models' batch dimension is fixed at 1: without {@code stacked}, a batch is one predictor
 * call with a forward pass per image. Stateless; tensors from the context's manager only.
 */
final class BlazeFaceTranslator implements Translator<BufferedImage, List<FaceCandidate>> {

  private static final String[] SCORE_OUTPUTS = {"Identity:0", "Identity_1:0"};
  private static final String[] BOX_OUTPUTS = {"Identity_2:0", "Identity_3:0"};
  private static final int VALUES = 16;
  private static final float SCORE_CLIP = 100f;

  private final SsdAnchors anchors;
  private final float minScore;
  private final boolean stacked;

  BlazeFaceTranslator(SsdAnchors anchors, float minScore, boolean stacked) {
    this.anchors = anchors;
    this.minScore = minScore;
    this.stacked = stacked;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int size = anchors.inputSize();
    float side = Math.max(w, h);
    int[] square =
        Pixels.resize(
            Pixels.packedRgb(image),
            w,
            h,
            (w - side) / 2,
            (h - side) / 2,
            side,
            side,
            size,
            size,
            0x000000);
    float[] data = new float[square.length * 3];
    for (int i = 0; i < square.length; i++) {
      int p = square[i];
      data[3 * i] = ((p >> 16) & 0xff) / 127.5f - 1f;
      data[3 * i + 1] = ((p >> 8) & 0xff) / 127.5f - 1f;
      data[3 * i + 2] = (p & 0xff) / 127.5f - 1f;
    }
    Shape shape = stacked ? new Shape(size, size, 3) : new Shape(1, size, size, 3);
    return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(data), shape));
  }

  @Override
  public List<FaceCandidate> processOutput(TranslatorContext ctx, NDList outputs) {
    List<FaceCandidate> faces = new ArrayList<>();
    int anchor = 0;
    for (int part = 0; part < SCORE_OUTPUTS.length; part++) {
      float[] scores = NamedOutputs.get(outputs, SCORE_OUTPUTS[part], part).toFloatArray();
      float[] boxes = NamedOutputs.get(outputs, BOX_OUTPUTS[part], part + 2).toFloatArray();
      if (boxes.length != scores.length * VALUES) {
        throw new IllegalStateException(
            "BlazeFace output "
                + part
                + ": "
                + scores.length
                + " scores, "
                + boxes.length
                + " box values");
      }
      for (int i = 0; i < scores.length; i++, anchor++) {
        float logit = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, scores[i]));
        float score = (float) (1 / (1 + Math.exp(-logit)));
        if (score < minScore) {
          continue;
        }
        faces.add(decode(boxes, i * VALUES, anchor, score));
      }
    }
    if (anchor != anchors.count()) {
      throw new IllegalStateException(
          "BlazeFace gave " + anchor + " anchors' outputs, the anchors are " + anchors.count());
    }
    return faces;
  }

  private FaceCandidate decode(float[] raw, int offset, int anchor, float score) {
    float scale = anchors.inputSize();
    float ax = anchors.x(anchor);
    float ay = anchors.y(anchor);
    float cx = raw[offset] / scale + ax;
    float cy = raw[offset + 1] / scale + ay;
    float bw = raw[offset + 2] / scale;
    float bh = raw[offset + 3] / scale;
    float[] marks = new float[2 * FaceCandidate.LANDMARKS];
    for (int k = 0; k < FaceCandidate.LANDMARKS; k++) {
      marks[2 * k] = raw[offset + 4 + 2 * k] / scale + ax;
      marks[2 * k + 1] = raw[offset + 5 + 2 * k] / scale + ay;
    }
    return new FaceCandidate(
        score, new Rect(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2), marks);
  }

  @Override
  public Batchifier getBatchifier() {
    return stacked ? Batchifier.STACK : null;
  }
}
