package io.streamsight.processors.pose;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * Estimates the poses of people whose boxes are known: one per processor instance, from {@link
 * BlazePose#newEstimator()}. Not thread-safe.
 */
public interface PoseEstimator extends AutoCloseable {

  /**
   * The poses of the people in {@code boxes} ({x, y, w, h} in frame pixels), in one batch.
   *
   * @return one pose per box, in order, landmarks in frame pixels
   */
  List<Pose> estimate(BufferedImage frame, List<float[]> boxes);

  /**
   * Torso angles (degrees from upright) of the boxes whose pose the model found (pose score at
   * least 0.5), by key.
   */
  Map<Long, Double> torsoDegrees(BufferedImage frame, Map<Long, float[]> boxes);

  @Override
  void close();
}
