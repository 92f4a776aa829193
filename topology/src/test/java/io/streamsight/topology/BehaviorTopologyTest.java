package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.BehaviorPhase;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.ZoneCounts;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.detection.DetectionSettings;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.inference.BatchSettings;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.processors.video.VideoFrame;
import io.streamsight.processors.video.VideoSettings;
import io.streamsight.processors.video.VideoSource;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.video.VideoIngest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour topology in a TopologyTestDriver on real vtest frames and the real detector, with
 * the camera config changed while it runs: no config, then a rule, then another rule instead, then
 * no config again, then an invalid one.
 */
class BehaviorTopologyTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String WHOLE_FRAME =
      "{\"id\": \"all\", \"polygon\": [[0, 0], [768, 0], [768, 576], [0, 576]]}";

  private static ModelRegistry registry;
  private static NanoDet nanoDet;
  private static final List<ImageEvent> FRAMES = new ArrayList<>();

  private final Topics topics = Topics.create("streamsight.dlq");

  @BeforeAll
  static void load(@TempDir Path claims) throws Exception {
    CatalogueModels models = TestModels.require(NanoDet.MODEL);
    String video = TestMedia.require(TestMedia.OPENCV_DATA + "/vtest.avi").toString();
    registry = TestModels.registry(2);
    nanoDet =
        NanoDet.load(
            registry,
            models,
            DevicePlacement.cpu("behavior-test"),
            new DetectionSettings(0.1f, Map.of(), 0.6f, 100, Set.of(), 0.9f));
    VideoIngest ingest = new VideoIngest("vtest", 0.85f, 900 * 1024, claims);
    try (VideoSource source = VideoSource.open(VideoSettings.of(video).withStart(START))) {
      for (int i = 0; i < 18; i++) {
        VideoFrame frame = source.next().orElseThrow();
        FRAMES.add(ingest.event(frame));
      }
    }
  }

  @AfterAll
  static void close() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void shouldApplyCameraConfigChangesWhileRunning() {
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props())));
    BehaviorTopology.addTo(
        builder,
        topics,
        new BehaviorTopology.Dependencies(
            new PayloadResolver(50_000_000),
            new ImageInspector(50_000_000, 40_000_000),
            nanoDet::newDetector,
            null,
            new BatchSettings(1, Duration.ofMillis(50)),
            Duration.ofMillis(500),
            Duration.ZERO,
            100));
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props(), START)) {
      TestInputTopic<String, String> configs =
          driver.createInputTopic(
              topics.cameraConfig().name(),
              topics.cameraConfig().keySerializer(),
              topics.cameraConfig().valueSerializer());
      TestInputTopic<String, ImageEvent> frames =
          driver.createInputTopic(
              topics.videoFrames().name(),
              topics.videoFrames().keySerializer(),
              topics.videoFrames().valueSerializer());
      TestOutputTopic<String, BehaviorEvent> events =
          driver.createOutputTopic(
              topics.behaviorEvents().name(),
              topics.behaviorEvents().keyDeserializer(),
              topics.behaviorEvents().valueDeserializer());
      TestOutputTopic<String, ZoneCounts> counts =
          driver.createOutputTopic(
              topics.behaviorCounts().name(),
              topics.behaviorCounts().keyDeserializer(),
              topics.behaviorCounts().valueDeserializer());
      TestOutputTopic<byte[], byte[]> dlq =
          driver.createOutputTopic(
              topics.deadLetters().name(),
              new ByteArrayDeserializer(),
              new ByteArrayDeserializer());

      // No config: the camera is not watched, nothing comes out.
      send(frames, 0, 3);
      assertThat(events.isEmpty()).isTrue();
      assertThat(counts.isEmpty()).isTrue();

      // A config with an intrusion rule over the whole frame: people walking in it start events.
      configs.pipeInput(
          "vtest",
          "{\"zones\": ["
              + WHOLE_FRAME
              + "], \"rules\": [{\"id\": \"anyone\", \"type\":"
              + " \"intrusion\", \"zone\": \"all\", \"classes\": [\"person\"], \"minFrames\": 2}]}");
      send(frames, 3, 9);
      List<BehaviorEvent> first = events.readValuesToList();
      assertThat(first).isNotEmpty().allMatch(e -> e.getRuleId().equals("anyone"));
      assertThat(first).allMatch(e -> e.getPhase() == BehaviorPhase.START);
      int started = first.size();

      // The rule replaced by an occupancy rule: the open intrusions end, occupancy starts.
      configs.pipeInput(
          "vtest",
          "{\"zones\": ["
              + WHOLE_FRAME
              + "], \"rules\": [{\"id\": \"crowd\", \"type\":"
              + " \"occupancy\", \"zone\": \"all\", \"above\": 2, \"below\": 0, \"minFrames\": 1}]}");
      send(frames, 9, 15);
      List<BehaviorEvent> second = events.readValuesToList();
      assertThat(second)
          .filteredOn(e -> e.getRuleId().equals("anyone"))
          .hasSize(started)
          .allMatch(e -> e.getPhase() == BehaviorPhase.END);
      assertThat(second)
          .filteredOn(e -> e.getRuleId().equals("crowd"))
          .anyMatch(e -> e.getPhase() == BehaviorPhase.START && e.getTrackIds().size() > 2);
      List<ZoneCounts> windows = counts.readValuesToList();
      assertThat(windows).isNotEmpty().allMatch(c -> c.getZoneId().equals("all"));
      assertThat(windows).anyMatch(c -> c.getOccupancyMax() > 2 && c.getFrames() == 5);

      // Config removed: frames are ignored again.
      configs.pipeInput("vtest", (String) null);
      send(frames, 15, 17);
      assertThat(events.isEmpty()).isTrue();

      // An invalid config: its frames are dead-lettered with the reason.
      configs.pipeInput("vtest", "{\"rules\": [{\"id\": \"x\", \"type\": \"dwel\"}]}");
      send(frames, 17, 18);
      assertThat(events.isEmpty()).isTrue();
      var dead = dlq.readRecordsToList();
      assertThat(dead).hasSize(1);
      assertThat(
              new String(
                  dead.get(0).headers().lastHeader("__streams.errors.message").value(),
                  java.nio.charset.StandardCharsets.UTF_8))
          .contains("unknown rule type 'dwel'");
    }
  }

  private static void send(TestInputTopic<String, ImageEvent> frames, int from, int to) {
    for (int i = from; i < to; i++) {
      ImageEvent frame = FRAMES.get(i);
      frames.pipeInput("vtest", frame, frame.getCaptureTime());
    }
  }

  private static Properties props() {
    Properties props = new Properties();
    props.putAll(
        ConfigLoader.load(null, Map.of(), Map.of("application.id", "behavior-topology-test"))
            .streamsProperties("dummy:9092"));
    props.put(
        StreamsConfig.STATE_DIR_CONFIG,
        System.getProperty("java.io.tmpdir") + "/bt-" + System.nanoTime());
    return props;
  }
}
