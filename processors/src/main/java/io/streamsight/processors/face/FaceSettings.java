package io.streamsight.processors.face;

import static java.util.Objects.requireNonNull;

/**
 * What the face detector runs and keeps.
 *
 * @param models which BlazeFace model(s) run
 * @param scoreThreshold lowest face score kept (0..1)
 * @param nmsIou faces overlapping by more than this intersection-over-union are one face; the
 *     merged face is the score-weighted mean of the cluster (MediaPipe's weighted suppression)
 * @param maxFaces most faces per image, best first (at least 1)
 */
public record FaceSettings(FaceModels models, float scoreThreshold, float nmsIou, int maxFaces) {

  public static final float DEFAULT_SCORE_THRESHOLD = 0.6f;
  public static final float DEFAULT_NMS_IOU = 0.3f;
  public static final int DEFAULT_MAX_FACES = 100;

  public FaceSettings {
    requireNonNull(models, "models");
    if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
      throw new IllegalArgumentException("face score threshold must be in 0..1: " + scoreThreshold);
    }
    if (!(nmsIou >= 0 && nmsIou <= 1)) {
      throw new IllegalArgumentException("face NMS IoU must be in 0..1: " + nmsIou);
    }
    if (maxFaces < 1) {
      throw new IllegalArgumentException("max faces must be at least 1: " + maxFaces);
    }
  }

  /** Both models, score 0.6, IoU 0.3, 100 faces. */
  public static FaceSettings defaults() {
    return new FaceSettings(
        FaceModels.BOTH, DEFAULT_SCORE_THRESHOLD, DEFAULT_NMS_IOU, DEFAULT_MAX_FACES);
  }
}
