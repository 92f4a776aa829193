package io.streamsight.processors.pose;

import static java.util.Objects.requireNonNull;

import ai.djl.translate.TranslateException;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.ModelReplicas;
import io.streamsight.processors.inference.PlacedPredictor;
import io.streamsight.processors.inference.PredictionException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BlazePose-lite (catalogue model {@value #MODEL}) on person boxes: each box becomes a square crop
 * around its centre, 1.25 times its longer side (black outside the frame), resized to 256 × 256;
 * the landmarks come back in frame pixels. The model only finds people standing up in its crop, so
 * each box is also tried turned a quarter each way (as MediaPipe rotates its region of interest)
 * and the orientation with the best pose score is kept: a person lying on the floor is found.
 * Loaded once and shared; each processor instance takes its own {@link PoseEstimator}.
 */
public final class BlazePose {

  /** The model's catalogue name. */
  public static final String MODEL = "blazepose-lite";

  /** Crop side over the box's longer side. */
  static final float MARGIN = 1.25f;

  /** Pose-present score from which a pose counts as found. */
  static final float MIN_SCORE = 0.5f;

  private final ModelReplicas<List<BufferedImage>, List<float[]>> replicas;

  private BlazePose(ModelReplicas<List<BufferedImage>, List<float[]>> replicas) {
    this.replicas = replicas;
  }

  /**
   * Loads the model on every device of the placement; once at start-up.
   *
   * @throws io.streamsight.processors.inference.ModelLoadException when the model is missing, fails
   *     its checksum or cannot be placed
   */
  public static BlazePose load(
      ModelRegistry registry, CatalogueModels models, DevicePlacement placement) {
    requireNonNull(registry, "registry");
    return new BlazePose(
        registry.loadBatching(models.fetchedSpec(MODEL), placement, new PoseTranslator()));
  }

  /** An estimator with its own predictor on the next replica. */
  public PoseEstimator newEstimator() {
    return new Estimator(replicas.newPlacedPredictor());
  }

  /** Crop rotations tried: upright, and turned a quarter each way (a person lying down). */
  static final double[] ROTATIONS = {0, Math.PI / 2, -Math.PI / 2};

  /**
   * The 256 × 256 crop of a box turned by {@code angle} (radians, clockwise on screen) about its
   * centre, and where it lies in the frame.
   */
  record Crop(BufferedImage image, float x0, float y0, float scale, double angle) {}

  static Crop crop(BufferedImage frame, float[] box, double angle) {
    float side = Math.max(box[2], box[3]) * MARGIN;
    float cx = box[0] + box[2] / 2;
    float cy = box[1] + box[3] / 2;
    float x0 = cx - side / 2;
    float y0 = cy - side / 2;
    int size = PoseTranslator.SIZE;
    BufferedImage crop = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = crop.createGraphics();
    try {
      g.setColor(Color.BLACK);
      g.fillRect(0, 0, size, size);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.rotate(angle, size / 2.0, size / 2.0);
      float scale = size / side;
      g.drawImage(
          frame,
          Math.round(-x0 * scale),
          Math.round(-y0 * scale),
          Math.round(frame.getWidth() * scale),
          Math.round(frame.getHeight() * scale),
          null);
      return new Crop(crop, x0, y0, side / size, angle);
    } finally {
      g.dispose();
    }
  }

  static Pose toFrame(float[] row, Crop crop) {
    float[] xs = new float[Pose.POINTS];
    float[] ys = new float[Pose.POINTS];
    float[] vis = new float[Pose.POINTS];
    double c = PoseTranslator.SIZE / 2.0;
    double cos = Math.cos(-crop.angle());
    double sin = Math.sin(-crop.angle());
    for (int i = 0; i < Pose.POINTS; i++) {
      double u = row[i * 5] - c;
      double v = row[i * 5 + 1] - c;
      // Undo the crop's rotation, then its scale and offset.
      double ux = u * cos - v * sin + c;
      double vy = u * sin + v * cos + c;
      xs[i] = (float) (crop.x0() + ux * crop.scale());
      ys[i] = (float) (crop.y0() + vy * crop.scale());
      vis[i] = sigmoid(row[i * 5 + 3]);
    }
    float flag = row[Pose.POINTS * 5];
    float score = flag >= 0 && flag <= 1 ? flag : sigmoid(flag);
    return new Pose(xs, ys, vis, score);
  }

  private static float sigmoid(float x) {
    return (float) (1 / (1 + Math.exp(-x)));
  }

  private static final class Estimator implements PoseEstimator {
    private final PlacedPredictor<List<BufferedImage>, List<float[]>> predictor;

    Estimator(PlacedPredictor<List<BufferedImage>, List<float[]>> predictor) {
      this.predictor = predictor;
    }

    @Override
    public List<Pose> estimate(BufferedImage frame, List<float[]> boxes) {
      if (boxes.isEmpty()) {
        return List.of();
      }
      // Every box in every orientation, one batch; the orientation the model is surest of wins.
      List<Crop> crops = new ArrayList<>(boxes.size() * ROTATIONS.length);
      for (float[] box : boxes) {
        for (double angle : ROTATIONS) {
          crops.add(crop(frame, box, angle));
        }
      }
      List<float[]> rows;
      try {
        rows = predictor.predictor().predict(crops.stream().map(Crop::image).toList());
      } catch (TranslateException e) {
        throw new PredictionException(MODEL + " failed on " + boxes.size() + " crops", e);
      }
      List<Pose> poses = new ArrayList<>(boxes.size());
      for (int b = 0; b < boxes.size(); b++) {
        Pose best = null;
        for (int r = 0; r < ROTATIONS.length; r++) {
          int i = b * ROTATIONS.length + r;
          Pose pose = toFrame(rows.get(i), crops.get(i));
          if (best == null || pose.score() > best.score()) {
            best = pose;
          }
        }
        poses.add(best);
      }
      return poses;
    }

    @Override
    public Map<Long, Double> torsoDegrees(BufferedImage frame, Map<Long, float[]> boxes) {
      List<Long> keys = new ArrayList<>(boxes.keySet());
      List<Pose> poses = estimate(frame, keys.stream().map(boxes::get).toList());
      Map<Long, Double> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        if (poses.get(i).score() >= MIN_SCORE) {
          out.put(keys.get(i), poses.get(i).torsoDegrees());
        }
      }
      return out;
    }

    @Override
    public void close() {
      predictor.close();
    }
  }
}
