package io.streamsight.processors.tracking;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One tracked object on one camera: id, class, status, Kalman state, last detection score and the
 * newest boxes it was seen at. Mutable; owned by its {@link TrackerState} and changed only by the
 * {@link ByteTracker}.
 */
public final class Track {

  private long id;
  private final String label;
  private TrackStatus status;
  private final double[] mean = new double[BoxKalmanFilter.DIM];
  private final double[] cov = new double[BoxKalmanFilter.DIM * BoxKalmanFilter.DIM];
  private float score;
  private int hits;
  private long firstSeenMs;
  private long lastSeenMs;
  private long lastFrame;
  private final Deque<TimedBox> history = new ArrayDeque<>();

  Track(String label, TrackStatus status) {
    this.label = label;
    this.status = status;
  }

  /** The id, unique per camera and never reused; 0 while {@link TrackStatus#TENTATIVE}. */
  public long id() {
    return id;
  }

  /** The detector's class label, e.g. person. */
  public String label() {
    return label;
  }

  public TrackStatus status() {
    return status;
  }

  /** Score of the last matched detection. */
  public float score() {
    return score;
  }

  /** Frames on which the track was matched to a detection. */
  public int hits() {
    return hits;
  }

  /** Capture time of the first detection. */
  public long firstSeenMs() {
    return firstSeenMs;
  }

  /** Capture time of the last matched detection. */
  public long lastSeenMs() {
    return lastSeenMs;
  }

  /** Whether the track was matched on the tracker's latest frame. */
  public boolean seenOnLastFrame(long frame) {
    return lastFrame == frame;
  }

  /** The boxes the track was seen at, oldest first (matched detections, not predictions). */
  public List<TimedBox> history() {
    return new ArrayList<>(history);
  }

  /** The newest matched box. */
  public TimedBox lastBox() {
    return history.peekLast();
  }

  /** The filter's current box (the prediction, for a lost track): x, y, w, h in pixels. */
  public float[] box() {
    double h = mean[3];
    double w = mean[2] * h;
    return new float[] {(float) (mean[0] - w / 2), (float) (mean[1] - h / 2), (float) w, (float) h};
  }

  /**
   * Velocity of the box centre from the filter, pixels per frame (x right, y down); multiply by the
   * frame rate for pixels per second.
   */
  public float[] velocityPerFrame() {
    return new float[] {(float) mean[4], (float) mean[5]};
  }

  /**
   * Velocity of the box centre over the newest history, pixels per second (x right, y down); zero
   * with fewer than two boxes. Uses up to the last {@code window} boxes.
   */
  public float[] velocityPerSecond(int window) {
    List<TimedBox> boxes = history();
    if (boxes.size() < 2) {
      return new float[] {0, 0};
    }
    TimedBox last = boxes.get(boxes.size() - 1);
    TimedBox first = boxes.get(Math.max(0, boxes.size() - 1 - Math.max(1, window)));
    double dt = (last.timeMs() - first.timeMs()) / 1000.0;
    if (dt <= 0) {
      return new float[] {0, 0};
    }
    return new float[] {
      (float) ((last.cx() - first.cx()) / dt), (float) ((last.cy() - first.cy()) / dt)
    };
  }

  double[] mean() {
    return mean;
  }

  double[] cov() {
    return cov;
  }

  void setId(long id) {
    this.id = id;
  }

  void setStatus(TrackStatus status) {
    this.status = status;
  }

  /** Records a matched detection. */
  void matched(float x, float y, float w, float h, float score, long timeMs, long frame, int keep) {
    if (hits == 0) {
      firstSeenMs = timeMs;
    }
    this.score = score;
    hits++;
    lastSeenMs = timeMs;
    lastFrame = frame;
    history.addLast(new TimedBox(timeMs, x, y, w, h));
    while (history.size() > keep) {
      history.removeFirst();
    }
  }

  long lastFrame() {
    return lastFrame;
  }

  void write(DataOutput out) throws IOException {
    out.writeLong(id);
    out.writeUTF(label);
    out.writeUTF(status.name());
    for (double v : mean) {
      out.writeDouble(v);
    }
    for (double v : cov) {
      out.writeDouble(v);
    }
    out.writeFloat(score);
    out.writeInt(hits);
    out.writeLong(firstSeenMs);
    out.writeLong(lastSeenMs);
    out.writeLong(lastFrame);
    out.writeShort(history.size());
    for (TimedBox b : history) {
      out.writeLong(b.timeMs());
      out.writeFloat(b.x());
      out.writeFloat(b.y());
      out.writeFloat(b.w());
      out.writeFloat(b.h());
    }
  }

  static Track read(DataInput in) throws IOException {
    long id = in.readLong();
    String label = in.readUTF();
    TrackStatus status = TrackStatus.valueOf(in.readUTF());
    Track t = new Track(label, status);
    t.id = id;
    for (int i = 0; i < t.mean.length; i++) {
      t.mean[i] = in.readDouble();
    }
    for (int i = 0; i < t.cov.length; i++) {
      t.cov[i] = in.readDouble();
    }
    t.score = in.readFloat();
    t.hits = in.readInt();
    t.firstSeenMs = in.readLong();
    t.lastSeenMs = in.readLong();
    t.lastFrame = in.readLong();
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      t.history.addLast(
          new TimedBox(
              in.readLong(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat()));
    }
    return t;
  }

  @Override
  public String toString() {
    float[] b = box();
    return String.format(
        java.util.Locale.ROOT,
        "Track[%d %s %s (%.0f,%.0f %.0fx%.0f)]",
        id,
        label,
        status,
        b[0],
        b[1],
        b[2],
        b[3]);
  }
}
