package io.streamsight.processors.behavior;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.BehaviorPhase;
import io.streamsight.events.Detection;
import io.streamsight.events.EventRef;
import io.streamsight.events.ZoneCounts;
import io.streamsight.processors.detection.ObjectDetector;
import io.streamsight.processors.pose.PoseEstimator;
import io.streamsight.processors.video.VideoFrame;
import io.streamsight.processors.video.VideoSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A video analysed without a broker: decoding, detection in batches, then per frame the same {@link
 * CameraAnalyzer} the Kafka Streams processor runs, and tumbling count windows ({@link
 * CountWindows}). For {@code streamsight analyze-video}, tests and the bench.
 */
public final class OfflineAnalyzer {

  /** Receives what the analysis produces, in order. */
  public interface Sink {
    /** A behaviour event. */
    void event(BehaviorEvent event);

    /** A closed count window. */
    void counts(ZoneCounts counts);

    /** A frame was analysed (for progress, frame dumps and tests). */
    default void frame(VideoFrame frame, CameraState state, List<Detection> detections) {}
  }

  /**
   * What a whole run saw.
   *
   * @param frames frames analysed
   * @param tracks confirmed tracks (ids handed out)
   * @param lineCounts line id → {in, out}
   * @param events rule type → events started
   * @param detectMillis time spent in detection
   * @param analyseMillis time spent in tracking, pose and rules
   */
  public record Summary(
      long frames,
      long tracks,
      Map<String, long[]> lineCounts,
      Map<String, Long> events,
      double detectMillis,
      double analyseMillis) {}

  private final String cameraId;
  private final CameraConfig config;
  private final ObjectDetector detector;
  private final PoseEstimator pose;
  private final long windowMs;
  private final int batchSize;

  /**
   * @param pose the pose estimator for fall rules, or null to use box cues only
   * @param windowMs count window size
   * @param batchSize frames per detector call
   */
  public OfflineAnalyzer(
      String cameraId,
      CameraConfig config,
      ObjectDetector detector,
      PoseEstimator pose,
      long windowMs,
      int batchSize) {
    this.cameraId = requireNonNull(cameraId, "cameraId");
    this.config = requireNonNull(config, "config");
    this.detector = requireNonNull(detector, "detector");
    this.pose = pose;
    this.windowMs = windowMs;
    this.batchSize = Math.max(1, batchSize);
  }

  /** Analyses up to {@code maxFrames} frames (all when negative) of the source. */
  public Summary run(VideoSource source, long maxFrames, Sink sink)
      throws IOException, InterruptedException {
    return run(source, maxFrames, new CameraState(), sink);
  }

  /** As {@link #run(VideoSource, long, Sink)}, continuing from a camera state. */
  public Summary run(VideoSource source, long maxFrames, CameraState state, Sink sink)
      throws IOException, InterruptedException {
    CountWindows windows = new CountWindows(windowMs);
    Map<String, Long> started = new TreeMap<>();
    long frames = 0;
    long detectNanos = 0;
    long analyseNanos = 0;
    boolean more = true;
    while (more && (maxFrames < 0 || frames < maxFrames)) {
      List<VideoFrame> batch = new ArrayList<>(batchSize);
      while (batch.size() < batchSize && (maxFrames < 0 || frames + batch.size() < maxFrames)) {
        Optional<VideoFrame> frame = source.next();
        if (frame.isEmpty()) {
          more = false;
          break;
        }
        batch.add(frame.get());
      }
      if (batch.isEmpty()) {
        break;
      }
      long t0 = System.nanoTime();
      List<List<Detection>> detections =
          detector.detect(batch.stream().map(VideoFrame::image).toList());
      long t1 = System.nanoTime();
      detectNanos += t1 - t0;
      for (int i = 0; i < batch.size(); i++) {
        VideoFrame frame = batch.get(i);
        EventRef ref = frameRef(cameraId, frame);
        CameraAnalyzer.TorsoProbe probe =
            pose == null ? null : boxes -> pose.torsoDegrees(frame.image(), boxes);
        FrameAnalysis result =
            CameraAnalyzer.analyze(cameraId, config, state, ref, detections.get(i), probe);
        for (BehaviorEvent e : result.events()) {
          if (e.getPhase() == BehaviorPhase.START) {
            started.merge(e.getRuleType(), 1L, Long::sum);
          }
          sink.event(e);
        }
        for (ZoneCounts sample : result.counts()) {
          windows.add(sample).forEach(sink::counts);
        }
        sink.frame(frame, state, detections.get(i));
        frames++;
      }
      analyseNanos += System.nanoTime() - t1;
    }
    windows.flush().forEach(sink::counts);
    return new Summary(
        frames,
        state.tracker().nextId() - 1,
        state.lineTotals(),
        started,
        detectNanos / 1e6,
        analyseNanos / 1e6);
  }

  /**
   * The reference of a decoded frame: event id {@code camera:index}, the frame index as sequence.
   */
  public static EventRef frameRef(String cameraId, VideoFrame frame) {
    return EventRef.newBuilder()
        .setEventId(cameraId + ":" + frame.index())
        .setSourceId(cameraId)
        .setCaptureTime(frame.captureTime())
        .setSequence(frame.index())
        .build();
  }
}
