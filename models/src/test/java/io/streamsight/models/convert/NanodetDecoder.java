package io.streamsight.models.convert;

import io.streamsight.models.onnx.OrtSessions.FloatTensor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The minimal NanoDet pre-processing and decoding needed to check a conversion against the
 * reference detections in shared/data/models-notes.md: 416×416 stretch (bilinear, half-pixel
 * centres), BGR mean/std normalisation, GFL boxes (softmax over 11 bins per side × stride from the
 * cell point), class-wise NMS at IoU 0.6. Not the product's detector.
 */
final class NanodetDecoder {
  static final int SIZE = 416;
  static final int[] STRIDES = {8, 16, 32};
  private static final int BINS = 11;
  private static final float[] MEAN_BGR = {103.53f, 116.28f, 123.675f};
  private static final float[] STD_BGR = {57.375f, 57.12f, 58.395f};

  /** One detection in original-image pixels. */
  record Detection(int label, float score, float x, float y, float w, float h) {}

  private NanodetDecoder() {}

  /** NCHW [1,3,416,416] input: BGR planes, normalised. */
  static FloatTensor preprocess(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    float[] out = new float[3 * SIZE * SIZE];
    float sx = (float) w / SIZE;
    float sy = (float) h / SIZE;
    for (int y = 0; y < SIZE; y++) {
      float fy = Math.max((y + 0.5f) * sy - 0.5f, 0);
      int y0 = Math.min((int) fy, h - 1);
      int y1 = Math.min(y0 + 1, h - 1);
      float dy = fy - y0;
      for (int x = 0; x < SIZE; x++) {
        float fx = Math.max((x + 0.5f) * sx - 0.5f, 0);
        int x0 = Math.min((int) fx, w - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        float dx = fx - x0;
        for (int c = 0; c < 3; c++) {
          // Channel c of the output is B, G, R: bits 0, 8, 16 of the packed RGB.
          int shift = 8 * c;
          float top = lerp(channel(rgb[y0 * w + x0], shift), channel(rgb[y0 * w + x1], shift), dx);
          float bottom =
              lerp(channel(rgb[y1 * w + x0], shift), channel(rgb[y1 * w + x1], shift), dx);
          float value = Math.round(lerp(top, bottom, dy));
          out[c * SIZE * SIZE + y * SIZE + x] = (value - MEAN_BGR[c]) / STD_BGR[c];
        }
      }
    }
    return FloatTensor.of(out, 1, 3, SIZE, SIZE);
  }

  private static float channel(int packed, int shift) {
    return (packed >> shift) & 0xff;
  }

  private static float lerp(float a, float b, float t) {
    return a + (b - a) * t;
  }

  /** Detections above {@code threshold}, after class-wise NMS, best first. */
  static List<Detection> decode(
      Map<String, FloatTensor> outputs, int width, int height, float threshold) {
    List<Detection> candidates = new ArrayList<>();
    for (int level = 0; level < STRIDES.length; level++) {
      int stride = STRIDES[level];
      int cells = SIZE / stride;
      float[] scores = outputs.get(level == 0 ? "Identity" : "Identity_" + level).data();
      float[] boxes = outputs.get("Identity_" + (level + 3)).data();
      int classes = scores.length / (cells * cells);
      for (int i = 0; i < cells * cells; i++) {
        float cx = (i % cells) * stride;
        float cy = (i / cells) * stride;
        for (int label = 0; label < classes; label++) {
          float score = scores[i * classes + label];
          if (score < threshold) {
            continue;
          }
          float[] d = new float[4];
          for (int side = 0; side < 4; side++) {
            d[side] = expectation(boxes, i * 4 * BINS + side * BINS) * stride;
          }
          float x1 = (cx - d[0]) * width / SIZE;
          float y1 = (cy - d[1]) * height / SIZE;
          float x2 = (cx + d[2]) * width / SIZE;
          float y2 = (cy + d[3]) * height / SIZE;
          candidates.add(new Detection(label, score, x1, y1, x2 - x1, y2 - y1));
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Detection::score).reversed());
    List<Detection> kept = new ArrayList<>();
    for (Detection c : candidates) {
      boolean suppressed = kept.stream().anyMatch(k -> k.label() == c.label() && iou(k, c) > 0.6f);
      if (!suppressed) {
        kept.add(c);
      }
    }
    return kept;
  }

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

  private static float iou(Detection a, Detection b) {
    float ix = Math.max(0, Math.min(a.x() + a.w(), b.x() + b.w()) - Math.max(a.x(), b.x()));
    float iy = Math.max(0, Math.min(a.y() + a.h(), b.y() + b.h()) - Math.max(a.y(), b.y()));
    float inter = ix * iy;
    return inter / (a.w() * a.h() + b.w() * b.h() - inter);
  }
}
