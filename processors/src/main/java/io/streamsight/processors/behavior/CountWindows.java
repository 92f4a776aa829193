package io.streamsight.processors.behavior;

import io.streamsight.events.ZoneCounts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tumbling event-time windows over per-frame count samples, for the offline analyser: the same
 * windows ({@code [k·size, (k+1)·size)} in capture time) and the same merge ({@link
 * ZoneCountsWindow#merge}) as the Kafka Streams windowed aggregate, emitted when stream time (the
 * newest sample) reaches the window's end, as {@code EmitStrategy.onWindowClose()} with no grace.
 */
public final class CountWindows {

  private final long sizeMs;
  private final Map<String, ZoneCounts> open = new LinkedHashMap<>();
  private final Map<String, Long> starts = new LinkedHashMap<>();
  private long streamTime = Long.MIN_VALUE;

  public CountWindows(long sizeMs) {
    if (sizeMs < 1) {
      throw new IllegalArgumentException("window size must be positive: " + sizeMs);
    }
    this.sizeMs = sizeMs;
  }

  /** Adds a sample; returns the windows it closed, oldest first. */
  public List<ZoneCounts> add(ZoneCounts sample) {
    long t = sample.getWindowStart().toEpochMilli();
    List<ZoneCounts> closed = advance(t);
    long start = Math.floorDiv(t, sizeMs) * sizeMs;
    String key = sample.getZoneId() + "@" + start;
    ZoneCounts agg =
        open.getOrDefault(
            key,
            ZoneCountsWindow.empty(sample.getCameraId(), sample.getZoneId(), sample.getKind()));
    open.put(key, ZoneCountsWindow.merge(agg, sample));
    starts.put(key, start);
    return closed;
  }

  /** Closes every open window (the end of the video). */
  public List<ZoneCounts> flush() {
    return advance(Long.MAX_VALUE);
  }

  private List<ZoneCounts> advance(long time) {
    streamTime = Math.max(streamTime, time);
    List<ZoneCounts> closed = new ArrayList<>();
    for (Iterator<Map.Entry<String, ZoneCounts>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, ZoneCounts> e = it.next();
      long start = starts.get(e.getKey());
      if (start + sizeMs <= streamTime) {
        closed.add(ZoneCountsWindow.withWindow(e.getValue(), start, start + sizeMs));
        starts.remove(e.getKey());
        it.remove();
      }
    }
    return closed;
  }
}
