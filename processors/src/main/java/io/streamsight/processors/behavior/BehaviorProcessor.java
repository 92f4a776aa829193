package io.streamsight.processors.behavior;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.Detection;
import io.streamsight.events.EventRef;
import io.streamsight.events.ImageEvent;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import io.streamsight.processors.detection.ObjectDetector;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.inference.BatchSettings;
import io.streamsight.processors.inference.MicroBatchProcessor;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.processors.pose.PoseEstimator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The behaviour node: camera frames in, one {@link FrameAnalysis} per frame out. Frames are
 * micro-batched ({@link MicroBatchProcessor}: a changelogged buffer), decoded and checked, detected
 * in one detector call per batch, then analysed one by one in arrival order (so in frame order per
 * camera): tracking, pose on fall candidates, rules ({@link CameraAnalyzer}). Each camera's {@link
 * CameraState} lives in a changelogged store keyed by camera id, so a restart, or another instance
 * taking the partition over, resumes the same tracks with the same ids; the newest events per
 * camera go to a second store for the live-query API.
 *
 * <p>Every state change happens after the whole batch was decoded and detected, so a bad frame
 * (which fails its batch, which is then retried record by record and the bad one dead-lettered)
 * never leaves a half-applied batch; a frame not newer than its camera's last frame (a replay after
 * a crash under at-least-once) is skipped, which keeps the tracks consistent.
 */
public final class BehaviorProcessor
    extends MicroBatchProcessor<String, ImageEvent, FrameAnalysis> {

  /**
   * The names of the stores the processor uses: its micro-batch buffer, the camera-config
   * GlobalKTable's store, the per-camera state and the recent events.
   */
  public record Stores(String buffer, String configs, String cameras, String recent) {}

  /**
   * What the processor needs, shared by its instances.
   *
   * @param detectors a new detector per processor instance (e.g. {@code nanoDet::newDetector})
   * @param poses a new pose estimator per instance, or null to use box cues only for falls
   * @param recentEvents events kept per camera in the recent-events store
   */
  public record Settings(
      Stores stores,
      BatchSettings batch,
      Serde<String> keySerde,
      Serde<ImageEvent> valueSerde,
      PayloadResolver payloads,
      ImageInspector inspector,
      Supplier<ObjectDetector> detectors,
      Supplier<PoseEstimator> poses,
      int recentEvents) {

    public Settings {
      requireNonNull(stores, "stores");
      requireNonNull(batch, "batch");
      requireNonNull(payloads, "payloads");
      requireNonNull(inspector, "inspector");
      requireNonNull(detectors, "detectors");
    }
  }

  private final Settings settings;

  private CameraConfigs configs;
  private KeyValueStore<String, CameraState> cameras;
  private KeyValueStore<String, List<BehaviorEvent>> recent;
  private ObjectDetector detector;
  private PoseEstimator pose;

  private BehaviorProcessor(Settings settings) {
    super(settings.stores().buffer(), settings.batch(), settings.keySerde(), settings.valueSerde());
    this.settings = settings;
  }

  /** A supplier of behaviour processors: a new instance per {@code get()}. */
  public static ProcessorSupplier<String, ImageEvent, String, FrameAnalysis> supplier(
      Settings settings) {
    requireNonNull(settings, "settings");
    return () -> new BehaviorProcessor(settings);
  }

  @Override
  public void init(ProcessorContext<String, FrameAnalysis> context) {
    super.init(context);
    configs = new CameraConfigs(context.getStateStore(settings.stores().configs()));
    cameras = context.getStateStore(settings.stores().cameras());
    recent = context.getStateStore(settings.stores().recent());
    detector = settings.detectors().get();
    pose = settings.poses() == null ? null : settings.poses().get();
  }

  @Override
  protected List<FrameAnalysis> inferBatch(List<ImageEvent> frames) {
    List<BufferedImage> images = new ArrayList<>(frames.size());
    for (ImageEvent frame : frames) {
      images.add(decode(frame));
    }
    List<List<Detection>> detections = detector.detect(images);
    List<FrameAnalysis> results = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      results.add(analyse(frames.get(i), images.get(i), detections.get(i)));
    }
    return results;
  }

  private FrameAnalysis analyse(ImageEvent frame, BufferedImage image, List<Detection> found) {
    String camera = frame.getSourceId();
    CameraConfig config;
    try {
      config = configs.get(camera);
    } catch (IllegalArgumentException e) {
      return FrameAnalysis.SKIPPED; // became invalid after the filter let the frame in
    }
    if (config == null) {
      return FrameAnalysis.SKIPPED; // removed meanwhile
    }
    CameraState state = cameras.get(camera);
    if (state == null) {
      state = new CameraState();
    }
    EventRef ref =
        EventRef.newBuilder()
            .setEventId(frame.getEventId())
            .setSourceId(camera)
            .setCaptureTime(frame.getCaptureTime())
            .setSequence(frame.getFrameIndex())
            .build();
    CameraAnalyzer.TorsoProbe probe =
        pose == null ? null : boxes -> pose.torsoDegrees(image, boxes);
    FrameAnalysis result = CameraAnalyzer.analyze(camera, config, state, ref, found, probe);
    if (result.analysed()) {
      cameras.put(camera, state);
      if (!result.events().isEmpty()) {
        List<BehaviorEvent> kept = new ArrayList<>();
        List<BehaviorEvent> before = recent.get(camera);
        if (before != null) {
          kept.addAll(before);
        }
        kept.addAll(result.events());
        if (kept.size() > settings.recentEvents()) {
          kept = new ArrayList<>(kept.subList(kept.size() - settings.recentEvents(), kept.size()));
        }
        recent.put(camera, kept);
      }
    }
    return result;
  }

  private BufferedImage decode(ImageEvent frame) {
    byte[] bytes = settings.payloads().resolve(frame.getPayload());
    settings.inspector().inspect(bytes); // size, pixel and corruption checks before the real decode
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new RejectedInputException(Reason.UNDECODABLE, "frame is not a readable image");
      }
      return image;
    } catch (IOException e) {
      throw new RejectedInputException(Reason.UNDECODABLE, "frame cannot be decoded: " + e, e);
    }
  }

  @Override
  public void close() {
    if (detector != null) {
      detector.close();
    }
    if (pose != null) {
      pose.close();
    }
  }
}
