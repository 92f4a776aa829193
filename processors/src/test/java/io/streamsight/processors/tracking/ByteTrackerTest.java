package io.streamsight.processors.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.Box;
import io.streamsight.events.Detection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ByteTrack on synthetic box sequences: crossings, occlusions, classes, restarts. */
class ByteTrackerTest {

  private static final long FRAME_MS = 100;
  private final ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULT);

  @Test
  void shouldKeepIdentitiesWhenTwoPeopleCrossPaths() {
    TrackerState state = new TrackerState();
    Map<Long, List<Float>> xsById = new HashMap<>();
    // A walks right, B walks left, same row: their boxes overlap fully mid-way.
    for (int f = 0; f < 40; f++) {
      float ax = 100 + f * 10;
      float bx = 500 - f * 10;
      step(state, f, person(ax, 200, 0.9f), person(bx, 205, 0.85f));
      for (Track t : state.visible()) {
        xsById.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(t.lastBox().x());
      }
    }
    assertThat(xsById).hasSize(2);
    for (List<Float> xs : xsById.values()) {
      // Each id moves monotonically one way: no identity swap at the crossing.
      boolean right = xs.get(xs.size() - 1) > xs.get(0);
      for (int i = 1; i < xs.size(); i++) {
        assertThat(right ? xs.get(i) >= xs.get(i - 1) : xs.get(i) <= xs.get(i - 1))
            .as("monotone x for a track: %s", xs)
            .isTrue();
      }
    }
  }

  @Test
  void shouldResumeTheSameIdAfterAShortOcclusion() {
    TrackerState state = new TrackerState();
    for (int f = 0; f < 10; f++) {
      step(state, f, person(100 + f * 8, 100, 0.9f));
    }
    long id = state.visible().get(0).id();
    for (int f = 10; f < 16; f++) {
      step(state, f); // hidden behind a pillar for 0.6 s
      assertThat(state.tracks()).extracting(Track::status).containsExactly(TrackStatus.LOST);
    }
    for (int f = 16; f < 20; f++) {
      step(state, f, person(100 + f * 8, 100, 0.9f));
    }
    assertThat(state.visible()).extracting(Track::id).containsExactly(id);
  }

  @Test
  void shouldKeepATrackAliveOnLowScoreDetections() {
    TrackerState state = new TrackerState();
    for (int f = 0; f < 5; f++) {
      step(state, f, person(100 + f * 5, 100, 0.9f));
    }
    long id = state.visible().get(0).id();
    for (int f = 5; f < 10; f++) {
      step(state, f, person(100 + f * 5, 100, 0.25f)); // partly occluded: the score drops
      assertThat(state.visible()).extracting(Track::id).containsExactly(id);
    }
  }

  @Test
  void shouldNotStartTracksFromLowScoreDetections() {
    TrackerState state = new TrackerState();
    for (int f = 0; f < 5; f++) {
      step(state, f, person(100, 100, 0.3f));
    }
    assertThat(state.tracks()).isEmpty();
  }

  @Test
  void shouldGiveNoIdToASingleFrameFalsePositive() {
    TrackerState state = new TrackerState();
    step(state, 0, person(100, 100, 0.9f));
    step(state, 1);
    step(state, 2, person(300, 100, 0.9f));
    step(state, 3, person(300, 100, 0.9f));
    assertThat(state.visible()).extracting(Track::id).containsExactly(1L);
  }

  @Test
  void shouldTrackEachClassSeparately() {
    TrackerState state = new TrackerState();
    for (int f = 0; f < 5; f++) {
      step(state, f, person(100, 100, 0.9f), det("dog", 100, 100, 0.9f));
    }
    assertThat(state.visible()).extracting(Track::label).containsExactlyInAnyOrder("person", "dog");
  }

  @Test
  void shouldRemoveATrackLostLongerThanTheLimit() {
    TrackerState state = new TrackerState();
    for (int f = 0; f < 5; f++) {
      step(state, f, person(100, 100, 0.9f));
    }
    for (int f = 5; f < 5 + 31; f++) {
      step(state, f);
    }
    assertThat(state.tracks()).isEmpty();
    for (int f = 40; f < 43; f++) {
      step(state, f, person(100, 100, 0.9f));
    }
    assertThat(state.visible()).extracting(Track::id).containsExactly(2L);
  }

  @Test
  void shouldResumeTracksWithTheSameIdsAfterASaveAndRestore() throws IOException {
    TrackerState state = new TrackerState();
    for (int f = 0; f < 10; f++) {
      step(state, f, person(100 + f * 6, 100, 0.9f), person(400, 300 - f * 4, 0.8f));
    }
    List<Long> before = state.visible().stream().map(Track::id).sorted().toList();

    TrackerState restored = roundTrip(state);
    for (int f = 10; f < 15; f++) {
      step(restored, f, person(100 + f * 6, 100, 0.9f), person(400, 300 - f * 4, 0.8f));
    }
    assertThat(restored.visible().stream().map(Track::id).sorted().toList()).isEqualTo(before);
    step(restored, 15, person(100 + 15 * 6, 100, 0.9f), person(400, 240, 0.8f), person(10, 10, 1));
    step(restored, 16, person(100 + 16 * 6, 100, 0.9f), person(400, 236, 0.8f), person(10, 10, 1));
    assertThat(restored.visible()).extracting(Track::id).contains(3L);
  }

  @Test
  void shouldIgnoreAFrameThatIsNotNewerThanTheLastOne() {
    TrackerState state = new TrackerState();
    step(state, 0, person(100, 100, 0.9f));
    step(state, 1, person(100, 100, 0.9f));
    assertThat(tracker.update(state, List.of(person(500, 500, 0.9f)), 1 * FRAME_MS)).isFalse();
    assertThat(state.frame()).isEqualTo(2);
    assertThat(state.tracks()).hasSize(1);
  }

  @Test
  void shouldEstimateVelocityFromTheHistory() {
    TrackerState state = new TrackerState();
    for (int f = 0; f < 10; f++) {
      step(state, f, person(100 + f * 5, 100, 0.9f));
    }
    float[] v = state.visible().get(0).velocityPerSecond(5);
    assertThat(v[0]).isCloseTo(50f, org.assertj.core.data.Offset.offset(0.5f));
    assertThat(v[1]).isCloseTo(0f, org.assertj.core.data.Offset.offset(0.5f));
    assertThat(state.visible().get(0).velocityPerFrame()[0])
        .isCloseTo(5f, org.assertj.core.data.Offset.offset(1.5f));
  }

  private void step(TrackerState state, int frame, Detection... detections) {
    assertThat(tracker.update(state, List.of(detections), 1_000_000 + frame * FRAME_MS)).isTrue();
  }

  private static TrackerState roundTrip(TrackerState state) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    state.write(new DataOutputStream(bytes));
    return TrackerState.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }

  static Detection person(float x, float y, float score) {
    return det("person", x, y, score);
  }

  static Detection det(String label, float x, float y, float score) {
    return Detection.newBuilder()
        .setLabel(label)
        .setScore(score)
        .setBox(Box.newBuilder().setX(x).setY(y).setW(40).setH(100).build())
        .build();
  }
}
