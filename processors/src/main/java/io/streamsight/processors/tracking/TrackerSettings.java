package io.streamsight.processors.tracking;

import java.util.Set;

/**
 * ByteTrack's knobs.
 *
 * @param highScore detections at or above this score take part in the first association and may
 *     start tracks (ByteTrack's {@code track_thresh}, 0.5)
 * @param lowScore detections between this and {@code highScore} are only used to keep existing
 *     tracks alive in the second association (ByteTrack drops below 0.1)
 * @param newTrackScore a high detection left unmatched starts a track only from this score
 *     (ByteTrack: {@code track_thresh + 0.1})
 * @param matchIou smallest IoU (after score fusion) for the first association (ByteTrack's {@code
 *     match_thresh} 0.8 as a cost, i.e. IoU 0.2)
 * @param lowMatchIou smallest IoU for the second association with low-score detections (0.5)
 * @param tentativeMatchIou smallest IoU to match a tentative track (0.3)
 * @param minHits consecutive matched frames before a tentative track is confirmed and gets an id
 * @param maxLostMillis how long a lost track is kept (predicted) before it is removed
 * @param historySize boxes kept per track (the newest ones)
 * @param classes labels tracked; empty tracks every label
 */
public record TrackerSettings(
    double highScore,
    double lowScore,
    double newTrackScore,
    double matchIou,
    double lowMatchIou,
    double tentativeMatchIou,
    int minHits,
    long maxLostMillis,
    int historySize,
    Set<String> classes) {

  /** ByteTrack's defaults; lost tracks kept 3 s; 30 boxes of history; every class. */
  public static final TrackerSettings DEFAULT =
      new TrackerSettings(0.5, 0.1, 0.6, 0.2, 0.5, 0.3, 2, 3000, 30, Set.of());

  public TrackerSettings {
    if (!(lowScore >= 0 && lowScore <= highScore && highScore <= 1)) {
      throw new IllegalArgumentException(
          "tracker scores must satisfy 0 <= lowScore <= highScore <= 1");
    }
    if (minHits < 1 || historySize < 2 || maxLostMillis < 0) {
      throw new IllegalArgumentException(
          "tracker minHits >= 1, historySize >= 2 and maxLostMillis >= 0 are required");
    }
    classes = Set.copyOf(classes);
  }

  /** Whether detections of this label are tracked. */
  public boolean tracks(String label) {
    return classes.isEmpty() || classes.contains(label);
  }
}
