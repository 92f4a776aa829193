package io.streamsight.processors.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.BehaviorPhase;
import io.streamsight.events.Box;
import io.streamsight.events.Detection;
import io.streamsight.events.EventRef;
import io.streamsight.events.ZoneCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules on synthetic tracks: lifecycles, anti-flicker, hysteresis, directions. */
class RuleEngineTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final long FRAME_MS = 100;

  private final CameraState state = new CameraState();
  private final List<BehaviorEvent> events = new ArrayList<>();
  private final List<ZoneCounts> counts = new ArrayList<>();
  private int frame;

  @Test
  void shouldCountLineCrossingsInBothDirections() {
    CameraConfig config =
        CameraConfig.parse(
            """
            {"lines": [{"id": "door", "from": [300, 0], "to": [300, 500], "in": [400, 250]}],
             "rules": [{"id": "door-count", "type": "line_crossing", "line": "door"}]}
            """);
    // One person walks right (into the "in" side), another walks left.
    for (int f = 0; f < 30; f++) {
      run(config, person(150 + f * 10, 100), person(450 - f * 10, 300));
    }
    List<BehaviorEvent> starts = phase(BehaviorPhase.START);
    assertThat(starts).hasSize(2);
    assertThat(starts)
        .extracting(e -> e.getAttributes().get("direction"))
        .containsExactlyInAnyOrder("in", "out");
    assertThat(phase(BehaviorPhase.END)).hasSize(2);
    assertThat(state.lineTotals().get("door")).containsExactly(1, 1);
    long in =
        counts.stream()
            .filter(c -> c.getZoneId().equals("door"))
            .mapToLong(ZoneCounts::getInCount)
            .sum();
    long out =
        counts.stream()
            .filter(c -> c.getZoneId().equals("door"))
            .mapToLong(ZoneCounts::getOutCount)
            .sum();
    assertThat(in).isEqualTo(1);
    assertThat(out).isEqualTo(1);
  }

  @Test
  void shouldNotCountJitterOnTheLineOrAPassBeyondItsEnds() {
    CameraConfig config =
        CameraConfig.parse(
            """
            {"lines": [{"id": "door", "from": [300, 0], "to": [300, 200], "in": "right"}],
             "rules": [{"id": "door-count", "type": "line_crossing", "line": "door"}]}
            """);
    for (int f = 0; f < 30; f++) {
      // Feet at y=200 + ... : the first person hovers across x=300 (±2 px), the second walks past
      // below the segment's end.
      run(config, person(f % 2 == 0 ? 278 : 282, 50), person(100 + f * 15, 300));
    }
    assertThat(events).isEmpty();
  }

  @Test
  void shouldReportOccupancyWithHysteresis() {
    CameraConfig config =
        CameraConfig.parse(
            """
            {"zones": [{"id": "hall", "polygon": [[0, 0], [1000, 0], [1000, 1000], [0, 1000]]}],
             "rules": [{"id": "crowd", "type": "occupancy", "zone": "hall", "above": 3, "below": 1,
                        "minFrames": 2, "lingerSeconds": 0.5}]}
            """);
    run(config, 10, person(10, 10), person(200, 10));
    assertThat(events).isEmpty();
    run(config, 10, person(10, 10), person(200, 10), person(400, 10));
    assertThat(phase(BehaviorPhase.START)).hasSize(1);
    assertThat(phase(BehaviorPhase.START).get(0).getTrackIds()).hasSize(3);
    run(config, 20, person(10, 10), person(200, 10)); // 2 > below: still crowded
    assertThat(phase(BehaviorPhase.END)).isEmpty();
    assertThat(phase(BehaviorPhase.UPDATE)).isNotEmpty();
    run(config, 20, person(10, 10));
    assertThat(phase(BehaviorPhase.END)).hasSize(1);
    ZoneCounts last = counts.get(counts.size() - 1);
    assertThat(last.getOccupancyLast()).isEqualTo(1);
  }

  @Test
  void shouldStartAnIntrusionAfterMinFramesAndEndItAfterTheLinger() {
    CameraConfig config =
        CameraConfig.parse(
            """
            {"presence": {"minFrames": 1, "lingerSeconds": 0},
             "zones": [{"id": "vault", "polygon": [[500, 0], [800, 0], [800, 800], [500, 800]]}],
             "rules": [{"id": "no-entry", "type": "intrusion", "zone": "vault", "classes": ["person"],
                        "minFrames": 3, "lingerSeconds": 1.0}]}
            """);
    for (int x = 390; x <= 470; x += 20) {
      run(config, person(x, 100)); // walking towards the zone, anchor outside
    }
    run(config, person(490, 100));
    run(config, person(510, 100)); // 2 frames inside: not yet
    assertThat(events).isEmpty();
    run(config, person(530, 100));
    assertThat(phase(BehaviorPhase.START)).hasSize(1);
    for (int x = 520; x >= 420; x -= 20) {
      run(config, person(x, 100)); // walks out; 0.4 s outside: lingers
    }
    assertThat(phase(BehaviorPhase.END)).isEmpty();
    run(config, 6, person(420, 100));
    assertThat(phase(BehaviorPhase.END)).hasSize(1);
    BehaviorEvent end = phase(BehaviorPhase.END).get(0);
    assertThat(end.getEventId()).isEqualTo(phase(BehaviorPhase.START).get(0).getEventId());
    assertThat(end.getEndTime()).isNotNull();
    assertThat(end.getSeverity().name()).isEqualTo("HIGH");
  }

  @Test
  void shouldCombineDwellClassAndHeading() {
    CameraConfig config =
        CameraConfig.parse(
            """
            {"zones": [{"id": "lobby", "polygon": [[0, 0], [2000, 0], [2000, 1000], [0, 1000]]}],
             "rules": [{"id": "loiter-east", "type": "dwell", "zone": "lobby", "classes": ["person"],
                        "seconds": 2, "heading": [1, 0], "minFrames": 1}]}
            """);
    // A person drifting east and a dog drifting east for 3 s; a person drifting west.
    for (int f = 0; f < 30; f++) {
      run(config, person(100 + f * 3, 100), dog(100 + f * 3, 500), person(1500 - f * 3, 300));
    }
    List<BehaviorEvent> starts = phase(BehaviorPhase.START);
    assertThat(starts).hasSize(1);
    assertThat(starts.get(0).getObjectClass()).isEqualTo("person");
    assertThat(Double.parseDouble(starts.get(0).getAttributes().get("dwellSeconds")))
        .isGreaterThanOrEqualTo(2.0);
  }

  @Test
  void shouldFlagABagLeftAloneButNotOneWithItsOwner() {
    CameraConfig config =
        CameraConfig.parse(
            """
            {"rules": [{"id": "left-bag", "type": "stationary_object", "seconds": 2,
                        "personDistance": 200, "minFrames": 1}]}
            """);
    for (int f = 0; f < 25; f++) {
      run(config, bag(100, 400), person(150, 300)); // owner beside it
    }
    assertThat(events).isEmpty();
    for (int f = 0; f < 25; f++) {
      run(config, bag(100, 400), person(150 + (f + 1) * 30, 300)); // owner walks away
    }
    assertThat(phase(BehaviorPhase.START)).hasSize(1);
    assertThat(phase(BehaviorPhase.START).get(0).getObjectClass()).isEqualTo("suitcase");
  }

  @Test
  void shouldDetectAFallFromTheBoxAlone() {
    CameraConfig config =
        CameraConfig.parse(
            """
            {"rules": [{"id": "falls", "type": "fall", "pose": false, "minFrames": 2}]}
            """);
    for (int f = 0; f < 10; f++) {
      run(config, det("person", 300, 100, 60, 170, 0.9f));
    }
    // Down within 0.4 s: the box becomes wide and low.
    run(config, det("person", 290, 160, 90, 110, 0.9f));
    run(config, det("person", 270, 200, 130, 75, 0.9f));
    for (int f = 0; f < 5; f++) {
      run(config, det("person", 260, 210, 150, 65, 0.9f));
    }
    assertThat(phase(BehaviorPhase.START)).hasSize(1);
    assertThat(phase(BehaviorPhase.START).get(0).getSeverity().name()).isEqualTo("CRITICAL");
  }

  @Test
  void shouldNotCallAPersonWhoWasAlwaysWideAFall() {
    CameraConfig config =
        CameraConfig.parse(
            "{\"rules\": [{\"id\": \"falls\", \"type\": \"fall\", \"pose\": false}]}");
    for (int f = 0; f < 30; f++) {
      run(config, det("person", 260, 210, 150, 65, 0.9f));
    }
    assertThat(events).isEmpty();
  }

  @Test
  void shouldFlagSpeedInPixelsAndMetres() {
    CameraConfig config =
        CameraConfig.parse(
            """
            {"homography": [0.01, 0, 0, 0, 0.01, 0, 0, 0, 1],
             "rules": [{"id": "fast-px", "type": "speed", "above": 150, "minFrames": 2},
                       {"id": "fast-m", "type": "speed", "unit": "m/s", "above": 1.5, "minFrames": 2}]}
            """);
    for (int f = 0; f < 10; f++) {
      run(config, person(100 + f * 10, 100)); // 100 px/s = 1 m/s
    }
    assertThat(events).isEmpty();
    for (int f = 10; f < 25; f++) {
      run(config, person(190 + (f - 9) * 20, 100)); // 200 px/s = 2 m/s
    }
    assertThat(phase(BehaviorPhase.START))
        .extracting(BehaviorEvent::getRuleId)
        .containsExactlyInAnyOrder("fast-px", "fast-m");
  }

  @Test
  void shouldEndOpenEventsOfARuleRemovedFromTheConfig() {
    String zone = "{\"id\": \"z\", \"polygon\": [[0, 0], [1000, 0], [1000, 1000], [0, 1000]]}";
    CameraConfig with =
        CameraConfig.parse(
            "{\"zones\": ["
                + zone
                + "], \"rules\": [{\"id\": \"in-z\", \"type\": \"intrusion\", \"zone\": \"z\", \"minFrames\": 1}]}");
    CameraConfig without = CameraConfig.parse("{\"zones\": [" + zone + "]}");
    run(with, 5, person(100, 100));
    assertThat(phase(BehaviorPhase.START)).hasSize(1);
    run(without, 1, person(100, 100));
    assertThat(phase(BehaviorPhase.END)).hasSize(1);
    assertThat(state.openEvents()).isEmpty();
  }

  @Test
  void shouldSurviveASaveAndRestoreMidEvent() {
    CameraConfig config =
        CameraConfig.parse(
            """
            {"zones": [{"id": "z", "polygon": [[0, 0], [1000, 0], [1000, 1000], [0, 1000]]}],
             "rules": [{"id": "in-z", "type": "intrusion", "zone": "z", "minFrames": 1}]}
            """);
    run(config, 5, person(100, 100));
    CameraState restored = CameraState.fromBytes(state.toBytes());
    assertThat(restored.openEvents()).isEqualTo(state.openEvents());
    assertThat(restored.occupants()).isEqualTo(state.occupants());
    assertThat(restored.tracker().nextId()).isEqualTo(state.tracker().nextId());
  }

  @Test
  void shouldRefuseAConfigWithATypoOrAMissingReference() {
    assertThatThrownBy(() -> CameraConfig.parse("{\"zonez\": []}"))
        .hasMessageContaining("unknown key 'zonez'");
    assertThatThrownBy(
            () ->
                CameraConfig.parse(
                    "{\"rules\": [{\"id\": \"r\", \"type\": \"dwell\", \"zone\": \"nope\"}]}"))
        .hasMessageContaining("no zone 'nope'");
    assertThatThrownBy(
            () ->
                CameraConfig.parse(
                    "{\"rules\": [{\"id\": \"r\", \"type\": \"speed\", \"unit\": \"m/s\"}]}"))
        .hasMessageContaining("homography");
    assertThatThrownBy(
            () ->
                CameraConfig.parse(
                    "{\"lines\": [{\"id\": \"l\", \"from\": [0,0], \"to\": [1,1]}]}"))
        .hasMessageContaining("in");
    assertThatThrownBy(() -> CameraConfig.parse("[1]")).hasMessageContaining("JSON object");
  }

  private void run(CameraConfig config, int frames, Detection... detections) {
    for (int i = 0; i < frames; i++) {
      run(config, detections);
    }
  }

  private void run(CameraConfig config, Detection... detections) {
    long t = T0 + frame * FRAME_MS;
    EventRef ref =
        EventRef.newBuilder()
            .setEventId("frame-" + frame)
            .setSourceId("cam")
            .setCaptureTime(Instant.ofEpochMilli(t))
            .setSequence((long) frame)
            .build();
    frame++;
    FrameAnalysis result =
        CameraAnalyzer.analyze("cam", config, state, ref, List.of(detections), null);
    assertThat(result.analysed()).isTrue();
    events.addAll(result.events());
    counts.addAll(result.counts());
  }

  private List<BehaviorEvent> phase(BehaviorPhase phase) {
    return events.stream().filter(e -> e.getPhase() == phase).toList();
  }

  private static Detection person(float x, float bottom) {
    return det("person", x, bottom - 100, 40, 100, 0.9f);
  }

  private static Detection dog(float x, float bottom) {
    return det("dog", x, bottom - 40, 60, 40, 0.9f);
  }

  private static Detection bag(float x, float bottom) {
    return det("suitcase", x, bottom - 50, 40, 50, 0.8f);
  }

  static Detection det(String label, float x, float y, float w, float h, float score) {
    return Detection.newBuilder()
        .setLabel(label)
        .setScore(score)
        .setBox(Box.newBuilder().setX(x).setY(y).setW(w).setH(h).build())
        .build();
  }

  @SuppressWarnings("unused")
  private static Map<String, String> none() {
    return Map.of();
  }
}
