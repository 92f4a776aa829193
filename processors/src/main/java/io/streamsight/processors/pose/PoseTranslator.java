package io.streamsight.processors.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import io.streamsight.processors.inference.BatchTranslator;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * BlazePose-lite: a batch of 256 × 256 person crops in as one NHWC RGB tensor in [0, 1], landmarks
 * out ({@code ld_3d}: 39 × (x, y, z, visibility, presence) in input pixels; visibility and presence
 * are logits) with the pose flag. Landmarks stay in crop pixels here; {@link BlazePose} maps them
 * to the frame.
 */
final class PoseTranslator implements BatchTranslator<BufferedImage, float[]> {

  static final int SIZE = 256;

  /** Per pose: 39 × 5 landmark values, then the pose flag. */
  static final int ROW = Pose.POINTS * 5 + 1;

  @Override
  public NDList processInput(TranslatorContext ctx, List<BufferedImage> crops) {
    FloatBuffer data = FloatBuffer.allocate(crops.size() * SIZE * SIZE * 3);
    int[] rgb = new int[SIZE * SIZE];
    for (BufferedImage crop : crops) {
      if (crop.getWidth() != SIZE || crop.getHeight() != SIZE) {
        throw new IllegalArgumentException("pose crops must be 256x256");
      }
      crop.getRGB(0, 0, SIZE, SIZE, rgb, 0, SIZE);
      for (int p : rgb) {
        data.put(((p >> 16) & 0xff) / 255f);
        data.put(((p >> 8) & 0xff) / 255f);
        data.put((p & 0xff) / 255f);
      }
    }
    data.flip();
    return new NDList(ctx.getNDManager().create(data, new Shape(crops.size(), SIZE, SIZE, 3)));
  }

  @Override
  public List<float[]> processOutput(TranslatorContext ctx, NDList outputs) {
    NDArray landmarks = byName(outputs, "ld_3d", 195);
    NDArray flag = byName(outputs, "output_poseflag", 1);
    int n = Math.toIntExact(landmarks.getShape().get(0));
    float[] ld = landmarks.toFloatArray();
    float[] flags = flag.toFloatArray();
    List<float[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] row = new float[ROW];
      System.arraycopy(ld, i * 195, row, 0, 195);
      row[195] = flags[i];
      out.add(row);
    }
    return out;
  }

  /** An output by name, else the one whose last dimension is {@code width}. */
  private static NDArray byName(NDList outputs, String name, int width) {
    for (NDArray a : outputs) {
      if (name.equals(a.getName())) {
        return a;
      }
    }
    for (NDArray a : outputs) {
      Shape s = a.getShape();
      if (s.dimension() == 2 && s.get(1) == width) {
        return a;
      }
    }
    throw new IllegalStateException("blazepose output " + name + " not found");
  }
}
