package io.streamsight.processors.video;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How a {@link VideoSource} reads.
 *
 * @param source a file path or a stream URL ({@code rtsp://}, {@code http://}, {@code udp://}...)
 * @param fps frames per second to keep (sampled by presentation time); 0 keeps every frame
 * @param latestOnly decode on a background thread and hand out only the newest frame, dropping the
 *     ones the consumer was too slow for, so a live stream never falls behind
 * @param reconnectMin first wait before reopening a stream that failed (doubles per failure)
 * @param reconnectMax longest wait between reconnects
 * @param maxReconnects reconnects in a row before giving up; -1 never gives up. Files are never
 *     reopened
 * @param start capture time of a file's first frame; null means when the file is opened
 * @param clock the clock for stream capture times and waits
 */
public record VideoSettings(
    String source,
    double fps,
    boolean latestOnly,
    Duration reconnectMin,
    Duration reconnectMax,
    int maxReconnects,
    Instant start,
    Clock clock) {

  public VideoSettings {
    requireNonNull(source, "source");
    requireNonNull(reconnectMin, "reconnectMin");
    requireNonNull(reconnectMax, "reconnectMax");
    requireNonNull(clock, "clock");
    if (fps < 0 || Double.isNaN(fps)) {
      throw new IllegalArgumentException("fps must be 0 (every frame) or positive: " + fps);
    }
  }

  /** Every frame of {@code source}; streams reconnect forever, from 0.5 s up to 30 s apart. */
  public static VideoSettings of(String source) {
    return new VideoSettings(
        source,
        0,
        false,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        -1,
        null,
        Clock.systemUTC());
  }

  public VideoSettings withFps(double fps) {
    return new VideoSettings(
        source, fps, latestOnly, reconnectMin, reconnectMax, maxReconnects, start, clock);
  }

  public VideoSettings withLatestOnly(boolean latestOnly) {
    return new VideoSettings(
        source, fps, latestOnly, reconnectMin, reconnectMax, maxReconnects, start, clock);
  }

  public VideoSettings withReconnects(Duration min, Duration max, int maxReconnects) {
    return new VideoSettings(source, fps, latestOnly, min, max, maxReconnects, start, clock);
  }

  public VideoSettings withStart(Instant start) {
    return new VideoSettings(
        source, fps, latestOnly, reconnectMin, reconnectMax, maxReconnects, start, clock);
  }

  /** Whether the source is a network stream (a URL with a scheme) rather than a file. */
  public boolean isStream() {
    String s = source.toLowerCase(Locale.ROOT);
    int scheme = s.indexOf("://");
    return scheme > 1 && !s.startsWith("file://");
  }
}
