package io.streamsight.processors.face;

import java.util.ArrayList;
import java.util.List;

/**
 * The SSD anchor centres MediaPipe's {@code SsdAnchorsCalculator} generates for BlazeFace, with
 * {@code fixed_anchor_size: true} (every anchor is 1x1, so only centres matter) and one aspect
 * ratio plus the interpolated scale (two anchors per layer and cell). Consecutive layers with the
 * same stride share one feature map, their anchors interleaved per cell; cells run row by row.
 */
final class SsdAnchors {

  /** The short-range model: 128x128 input, strides 8, 16, 16, 16 (16x16x2 + 8x8x6 = 896). */
  static final SsdAnchors FRONT_128 = new SsdAnchors(128, new int[] {8, 16, 16, 16});

  /** The full-range model: 256x256 input, strides 16, 32, 32, 32 (16x16x2 + 8x8x6 = 896). */
  static final SsdAnchors BACK_256 = new SsdAnchors(256, new int[] {16, 32, 32, 32});

  private static final int ANCHORS_PER_LAYER = 2;

  private final int inputSize;
  private final float[] centres;

  SsdAnchors(int inputSize, int[] strides) {
    this.inputSize = inputSize;
    List<float[]> all = new ArrayList<>();
    int layer = 0;
    while (layer < strides.length) {
      int stride = strides[layer];
      int layers = 0;
      while (layer + layers < strides.length && strides[layer + layers] == stride) {
        layers++;
      }
      int cells = (int) Math.ceil((double) inputSize / stride);
      for (int y = 0; y < cells; y++) {
        for (int x = 0; x < cells; x++) {
          for (int a = 0; a < layers * ANCHORS_PER_LAYER; a++) {
            all.add(new float[] {(x + 0.5f) / cells, (y + 0.5f) / cells});
          }
        }
      }
      layer += layers;
    }
    centres = new float[all.size() * 2];
    for (int i = 0; i < all.size(); i++) {
      centres[2 * i] = all.get(i)[0];
      centres[2 * i + 1] = all.get(i)[1];
    }
  }

  int inputSize() {
    return inputSize;
  }

  int count() {
    return centres.length / 2;
  }

  /** Centre x of anchor {@code i}, 0..1 of the input. */
  float x(int i) {
    return centres[2 * i];
  }

  /** Centre y of anchor {@code i}, 0..1 of the input. */
  float y(int i) {
    return centres[2 * i + 1];
  }
}
