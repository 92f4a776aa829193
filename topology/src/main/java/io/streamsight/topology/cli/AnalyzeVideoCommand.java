package io.streamsight.topology.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.ZoneCounts;
import io.streamsight.processors.behavior.CameraConfig;
import io.streamsight.processors.behavior.OfflineAnalyzer;
import io.streamsight.processors.behavior.RuleType;
import io.streamsight.processors.detection.DetectionSettings;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.detection.ObjectDetector;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.pose.BlazePose;
import io.streamsight.processors.pose.PoseEstimator;
import io.streamsight.processors.video.VideoSettings;
import io.streamsight.processors.video.VideoSource;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.StreamsightTopology;
import io.streamsight.topology.config.StreamsightConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The behaviour analysis of one video, without a broker. */
@Command(
    name = "analyze-video",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the behaviour processors (detection, tracking, rules, count windows) over a video"
          + " file without a broker. Prints one JSON object per line for every behaviour event"
          + " (topic behavior.events) and every closed count window (topic behavior.counts), then"
          + " {\"summary\": {\"frames\", \"tracks\", \"lineCounts\", \"events\", ...}}."
    })
final class AnalyzeVideoCommand implements Callable<Integer> {

  @Mixin ConfigOptions options = new ConfigOptions();

  @Option(names = "--source", required = true, description = "Video file (or stream URL).")
  String source;

  @Option(names = "--camera-config", required = true, description = "Camera-config JSON file.")
  Path cameraConfig;

  @Option(names = "--camera", description = "Camera id; default: the config's camera, else video.")
  String camera;

  @Option(names = "--fps", defaultValue = "0", description = "Frames per second; 0 = every frame.")
  double fps;

  @Option(names = "--max-frames", defaultValue = "-1", description = "Stop after N frames.")
  long maxFrames;

  @Option(names = "--batch", defaultValue = "4", description = "Frames per detector call.")
  int batch;

  @Option(
      names = "--start-time",
      defaultValue = "2026-01-01T00:00:00Z",
      description = "Capture time of the first frame (ISO-8601), so runs are repeatable.")
  Instant startTime;

  @Override
  public Integer call() throws Exception {
    StreamsightConfig config = options.load();
    CameraConfig rules;
    try {
      rules = CameraConfig.parse(Files.readString(cameraConfig, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      System.err.println(cameraConfig + ": " + e.getMessage());
      return 2;
    }
    String cameraId = camera != null ? camera : rules.cameraId().orElse("video");
    CatalogueModels catalogue = CatalogueModels.bundled(config.modelsDir());
    Topics topics = Topics.create(config.deadLetterTopic());
    PrintStream out = System.out;
    DetectionSettings detection = StreamsightTopology.behaviorDetection(config);
    boolean needsPose = config.behaviorPoseEnabled() && rules.has(RuleType.FALL);
    long start = System.nanoTime();
    try (ModelRegistry models = new ModelRegistry(config.modelsDir(), config.ortThreads())) {
      NanoDet nanoDet =
          NanoDet.load(
              models,
              catalogue,
              config.devicePlacement(StreamsightTopology.BEHAVIOR_DETECT),
              detection);
      PoseEstimator pose =
          needsPose
              ? BlazePose.load(
                      models, catalogue, config.devicePlacement(StreamsightTopology.BEHAVIOR_POSE))
                  .newEstimator()
              : null;
      try (ObjectDetector detector = nanoDet.newDetector();
          VideoSource video =
              VideoSource.open(VideoSettings.of(source).withFps(fps).withStart(startTime))) {
        OfflineAnalyzer analyzer =
            new OfflineAnalyzer(
                cameraId, rules, detector, pose, config.behaviorCountWindow().toMillis(), batch);
        OfflineAnalyzer.Summary summary =
            analyzer.run(
                video,
                maxFrames,
                new OfflineAnalyzer.Sink() {
                  @Override
                  public void event(BehaviorEvent event) {
                    out.println(JsonRecords.avro(topics.behaviorEvents().name(), event));
                  }

                  @Override
                  public void counts(ZoneCounts counts) {
                    out.println(JsonRecords.avro(topics.behaviorCounts().name(), counts));
                  }
                });
        out.println(summaryJson(summary, (System.nanoTime() - start) / 1e9));
      } finally {
        if (pose != null) {
          pose.close();
        }
      }
    }
    return 0;
  }

  private static ObjectNode summaryJson(OfflineAnalyzer.Summary s, double seconds) {
    ObjectNode root = JsonRecords.MAPPER.createObjectNode();
    ObjectNode summary = root.putObject("summary");
    summary.put("frames", s.frames());
    summary.put("tracks", s.tracks());
    ObjectNode lines = summary.putObject("lineCounts");
    s.lineCounts()
        .forEach(
            (line, counts) -> {
              ObjectNode l = lines.putObject(line);
              l.put("in", counts[0]);
              l.put("out", counts[1]);
            });
    ObjectNode events = summary.putObject("events");
    s.events().forEach(events::put);
    summary.put("seconds", Math.round(seconds * 10) / 10.0);
    summary.put(
        "framesPerSecond",
        s.frames() == 0
            ? 0
            : Math.round(s.frames() / ((s.detectMillis() + s.analyseMillis()) / 1000) * 10) / 10.0);
    summary.put(
        "detectMsPerFrame",
        s.frames() == 0 ? 0 : Math.round(s.detectMillis() / s.frames() * 10) / 10.0);
    summary.put(
        "analyseMsPerFrame",
        s.frames() == 0 ? 0 : Math.round(s.analyseMillis() / s.frames() * 100) / 100.0);
    return root;
  }
}
