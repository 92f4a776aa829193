package io.streamsight.processors.detection;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the object detector keeps.
 *
 * @param scoreThreshold lowest score kept, for classes without their own threshold (0..1)
 * @param classThresholds per-class thresholds by COCO label, overriding {@code scoreThreshold}
 *     (NanoDet's weak spots, such as 0.5-score dogs and birds on street scenes, are tuned here)
 * @param nmsIou class-wise non-maximum suppression: of two boxes of the same class overlapping by
 *     more than this intersection-over-union, the lower-scored one is dropped (0..1)
 * @param maxDetections most detections per image, best first (at least 1)
 * @param classes the labels to report; empty reports all 80
 * @param duplicateIou two boxes of different classes overlapping by more than this are one object
 *     the model could not decide on (NanoDet scores a horse 0.51 horse and 0.50 cow on the same
 *     box): only the better one is kept. 1 keeps both always
 */
public record DetectionSettings(
    float scoreThreshold,
    Map<String, Float> classThresholds,
    float nmsIou,
    int maxDetections,
    Set<String> classes,
    float duplicateIou) {

  public static final float DEFAULT_SCORE_THRESHOLD = 0.35f;
  public static final float DEFAULT_NMS_IOU = 0.6f;
  public static final int DEFAULT_MAX_DETECTIONS = 100;
  public static final float DEFAULT_DUPLICATE_IOU = 0.9f;

  public DetectionSettings {
    requireNonNull(classThresholds, "classThresholds");
    requireNonNull(classes, "classes");
    checkUnit("score threshold", scoreThreshold);
    checkUnit("NMS IoU", nmsIou);
    checkUnit("duplicate IoU", duplicateIou);
    if (maxDetections < 1) {
      throw new IllegalArgumentException("max detections must be at least 1: " + maxDetections);
    }
    classThresholds.forEach(
        (label, threshold) -> {
          checkLabel(label);
          checkUnit("threshold of " + label, threshold);
        });
    classes.forEach(DetectionSettings::checkLabel);
    classThresholds = Map.copyOf(classThresholds);
    classes = Set.copyOf(classes);
  }

  /** Score 0.35, no per-class thresholds, NMS IoU 0.6, 100 detections, all classes, 0.9. */
  public static DetectionSettings defaults() {
    return new DetectionSettings(
        DEFAULT_SCORE_THRESHOLD,
        Map.of(),
        DEFAULT_NMS_IOU,
        DEFAULT_MAX_DETECTIONS,
        Set.of(),
        DEFAULT_DUPLICATE_IOU);
  }

  /** The threshold a detection of {@code label} must reach. */
  public float threshold(String label) {
    return classThresholds.getOrDefault(label, scoreThreshold);
  }

  /** Whether {@code label} is reported at all. */
  public boolean reports(String label) {
    return classes.isEmpty() || classes.contains(label);
  }

  /** The lowest threshold of any class: candidates below it are never kept. */
  public float lowestThreshold() {
    float lowest = scoreThreshold;
    for (float t : classThresholds.values()) {
      lowest = Math.min(lowest, t);
    }
    return lowest;
  }

  /**
   * Parses per-class thresholds written {@code label:score}, e.g. {@code dog:0.5}, {@code traffic
   * light:0.45}.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code label:score}, has an
   *     unknown label or a score outside 0..1
   */
  public static Map<String, Float> parseClassThresholds(List<String> entries) {
    Map<String, Float> thresholds = new LinkedHashMap<>();
    for (String entry : entries) {
      int colon = entry.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "class threshold '" + entry + "' is not label:score (e.g. dog:0.5)");
      }
      String label = entry.substring(0, colon).strip();
      float score;
      try {
        score = Float.parseFloat(entry.substring(colon + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "class threshold '" + entry + "' has no number after the colon", e);
      }
      checkLabel(label);
      checkUnit("threshold of " + label, score);
      thresholds.put(label, score);
    }
    return thresholds;
  }

  private static void checkLabel(String label) {
    if (!CocoLabels.contains(label)) {
      throw new IllegalArgumentException(
          "'" + label + "' is not a COCO label (person, bicycle, car, ... toothbrush)");
    }
  }

  private static void checkUnit(String what, float value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(what + " must be between 0 and 1: " + value);
    }
  }
}
