package io.streamsight.processors.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.ZoneCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tumbling windows over per-frame samples, as the offline analyser emits them. */
class CountWindowsTest {

  @Test
  void shouldMergeSamplesIntoTumblingWindowsAndEmitThemWhenTimePassesTheirEnd() {
    CountWindows windows = new CountWindows(1000);
    List<ZoneCounts> closed = new ArrayList<>();
    closed.addAll(windows.add(zone(100, 2, "person")));
    closed.addAll(windows.add(zone(500, 4, "person")));
    closed.addAll(windows.add(line(600, 1, 0)));
    assertThat(closed).isEmpty();
    closed.addAll(windows.add(zone(1000, 1, "person"))); // closes [0, 1000)
    assertThat(closed).hasSize(2);
    ZoneCounts zone = closed.stream().filter(c -> c.getKind().equals("zone")).findFirst().get();
    assertThat(zone.getFrames()).isEqualTo(2);
    assertThat(zone.getOccupancyMin()).isEqualTo(2);
    assertThat(zone.getOccupancyMax()).isEqualTo(4);
    assertThat(zone.getOccupancyMean()).isEqualTo(3.0);
    assertThat(zone.getOccupancyLast()).isEqualTo(4);
    assertThat(zone.getMaxByClass()).containsEntry("person", 4);
    assertThat(zone.getWindowStart()).isEqualTo(Instant.ofEpochMilli(0));
    assertThat(zone.getWindowEnd()).isEqualTo(Instant.ofEpochMilli(1000));
    ZoneCounts line = closed.stream().filter(c -> c.getKind().equals("line")).findFirst().get();
    assertThat(line.getInCount()).isEqualTo(1);
    assertThat(line.getInByClass()).containsEntry("person", 1L);

    List<ZoneCounts> rest = windows.flush();
    assertThat(rest).hasSize(1);
    assertThat(rest.get(0).getOccupancyLast()).isEqualTo(1);
  }

  private static ZoneCounts zone(long t, int count, String label) {
    return ZoneCounts.newBuilder(ZoneCountsWindow.empty("cam", "z", "zone"))
        .setWindowStart(Instant.ofEpochMilli(t))
        .setWindowEnd(Instant.ofEpochMilli(t))
        .setFrames(1)
        .setOccupancyMin(count)
        .setOccupancyMax(count)
        .setOccupancyMean(count)
        .setOccupancyLast(count)
        .setMaxByClass(Map.of(label, count))
        .build();
  }

  private static ZoneCounts line(long t, long in, long out) {
    return ZoneCounts.newBuilder(ZoneCountsWindow.empty("cam", "l", "line"))
        .setWindowStart(Instant.ofEpochMilli(t))
        .setWindowEnd(Instant.ofEpochMilli(t))
        .setFrames(1)
        .setInCount(in)
        .setOutCount(out)
        .setInByClass(Map.of("person", in))
        .setOutByClass(Map.of())
        .build();
  }
}
