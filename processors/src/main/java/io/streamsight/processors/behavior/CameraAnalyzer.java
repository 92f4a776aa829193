package io.streamsight.processors.behavior;

import io.streamsight.events.Detection;
import io.streamsight.events.EventRef;
import io.streamsight.processors.tracking.ByteTracker;
import io.streamsight.processors.tracking.Track;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One frame of one camera, after detection: tracking, the pose check of fall candidates, and the
 * rules. The same code runs in the Kafka Streams processor and in the offline {@code analyze-video}
 * command. Stateless; the camera's {@link CameraState} is passed in and changed in place.
 */
public final class CameraAnalyzer {

  /** Torso angles of person boxes, for fall rules with {@code "pose": true}. */
  @FunctionalInterface
  public interface TorsoProbe {
    /**
     * Estimates the torso angle of each box.
     *
     * @param boxes track id → box {x, y, w, h} in frame pixels
     * @return track id → torso angle from vertical in degrees, for the boxes where a pose was found
     */
    Map<Long, Double> torsoDegrees(Map<Long, float[]> boxes);
  }

  /** Most pose checks per frame: bounds the pose model's cost in a crowd. */
  static final int MAX_POSE_CHECKS = 4;

  private CameraAnalyzer() {}

  /**
   * Tracks and evaluates one frame.
   *
   * @param frame the frame's reference (its capture time is the frame time)
   * @param pose the pose probe, or null where no pose model runs
   * @return the events and count samples; {@link FrameAnalysis#SKIPPED} for a frame that is not
   *     newer than the camera's last (a replay after a restart)
   */
  public static FrameAnalysis analyze(
      String cameraId,
      CameraConfig config,
      CameraState state,
      EventRef frame,
      List<Detection> detections,
      TorsoProbe pose) {
    ByteTracker tracker = new ByteTracker(config.tracker());
    if (!tracker.update(state.tracker(), detections, frame.getCaptureTime().toEpochMilli())) {
      return FrameAnalysis.SKIPPED;
    }
    Map<Long, Double> torso = Map.of();
    if (pose != null) {
      Map<Long, float[]> candidates = fallCandidates(config, state);
      if (!candidates.isEmpty()) {
        torso = pose.torsoDegrees(candidates);
      }
    }
    return RuleEngine.evaluate(cameraId, config, state, frame, torso);
  }

  /** Person tracks worth a pose check under the config's fall rules that use pose. */
  static Map<Long, float[]> fallCandidates(CameraConfig config, CameraState state) {
    Map<Long, float[]> out = new LinkedHashMap<>();
    for (CameraConfig.Rule rule : config.rules()) {
      if (rule.type() != RuleType.FALL || !rule.pose()) {
        continue;
      }
      for (Track t : state.tracker().visible()) {
        if (out.size() < MAX_POSE_CHECKS
            && rule.appliesTo(t.label())
            && FallSignals.of(t, rule.windowMs()).candidate()) {
          var b = t.lastBox();
          out.put(t.id(), new float[] {b.x(), b.y(), b.w(), b.h()});
        }
      }
    }
    return out;
  }
}
