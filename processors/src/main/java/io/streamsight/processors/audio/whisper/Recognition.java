package io.streamsight.processors.audio.whisper;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What Whisper heard in one clip.
 *
 * @param text the whole transcript, trimmed
 * @param segments with timestamps on, the spans Whisper marked; otherwise one per 30-second window
 *     (so one for a clip up to 30 s)
 * @param confidence {@code exp} of the mean log-probability of every generated token (end of text
 *     included), in (0, 1]; 0 when nothing was generated
 * @param language the language code of the first window, given or detected (e.g. {@code en}), or
 *     null for an English-only model
 */
public record Recognition(
    String text, List<Recognition.Segment> segments, double confidence, String language) {

  public Recognition {
    requireNonNull(text, "text");
    segments = List.copyOf(segments);
  }

  /**
   * A span of the clip.
   *
   * @param start seconds from the clip's start
   * @param end seconds from the clip's start
   * @param text the span's text, trimmed
   * @param confidence {@code exp} of the mean log-probability of the span's tokens
   */
  public record Segment(double start, double end, String text, double confidence) {
    public Segment {
      requireNonNull(text, "text");
    }
  }
}
