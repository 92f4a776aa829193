package io.streamsight.processors.behavior;

import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.ZoneCounts;
import java.util.List;

/**
 * What one frame of one camera produced: behaviour events (START, UPDATE, END) and one counts
 * sample per zone and line (a {@link ZoneCounts} covering just this frame: {@code frames} = 1,
 * window start = end = capture time), which windowing then merges with {@link
 * ZoneCountsWindow#merge}.
 *
 * @param analysed false when the frame was skipped (not newer than the camera's last frame, e.g. a
 *     replay after a restart); then both lists are empty
 */
public record FrameAnalysis(boolean analysed, List<BehaviorEvent> events, List<ZoneCounts> counts) {

  /** The result for a frame that was not analysed. */
  public static final FrameAnalysis SKIPPED = new FrameAnalysis(false, List.of(), List.of());

  public FrameAnalysis {
    events = List.copyOf(events);
    counts = List.copyOf(counts);
  }
}
