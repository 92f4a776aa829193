package io.streamsight.processors.behavior;

import io.streamsight.processors.tracking.TimedBox;
import io.streamsight.processors.tracking.Track;
import java.util.List;

/**
 * What a person track's boxes say about a fall over the last {@code window}: was the person upright
 * (a tall box) within it, is the box now wide (lying), and how far did the top of the box drop, in
 * upright body heights. The pose model's torso angle, where it runs, confirms or replaces the box
 * cues (a person lying towards the camera keeps a tall box).
 *
 * @param aspect current box width / height
 * @param wasUpright a box in the window had aspect at most {@link RuleEngine#UPRIGHT_ASPECT}
 * @param lyingByBox current aspect at least {@link RuleEngine#LYING_ASPECT}
 * @param drop largest drop of the box top since an upright box in the window, in its heights
 * @param dropped {@code drop} at least {@link RuleEngine#DROP_HEIGHTS}
 */
public record FallSignals(
    double aspect, boolean wasUpright, boolean lyingByBox, double drop, boolean dropped) {

  /** The signals of a track's history over the last {@code windowMs}. */
  public static FallSignals of(Track track, long windowMs) {
    List<TimedBox> h = track.history();
    TimedBox now = h.get(h.size() - 1);
    double aspect = now.w() / Math.max(1e-3, now.h());
    boolean upright = false;
    double drop = 0;
    for (int i = 0; i < h.size() - 1; i++) {
      TimedBox b = h.get(i);
      if (now.timeMs() - b.timeMs() > windowMs) {
        continue;
      }
      double a = b.w() / Math.max(1e-3, b.h());
      if (a <= RuleEngine.UPRIGHT_ASPECT) {
        upright = true;
        drop = Math.max(drop, (now.y() - b.y()) / Math.max(1e-3, b.h()));
      }
    }
    return new FallSignals(
        aspect, upright, aspect >= RuleEngine.LYING_ASPECT, drop, drop >= RuleEngine.DROP_HEIGHTS);
  }

  /**
   * Worth a pose check: upright recently, and the box has widened and dropped since. Walking people
   * (narrow boxes whose top bobs) are not; the pose model costs about three crops per check.
   */
  public boolean candidate() {
    return wasUpright && aspect > 0.9 && drop >= RuleEngine.DROP_HEIGHTS / 2;
  }
}
