package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.BehaviorPhase;
import io.streamsight.events.ZoneCounts;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.video.VideoSettings;
import io.streamsight.processors.video.VideoSource;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.runtime.StreamsightRuntime;
import io.streamsight.topology.video.VideoIngest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pedestrian video through ingest and the running topology on the embedded broker, with a
 * line and zones configured through the camera-config topic: tracks form, the line counts crossings
 * both ways, zones report occupancy, events have a lifecycle, the HTTP API answers, and a restart
 * mid-video (on a fresh state folder, so the state comes back from the changelog) resumes the same
 * track ids.
 */
class BehaviorIT {

  /**
   * Capture time of the first frame: now, since frames keep it as their record timestamp and the
   * broker deletes records older than its retention (7 days) as soon as its cleaner runs.
   */
  private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  /** Frames analysed before and after the restart, at {@link #FPS} (12 s of video in all). */
  private static final int FIRST = 30;

  private static final int SECOND = 30;
  private static final double FPS = 5;
  private static final long FRAME_MS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Topics topics = Topics.create("streamsight.dlq");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldTrackCountAndResumeTracksAfterARestart(@TempDir Path dir) throws Exception {
    TestModels.require(NanoDet.MODEL);
    String video = TestMedia.require(TestMedia.OPENCV_DATA + "/vtest.avi").toString();
    String config;
    try (InputStream in =
        getClass()
            .getResourceAsStream("/io/streamsight/topology/behavior/vtest-camera-config.json")) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    VideoIngest ingest = new VideoIngest("vtest", 0.85f, 900 * 1024, dir.resolve("claims"));

    JsonNode before;
    long firstPartEnd = start.plusMillis((FIRST - 1) * FRAME_MS).toEpochMilli();
    try (VideoSource source =
        VideoSource.open(VideoSettings.of(video).withStart(start).withFps(FPS))) {
      try (StreamsightRuntime runtime = StreamsightRuntime.start(load(config(dir, "state-1")))) {
        publishConfig(runtime, config);
        publish(runtime, ingest, source, FIRST);
        before = awaitFrame(runtime, "/cameras/vtest/tracks", firstPartEnd);
        JsonNode occupancy = get(runtime, "/cameras/vtest/occupancy");
        assertThat(occupancy.path("zones").path("junction").path("count").asInt()).isPositive();
        assertThat(get(runtime, "/cameras").path("cameras").toString()).contains("vtest");
      }
      assertThat(before.path("tracks").size()).isGreaterThanOrEqualTo(3);

      // Restart on a fresh state folder: the camera's tracks come back from the changelog.
      long secondPartEnd = start.plusMillis((FIRST + SECOND - 1) * FRAME_MS).toEpochMilli();
      try (StreamsightRuntime runtime = StreamsightRuntime.start(load(config(dir, "state-2")))) {
        publish(runtime, ingest, source, SECOND);
        JsonNode after = awaitFrame(runtime, "/cameras/vtest/tracks", secondPartEnd);
        Set<Long> continued = new HashSet<>();
        long maxBefore = 0;
        for (JsonNode t : before.path("tracks")) {
          maxBefore = Math.max(maxBefore, t.path("id").asLong());
        }
        for (JsonNode t : after.path("tracks")) {
          // Same id, first seen before the restart, seen again after it.
          if (t.path("firstSeen").asLong() <= firstPartEnd
              && t.path("lastSeen").asLong() > firstPartEnd) {
            continued.add(t.path("id").asLong());
          }
          assertThat(t.path("id").asLong()).isPositive();
        }
        assertThat(continued).as("tracks that crossed the restart with their ids").isNotEmpty();
        Set<Long> beforeIds = new HashSet<>();
        before.path("tracks").forEach(t -> beforeIds.add(t.path("id").asLong()));
        assertThat(beforeIds).containsAll(continued);

        JsonNode events = get(runtime, "/cameras/vtest/events?limit=500");
        assertThat(events.path("events").size()).isPositive();

        List<ConsumerRecord<byte[], byte[]>> out =
            KafkaTestClients.readUntil(
                runtime.bootstrapServers(),
                List.of(topics.behaviorEvents().name(), topics.behaviorCounts().name()),
                // 12 s of frames close at least five 2 s windows of three zones and lines each;
                // which window holds an in crossing depends on the video, so read until one does
                // (or the deadline, and the assertions below fail).
                records ->
                    KafkaTestClients.count(records, topics.behaviorCounts().name()) >= 12
                        && records.stream()
                            .filter(r -> r.topic().equals(topics.behaviorCounts().name()))
                            .map(r -> topics.behaviorCounts().deserializeValue(r.value()))
                            .anyMatch(c -> c.getZoneId().equals("east") && c.getInCount() > 0),
                Duration.ofSeconds(60));
        List<BehaviorEvent> behavior =
            out.stream()
                .filter(r -> r.topic().equals(topics.behaviorEvents().name()))
                .map(r -> topics.behaviorEvents().deserializeValue(r.value()))
                .toList();
        List<ZoneCounts> counts =
            out.stream()
                .filter(r -> r.topic().equals(topics.behaviorCounts().name()))
                .map(r -> topics.behaviorCounts().deserializeValue(r.value()))
                .toList();

        List<BehaviorEvent> crossings =
            behavior.stream()
                .filter(
                    e -> e.getRuleId().equals("east-count") && e.getPhase() == BehaviorPhase.START)
                .toList();
        assertThat(crossings)
            .extracting(e -> e.getAttributes().get("direction"))
            .contains("in", "out");
        // Every START has its END (crossings are instant; occupancy and intrusions end later).
        for (BehaviorEvent c : crossings) {
          assertThat(behavior)
              .anyMatch(
                  e -> e.getEventId().equals(c.getEventId()) && e.getPhase() == BehaviorPhase.END);
        }
        assertThat(counts)
            .anyMatch(c -> c.getZoneId().equals("junction") && c.getOccupancyMax() > 0);
        long in =
            counts.stream()
                .filter(c -> c.getZoneId().equals("east"))
                .mapToLong(ZoneCounts::getInCount)
                .sum();
        assertThat(in)
            .as(
                "in crossings in the closed windows %s (crossings %s)",
                counts.stream()
                    .filter(c -> c.getZoneId().equals("east"))
                    .map(c -> c.getWindowStart() + ":" + c.getInCount() + "/" + c.getOutCount())
                    .toList(),
                crossings.stream()
                    .map(e -> e.getEventTime() + ":" + e.getAttributes().get("direction"))
                    .toList())
            .isPositive();
        // The last window stays open (no later frame closes it): the running totals have all.
        JsonNode totals = get(runtime, "/cameras/vtest/occupancy").path("lineTotals").path("east");
        assertThat(totals.path("in").asLong()).isPositive();
        assertThat(totals.path("out").asLong()).isPositive();
        assertThat(counts).allMatch(c -> c.getCameraId().equals("vtest"));
      }
    }
  }

  private static StreamsightConfigValues config(Path dir, String state) {
    return new StreamsightConfigValues(dir, state);
  }

  /** The runtime's config: embedded broker on a kept folder, a given state folder, HTTP on. */
  private record StreamsightConfigValues(Path dir, String state) {}

  private static io.streamsight.topology.config.StreamsightConfig load(StreamsightConfigValues v) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("embedded.port", "0");
    overrides.put("embedded.data.dir", v.dir().resolve("kafka").toString());
    overrides.put("state.dir", v.dir().resolve(v.state()).toString());
    overrides.put("application.id", "behavior-it");
    overrides.put("topics.partitions", "1");
    overrides.put("commit.interval.ms", "200");
    overrides.put("http.port", "0");
    overrides.put("behavior.pose.enabled", "false");
    overrides.put("behavior.count.window.ms", "2000");
    overrides.put("batch.max.size", "4");
    return ConfigLoader.load(null, Map.of(), overrides);
  }

  private void publishConfig(StreamsightRuntime runtime, String json) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        KafkaTestClients.producer(runtime.bootstrapServers())) {
      producer
          .send(
              new ProducerRecord<>(
                  topics.cameraConfig().name(),
                  topics.cameraConfig().serializeKey("vtest"),
                  topics.cameraConfig().serializeValue(json)))
          .get();
    }
    var store =
        runtime
            .streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    BehaviorTopology.CONFIG_STORE,
                    QueryableStoreTypes.<String, String>keyValueStore()));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (store.get("vtest") == null && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(store.get("vtest")).as("camera config in the GlobalKTable").isNotNull();
  }

  private void publish(
      StreamsightRuntime runtime, VideoIngest ingest, VideoSource source, int frames)
      throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        KafkaTestClients.producer(runtime.bootstrapServers())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      long n =
          ingest.run(
              source,
              frames,
              (camera, frame) ->
                  sent.add(
                      producer.send(
                          new ProducerRecord<>(
                              topics.videoFrames().name(),
                              null,
                              frame.getCaptureTime().toEpochMilli(),
                              topics.videoFrames().serializeKey(camera),
                              topics.videoFrames().serializeValue(frame)))));
      producer.flush();
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
      assertThat(n).isEqualTo(frames);
    }
  }

  /** Polls a camera query until the camera's last analysed frame is the one at {@code timeMs}. */
  private JsonNode awaitFrame(StreamsightRuntime runtime, String path, long timeMs)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = send(runtime, path);
      if (r.statusCode() == 200) {
        last = JSON.readTree(r.body());
        if (last.path("lastFrameTime").asLong() >= timeMs) {
          return last;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("camera never reached frame time " + timeMs + "; last answer " + last);
  }

  private JsonNode get(StreamsightRuntime runtime, String path) throws Exception {
    HttpResponse<String> r = send(runtime, path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> send(StreamsightRuntime runtime, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + runtime.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
