package io.streamsight.bench;

import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.ZoneCounts;
import io.streamsight.models.ModelCache;
import io.streamsight.processors.behavior.CameraConfig;
import io.streamsight.processors.behavior.OfflineAnalyzer;
import io.streamsight.processors.detection.DetectionSettings;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.detection.ObjectDetector;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.OrtThreads;
import io.streamsight.processors.pose.BlazePose;
import io.streamsight.processors.pose.PoseEstimator;
import io.streamsight.processors.video.VideoSettings;
import io.streamsight.processors.video.VideoSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Per-camera throughput of the behaviour pipeline on the CPU: detection (NanoDet) + tracking +
 * rules (+ pose on fall candidates) over vtest.avi with the README's vtest camera config, as frames
 * per second, and how many 10 fps cameras one instance sustains at that rate. Decoding is outside
 * the timed part (it runs on the ingest side in production).
 *
 * <pre>
 * java -cp bench/target/streamsight-bench.jar io.streamsight.bench.BehaviorLoadRun VIDEO [FRAMES] [BATCH]
 * </pre>
 */
public final class BehaviorLoadRun {

  private BehaviorLoadRun() {}

  public static void main(String[] args) throws Exception {
    String video = args[0];
    long frames = args.length > 1 ? Long.parseLong(args[1]) : 300;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    String json;
    try (InputStream in =
        BehaviorLoadRun.class.getResourceAsStream(
            "/io/streamsight/topology/behavior/vtest-camera-config.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    CameraConfig config = CameraConfig.parse(json);
    int cores = Runtime.getRuntime().availableProcessors();
    CatalogueModels catalogue = CatalogueModels.bundled(ModelCache.configured().root());
    try (ModelRegistry registry = new ModelRegistry(catalogue.root(), new OrtThreads(cores, 1))) {
      NanoDet nanoDet =
          NanoDet.load(
              registry,
              catalogue,
              DevicePlacement.cpu("bench"),
              new DetectionSettings(0.1f, Map.of(), 0.6f, 100, Set.of(), 0.9f));
      BlazePose pose = BlazePose.load(registry, catalogue, DevicePlacement.cpu("bench-pose"));
      try (ObjectDetector detector = nanoDet.newDetector();
          PoseEstimator estimator = pose.newEstimator();
          VideoSource source =
              VideoSource.open(
                  VideoSettings.of(video).withStart(Instant.parse("2026-01-01T00:00:00Z")))) {
        OfflineAnalyzer.Summary s =
            new OfflineAnalyzer("vtest", config, detector, estimator, 10_000, batch)
                .run(
                    source,
                    frames,
                    new OfflineAnalyzer.Sink() {
                      @Override
                      public void event(BehaviorEvent event) {}

                      @Override
                      public void counts(ZoneCounts counts) {}
                    });
        double seconds = (s.detectMillis() + s.analyseMillis()) / 1000;
        double fps = s.frames() / seconds;
        System.out.printf(
            "frames=%d batch=%d cores=%d detect=%.1f ms/frame track+rules+pose=%.2f ms/frame"
                + " -> %.1f frames/s per instance, %.1f cameras at 10 fps%n",
            s.frames(),
            batch,
            cores,
            s.detectMillis() / s.frames(),
            s.analyseMillis() / s.frames(),
            fps,
            fps / 10);
      }
    }
  }
}
