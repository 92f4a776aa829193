package io.streamsight.processors.tracking;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.Box;
import io.streamsight.events.Detection;
import java.util.ArrayList;
import java.util.List;

/**
 * ByteTrack (Zhang et al., 2022) over a camera's {@link TrackerState}: a Kalman filter per track,
 * IoU association by optimal assignment ({@link Hungarian}), and two stages per frame: confirmed
 * and lost tracks are matched to the high-score detections first, then the confirmed tracks left
 * over to the low-score ones, which keeps occluded, blurred objects (whose score drops) on their
 * track instead of losing them. Tentative tracks then take what high detections remain; the rest
 * start new tentative tracks. Association never crosses classes: a person track only takes person
 * detections.
 *
 * <p>A tentative track is confirmed (and gets the camera's next id) after {@link
 * TrackerSettings#minHits()} consecutive matches and removed at its first miss; a confirmed track
 * that misses becomes lost, is predicted on, and is removed after {@link
 * TrackerSettings#maxLostMillis()} without a match. Stateless and thread-safe; the state is passed
 * in.
 */
public final class ByteTracker {

  private final TrackerSettings settings;

  public ByteTracker(TrackerSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  public TrackerSettings settings() {
    return settings;
  }

  /**
   * Advances the tracks by one frame.
   *
   * @param state the camera's tracks, changed in place
   * @param detections the frame's detections (any order; untracked classes and scores below {@link
   *     TrackerSettings#lowScore()} are ignored)
   * @param timeMs capture time of the frame
   * @return false, changing nothing, when the frame is not newer than the last one (a replay after
   *     a restart), true otherwise
   */
  public boolean update(TrackerState state, List<Detection> detections, long timeMs) {
    if (timeMs <= state.lastTimeMs()) {
      return false;
    }
    state.advance(timeMs);
    long frame = state.frame();

    List<Detection> high = new ArrayList<>();
    List<Detection> low = new ArrayList<>();
    for (Detection d : detections) {
      if (!settings.tracks(d.getLabel()) || d.getBox().getW() <= 1 || d.getBox().getH() <= 1) {
        continue;
      }
      if (d.getScore() >= settings.highScore()) {
        high.add(d);
      } else if (d.getScore() >= settings.lowScore()) {
        low.add(d);
      }
    }

    List<Track> pool = new ArrayList<>();
    List<Track> tentative = new ArrayList<>();
    for (Track t : state.tracks()) {
      if (t.status() == TrackStatus.LOST) {
        t.mean()[7] = 0; // as ByteTrack: a lost box keeps its height
      }
      BoxKalmanFilter.predict(t.mean(), t.cov());
      (t.status() == TrackStatus.TENTATIVE ? tentative : pool).add(t);
    }

    // Stage 1: confirmed and lost tracks against high-score detections (IoU fused with score).
    boolean[] highUsed = new boolean[high.size()];
    List<Track> unmatched = match(pool, high, highUsed, settings.matchIou(), true, timeMs, frame);
    // Stage 2: confirmed tracks still unmatched against low-score detections.
    List<Track> stillTracked =
        unmatched.stream().filter(t -> t.status() == TrackStatus.CONFIRMED).toList();
    boolean[] lowUsed = new boolean[low.size()];
    List<Track> missed =
        match(stillTracked, low, lowUsed, settings.lowMatchIou(), false, timeMs, frame);
    for (Track t : missed) {
      t.setStatus(TrackStatus.LOST);
    }

    // Stage 3: tentative tracks against the high detections left.
    List<Detection> highLeft = new ArrayList<>();
    for (int j = 0; j < high.size(); j++) {
      if (!highUsed[j]) {
        highLeft.add(high.get(j));
      }
    }
    boolean[] leftUsed = new boolean[highLeft.size()];
    List<Track> failed =
        match(tentative, highLeft, leftUsed, settings.tentativeMatchIou(), true, timeMs, frame);
    for (Track t : failed) {
      t.setStatus(TrackStatus.REMOVED);
    }
    for (Track t : tentative) {
      if (t.status() == TrackStatus.TENTATIVE && t.hits() >= settings.minHits()) {
        confirm(state, t);
      }
    }

    // New tentative tracks from confident detections nobody took.
    for (int j = 0; j < highLeft.size(); j++) {
      Detection d = highLeft.get(j);
      if (leftUsed[j] || d.getScore() < settings.newTrackScore()) {
        continue;
      }
      Track t = new Track(d.getLabel(), TrackStatus.TENTATIVE);
      BoxKalmanFilter.initiate(measurement(d.getBox()), t.mean(), t.cov());
      matched(t, d, timeMs, frame);
      state.tracks().add(t);
      if (settings.minHits() <= 1) {
        confirm(state, t);
      }
    }

    for (Track t : state.tracks()) {
      if (t.status() == TrackStatus.LOST && timeMs - t.lastSeenMs() > settings.maxLostMillis()) {
        t.setStatus(TrackStatus.REMOVED);
      }
    }
    state.tracks().removeIf(t -> t.status() == TrackStatus.REMOVED);
    return true;
  }

  private static void confirm(TrackerState state, Track t) {
    t.setStatus(TrackStatus.CONFIRMED);
    if (t.id() == 0) {
      t.setId(state.takeId());
    }
  }

  /**
   * Optimal IoU assignment of tracks to detections of the same class; matched tracks are updated
   * (and a lost one becomes confirmed again). Returns the tracks left unmatched.
   */
  private List<Track> match(
      List<Track> tracks,
      List<Detection> dets,
      boolean[] used,
      double minIou,
      boolean fuseScore,
      long timeMs,
      long frame) {
    if (tracks.isEmpty()) {
      return List.of();
    }
    double[][] cost = new double[tracks.size()][dets.size()];
    for (int i = 0; i < tracks.size(); i++) {
      Track t = tracks.get(i);
      float[] tb = t.box();
      for (int j = 0; j < dets.size(); j++) {
        Detection d = dets.get(j);
        if (!d.getLabel().equals(t.label())) {
          cost[i][j] = Double.POSITIVE_INFINITY;
          continue;
        }
        double iou = iou(tb, d.getBox());
        // Gate on the plain IoU; rank by IoU × score (ByteTrack's fuse_score) when asked.
        cost[i][j] =
            iou < minIou ? Double.POSITIVE_INFINITY : 1 - (fuseScore ? iou * d.getScore() : iou);
      }
    }
    int[] assignment = Hungarian.assign(cost, 1.0);
    List<Track> left = new ArrayList<>();
    for (int i = 0; i < tracks.size(); i++) {
      int j = assignment[i];
      Track t = tracks.get(i);
      if (j < 0) {
        left.add(t);
        continue;
      }
      used[j] = true;
      Detection d = dets.get(j);
      BoxKalmanFilter.update(t.mean(), t.cov(), measurement(d.getBox()));
      matched(t, d, timeMs, frame);
      if (t.status() == TrackStatus.LOST) {
        t.setStatus(TrackStatus.CONFIRMED);
      }
    }
    return left;
  }

  private void matched(Track t, Detection d, long timeMs, long frame) {
    Box b = d.getBox();
    t.matched(
        b.getX(),
        b.getY(),
        b.getW(),
        b.getH(),
        d.getScore(),
        timeMs,
        frame,
        settings.historySize());
  }

  private static double[] measurement(Box b) {
    return new double[] {
      b.getX() + b.getW() / 2.0, b.getY() + b.getH() / 2.0, b.getW() / (double) b.getH(), b.getH()
    };
  }

  /** Intersection over union of a track box {x, y, w, h} and a detection box. */
  static double iou(float[] a, Box b) {
    double ix = Math.max(0, Math.min(a[0] + a[2], b.getX() + b.getW()) - Math.max(a[0], b.getX()));
    double iy = Math.max(0, Math.min(a[1] + a[3], b.getY() + b.getH()) - Math.max(a[1], b.getY()));
    double inter = ix * iy;
    double union = (double) a[2] * a[3] + (double) b.getW() * b.getH() - inter;
    return union <= 0 ? 0 : inter / union;
  }
}
