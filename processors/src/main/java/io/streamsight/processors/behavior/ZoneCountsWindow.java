package io.streamsight.processors.behavior;

import io.streamsight.events.ZoneCounts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merging per-frame {@link ZoneCounts} samples into a window's counts: the aggregation both the
 * Kafka Streams windowed aggregate and the offline analyser use, so both give the same numbers.
 */
public final class ZoneCountsWindow {

  private ZoneCountsWindow() {}

  /** An empty aggregate: no frames yet. */
  public static ZoneCounts empty(String cameraId, String zoneId, String kind) {
    return ZoneCounts.newBuilder()
        .setCameraId(cameraId)
        .setZoneId(zoneId)
        .setKind(kind)
        .setWindowStart(Instant.EPOCH)
        .setWindowEnd(Instant.EPOCH)
        .setFrames(0)
        .setMaxByClass(new LinkedHashMap<>())
        .setInByClass(new LinkedHashMap<>())
        .setOutByClass(new LinkedHashMap<>())
        .build();
  }

  /** {@code aggregate} with {@code sample} added (neither is changed); the window is kept. */
  public static ZoneCounts merge(ZoneCounts aggregate, ZoneCounts sample) {
    int frames = aggregate.getFrames() + sample.getFrames();
    boolean first = aggregate.getFrames() == 0;
    Map<String, Integer> maxByClass = new LinkedHashMap<>(aggregate.getMaxByClass());
    sample.getMaxByClass().forEach((k, v) -> maxByClass.merge(k, v, Math::max));
    Map<String, Long> in = new LinkedHashMap<>(aggregate.getInByClass());
    sample.getInByClass().forEach((k, v) -> in.merge(k, v, Long::sum));
    Map<String, Long> out = new LinkedHashMap<>(aggregate.getOutByClass());
    sample.getOutByClass().forEach((k, v) -> out.merge(k, v, Long::sum));
    double mean =
        frames == 0
            ? 0
            : (aggregate.getOccupancyMean() * aggregate.getFrames()
                    + sample.getOccupancyMean() * sample.getFrames())
                / frames;
    return ZoneCounts.newBuilder(aggregate)
        .setCameraId(sample.getCameraId())
        .setZoneId(sample.getZoneId())
        .setKind(sample.getKind())
        .setFrames(frames)
        .setOccupancyMin(
            first
                ? sample.getOccupancyMin()
                : Math.min(aggregate.getOccupancyMin(), sample.getOccupancyMin()))
        .setOccupancyMax(Math.max(aggregate.getOccupancyMax(), sample.getOccupancyMax()))
        .setOccupancyMean(mean)
        .setOccupancyLast(sample.getOccupancyLast())
        .setMaxByClass(maxByClass)
        .setInCount(aggregate.getInCount() + sample.getInCount())
        .setOutCount(aggregate.getOutCount() + sample.getOutCount())
        .setInByClass(in)
        .setOutByClass(out)
        .build();
  }

  /** The aggregate stamped with its window. */
  public static ZoneCounts withWindow(ZoneCounts aggregate, long startMs, long endMs) {
    return ZoneCounts.newBuilder(aggregate)
        .setWindowStart(Instant.ofEpochMilli(startMs))
        .setWindowEnd(Instant.ofEpochMilli(endMs))
        .build();
  }
}
