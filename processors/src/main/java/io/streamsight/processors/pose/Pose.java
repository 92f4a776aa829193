package io.streamsight.processors.pose;

/**
 * BlazePose's 39 landmarks for one person, in frame pixels: x, y, and visibility in [0, 1], plus
 * the model's pose-present score. Landmark indices are MediaPipe's (0 nose, 11/12 left/right
 * shoulder, 23/24 left/right hip, ...).
 */
public final class Pose {

  /** Landmarks per pose (33 body points and 6 auxiliary ones). */
  public static final int POINTS = 39;

  public static final int NOSE = 0;
  public static final int LEFT_SHOULDER = 11;
  public static final int RIGHT_SHOULDER = 12;
  public static final int LEFT_HIP = 23;
  public static final int RIGHT_HIP = 24;

  private final float[] xs;
  private final float[] ys;
  private final float[] visibility;
  private final float score;

  Pose(float[] xs, float[] ys, float[] visibility, float score) {
    this.xs = xs.clone();
    this.ys = ys.clone();
    this.visibility = visibility.clone();
    this.score = score;
  }

  /** The model's confidence that a person is in the crop, in [0, 1]. */
  public float score() {
    return score;
  }

  public float x(int point) {
    return xs[point];
  }

  public float y(int point) {
    return ys[point];
  }

  /** How likely the landmark is visible (not occluded), in [0, 1]. */
  public float visibility(int point) {
    return visibility[point];
  }

  /**
   * Angle of the torso (hip midpoint to shoulder midpoint) from upright, in degrees: about 0
   * standing, about 90 lying, 180 upside down.
   */
  public double torsoDegrees() {
    double sx = (xs[LEFT_SHOULDER] + xs[RIGHT_SHOULDER]) / 2;
    double sy = (ys[LEFT_SHOULDER] + ys[RIGHT_SHOULDER]) / 2;
    double hx = (xs[LEFT_HIP] + xs[RIGHT_HIP]) / 2;
    double hy = (ys[LEFT_HIP] + ys[RIGHT_HIP]) / 2;
    // Image y grows downwards: upright means the shoulders are above (smaller y than) the hips.
    return Math.toDegrees(Math.atan2(Math.abs(sx - hx), hy - sy));
  }

  @Override
  public String toString() {
    return "Pose[score="
        + score
        + ", torso="
        + Math.round(torsoDegrees())
        + "°, nose=("
        + xs[NOSE]
        + ","
        + ys[NOSE]
        + ")]";
  }
}
