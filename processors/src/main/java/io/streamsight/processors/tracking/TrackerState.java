package io.streamsight.processors.tracking;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a camera's tracker remembers between frames: its tracks (tentative, confirmed and
 * lost), the next id, and the frame counter. Kept in a changelogged store per camera, so a restart
 * resumes tracking with the same ids.
 */
public final class TrackerState {

  private long nextId = 1;
  private long frame;
  private long lastTimeMs = Long.MIN_VALUE;
  private final List<Track> tracks = new ArrayList<>();

  /** The tracks not removed, in creation order. */
  public List<Track> tracks() {
    return tracks;
  }

  /** The confirmed tracks matched on the latest frame. */
  public List<Track> visible() {
    return tracks.stream()
        .filter(t -> t.status() == TrackStatus.CONFIRMED && t.seenOnLastFrame(frame))
        .toList();
  }

  /** The confirmed and lost tracks (every track that has an id). */
  public List<Track> identified() {
    return tracks.stream().filter(t -> t.id() > 0).toList();
  }

  /** Frames the tracker has processed. */
  public long frame() {
    return frame;
  }

  /** Capture time of the latest frame; {@link Long#MIN_VALUE} before the first. */
  public long lastTimeMs() {
    return lastTimeMs;
  }

  /** The id the next confirmed track gets. */
  public long nextId() {
    return nextId;
  }

  long takeId() {
    return nextId++;
  }

  void advance(long timeMs) {
    frame++;
    lastTimeMs = timeMs;
  }

  public void write(DataOutput out) throws IOException {
    out.writeLong(nextId);
    out.writeLong(frame);
    out.writeLong(lastTimeMs);
    out.writeInt(tracks.size());
    for (Track t : tracks) {
      t.write(out);
    }
  }

  public static TrackerState read(DataInput in) throws IOException {
    TrackerState s = new TrackerState();
    s.nextId = in.readLong();
    s.frame = in.readLong();
    s.lastTimeMs = in.readLong();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      s.tracks.add(Track.read(in));
    }
    return s;
  }
}
