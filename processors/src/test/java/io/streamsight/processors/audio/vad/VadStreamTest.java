package io.streamsight.processors.audio.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The segmenter alone, driven by chosen speech probabilities (one per 512-sample chunk). */
class VadStreamTest {

  private static final int C = SileroVad.CHUNK;

  /** Feeds one chunk per probability and finishes; returns [start, end] pairs in chunks. */
  private static List<long[]> segments(VadSettings settings, float... probabilities) {
    VadStream stream = new VadStream(settings);
    stream.append(new float[probabilities.length * C]);
    for (float p : probabilities) {
      stream.accept(p, new float[SileroVad.STATE]);
    }
    stream.finish();
    return stream.drainClosed().stream().map(s -> new long[] {s.start(), s.end()}).toList();
  }

  /** Settings in chunk units: min speech 3 chunks, min silence 2, no padding, max 40. */
  private static VadSettings inChunks(int padMs) {
    return new VadSettings(0.5f, 0.35f, 3 * 32, 2 * 32, padMs, 40 * 32);
  }

  @Test
  void shouldOpenAtTheThresholdAndCloseAfterTheMinimumSilence() {
    float[] p = {0.1f, 0.9f, 0.9f, 0.9f, 0.9f, 0.1f, 0.1f, 0.1f, 0.1f};
    assertThat(segments(inChunks(0), p)).containsExactly(new long[] {C, 5L * C});
  }

  @Test
  void shouldKeepSpeechThroughProbabilitiesBetweenTheTwoThresholdsAndShortPauses() {
    // 0.4 is below the threshold but above the negative one; one quiet chunk is a short pause.
    float[] p = {0.9f, 0.4f, 0.4f, 0.9f, 0.1f, 0.9f, 0.9f, 0.1f, 0.1f, 0.1f};
    assertThat(segments(inChunks(0), p)).containsExactly(new long[] {0, 7L * C});
    // Between the thresholds never starts speech.
    assertThat(segments(inChunks(0), 0.1f, 0.45f, 0.45f, 0.45f, 0.45f, 0.1f)).isEmpty();
  }

  @Test
  void shouldDropSpeechShorterThanTheMinimum() {
    assertThat(segments(inChunks(0), 0.1f, 0.9f, 0.9f, 0.1f, 0.1f, 0.1f)).isEmpty();
  }

  @Test
  void shouldPadBothSidesWithoutOverlappingTheSegmentBefore() {
    int pad = 2 * 32; // two chunks, the whole minimum silence
    float[] p = {0.1f, 0.1f, 0.1f, 0.9f, 0.9f, 0.9f, 0.1f, 0.1f, 0.9f, 0.9f, 0.9f, 0.1f, 0.1f};
    assertThat(segments(inChunks(pad), p))
        .containsExactly(new long[] {1L * C, 8L * C}, new long[] {8L * C, 13L * C});
  }

  @Test
  void shouldSplitSpeechAtTheMaximumLength() {
    float[] p = new float[100];
    java.util.Arrays.fill(p, 0.9f);
    List<long[]> got = segments(inChunks(0), p);
    assertThat(got)
        .containsExactly(
            new long[] {0, 40L * C}, new long[] {40L * C, 80L * C}, new long[] {80L * C, 100L * C});
  }

  @Test
  void shouldCloseOpenSpeechAtTheEndOfTheStream() {
    assertThat(segments(inChunks(0), 0.1f, 0.9f, 0.9f, 0.9f, 0.9f))
        .containsExactly(new long[] {C, 5L * C});
  }

  @Test
  void shouldKeepAPauseInsideTheSegmentWhenTheMinimumSilenceIsLonger() {
    // A three-chunk pause: it ends speech at a two-chunk minimum silence, not at a five-chunk one
    // (a pharmacy source's order stays one utterance).
    float[] p = {0.9f, 0.9f, 0.9f, 0.1f, 0.1f, 0.1f, 0.9f, 0.9f, 0.9f, 0.1f, 0.1f, 0.1f};
    assertThat(segments(inChunks(0), p))
        .containsExactly(new long[] {0, 3L * C}, new long[] {6L * C, 9L * C});
    assertThat(segments(inChunks(0).withMinSilenceMs(5 * 32), p))
        .containsExactly(new long[] {0, 9L * C});
  }

  @Test
  void shouldCapThePaddingAtANewMinimumSilence() {
    VadSettings settings = VadSettings.defaults().withMinSilenceMs(10);
    assertThat(settings.minSilenceMs()).isEqualTo(10);
    assertThat(settings.speechPadMs()).isEqualTo(10);
  }

  @Test
  void shouldRefusePaddingLongerThanTheMinimumSilence() {
    assertThatThrownBy(() -> new VadSettings(0.5f, 0.35f, 250, 100, 200, 15_000))
        .hasMessageContaining("padding");
  }
}
