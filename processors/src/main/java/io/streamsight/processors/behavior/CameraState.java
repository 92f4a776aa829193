package io.streamsight.processors.behavior;

import io.streamsight.events.EventRef;
import io.streamsight.processors.tracking.TrackerState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one camera's analysis remembers between frames: the tracker, which tracks are in which
 * zone and on which side of which line, the rules' open events, stillness timers and the running
 * line totals. One value per camera in a changelogged store; {@link #toBytes()} and {@link
 * #fromBytes} are its (versioned, binary) serde.
 */
public final class CameraState {

  private static final int VERSION = 1;

  final TrackerState tracker;

  /** Key: zone id + '/' + track id. */
  final Map<String, Presence> presences = new LinkedHashMap<>();

  /** Key: line id + '/' + track id. */
  final Map<String, LineSide> sides = new LinkedHashMap<>();

  /** Key: rule id + '/' + subject (track id or zone id). */
  final Map<String, OpenEvent> events = new LinkedHashMap<>();

  /** Key: rule id + '/' + track id. */
  final Map<String, Still> stills = new LinkedHashMap<>();

  /** Line id → {in, out} since the camera's analysis began. */
  final Map<String, long[]> lineTotals = new LinkedHashMap<>();

  public CameraState() {
    this(new TrackerState());
  }

  private CameraState(TrackerState tracker) {
    this.tracker = tracker;
  }

  public TrackerState tracker() {
    return tracker;
  }

  /** Crossings of each line since the analysis began: line id → {in, out}. */
  public Map<String, long[]> lineTotals() {
    Map<String, long[]> copy = new LinkedHashMap<>();
    lineTotals.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** Tracks counted in each zone now: zone id → track ids. */
  public Map<String, List<Long>> occupants() {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    presences.forEach(
        (key, p) -> {
          if (p.stable) {
            int slash = key.lastIndexOf('/');
            out.computeIfAbsent(key.substring(0, slash), k -> new ArrayList<>())
                .add(Long.parseLong(key.substring(slash + 1)));
          }
        });
    return out;
  }

  /** Events started and not yet ended: rule id + '/' + subject → event id. */
  public Map<String, String> openEvents() {
    Map<String, String> out = new LinkedHashMap<>();
    events.forEach(
        (k, e) -> {
          if (e.active) {
            out.put(k, e.eventId);
          }
        });
    return out;
  }

  /** A track's stay in a zone. */
  static final class Presence {
    String label = "";
    long enteredMs;
    long lastInsideMs;
    int insideFrames;
    boolean stable;
  }

  /** Which side of a line a track is on, with the pending change that must persist to count. */
  static final class LineSide {
    int stable;
    int pending;
    int pendingFrames;
    float lastX;
    float lastY;
  }

  /** A rule's event for one subject: pending (condition building up) or active (started). */
  static final class OpenEvent {
    String eventId = "";
    boolean active;
    int pendingFrames;
    long pendingSinceMs;
    long startMs;
    long lastHoldMs;
    long lastUpdateMs;
    String objectClass = "";
    long[] trackIds = new long[0];
    Map<String, String> attributes = new LinkedHashMap<>();
    EventRef evidence;
  }

  /** Where a track has stood still since when. */
  static final class Still {
    float x;
    float y;
    long sinceMs;
  }

  /** The state as bytes, for the store. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      tracker.write(out);
      out.writeInt(presences.size());
      for (var e : presences.entrySet()) {
        Presence p = e.getValue();
        out.writeUTF(e.getKey());
        out.writeUTF(p.label);
        out.writeLong(p.enteredMs);
        out.writeLong(p.lastInsideMs);
        out.writeInt(p.insideFrames);
        out.writeBoolean(p.stable);
      }
      out.writeInt(sides.size());
      for (var e : sides.entrySet()) {
        LineSide s = e.getValue();
        out.writeUTF(e.getKey());
        out.writeByte(s.stable);
        out.writeByte(s.pending);
        out.writeInt(s.pendingFrames);
        out.writeFloat(s.lastX);
        out.writeFloat(s.lastY);
      }
      out.writeInt(events.size());
      for (var e : events.entrySet()) {
        out.writeUTF(e.getKey());
        writeEvent(out, e.getValue());
      }
      out.writeInt(stills.size());
      for (var e : stills.entrySet()) {
        Still s = e.getValue();
        out.writeUTF(e.getKey());
        out.writeFloat(s.x);
        out.writeFloat(s.y);
        out.writeLong(s.sinceMs);
      }
      out.writeInt(lineTotals.size());
      for (var e : lineTotals.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue()[0]);
        out.writeLong(e.getValue()[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads what {@link #toBytes()} wrote.
   *
   * @throws IllegalArgumentException when the bytes are not a camera state of a known version
   */
  public static CameraState fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown camera state version " + version);
      }
      CameraState s = new CameraState(TrackerState.read(in));
      for (int i = in.readInt(); i > 0; i--) {
        String key = in.readUTF();
        Presence p = new Presence();
        p.label = in.readUTF();
        p.enteredMs = in.readLong();
        p.lastInsideMs = in.readLong();
        p.insideFrames = in.readInt();
        p.stable = in.readBoolean();
        s.presences.put(key, p);
      }
      for (int i = in.readInt(); i > 0; i--) {
        String key = in.readUTF();
        LineSide side = new LineSide();
        side.stable = in.readByte();
        side.pending = in.readByte();
        side.pendingFrames = in.readInt();
        side.lastX = in.readFloat();
        side.lastY = in.readFloat();
        s.sides.put(key, side);
      }
      for (int i = in.readInt(); i > 0; i--) {
        String key = in.readUTF();
        s.events.put(key, readEvent(in));
      }
      for (int i = in.readInt(); i > 0; i--) {
        String key = in.readUTF();
        Still still = new Still();
        still.x = in.readFloat();
        still.y = in.readFloat();
        still.sinceMs = in.readLong();
        s.stills.put(key, still);
      }
      for (int i = in.readInt(); i > 0; i--) {
        s.lineTotals.put(in.readUTF(), new long[] {in.readLong(), in.readLong()});
      }
      return s;
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt camera state: " + e, e);
    }
  }

  private static void writeEvent(DataOutput out, OpenEvent e) throws IOException {
    out.writeUTF(e.eventId);
    out.writeBoolean(e.active);
    out.writeInt(e.pendingFrames);
    out.writeLong(e.pendingSinceMs);
    out.writeLong(e.startMs);
    out.writeLong(e.lastHoldMs);
    out.writeLong(e.lastUpdateMs);
    out.writeUTF(e.objectClass);
    out.writeInt(e.trackIds.length);
    for (long id : e.trackIds) {
      out.writeLong(id);
    }
    out.writeInt(e.attributes.size());
    for (var a : e.attributes.entrySet()) {
      out.writeUTF(a.getKey());
      out.writeUTF(a.getValue());
    }
    out.writeBoolean(e.evidence != null);
    if (e.evidence != null) {
      out.writeUTF(e.evidence.getEventId());
      out.writeUTF(e.evidence.getSourceId());
      out.writeLong(e.evidence.getCaptureTime().toEpochMilli());
      out.writeLong(e.evidence.getSequence() == null ? -1 : e.evidence.getSequence());
    }
  }

  private static OpenEvent readEvent(DataInput in) throws IOException {
    OpenEvent e = new OpenEvent();
    e.eventId = in.readUTF();
    e.active = in.readBoolean();
    e.pendingFrames = in.readInt();
    e.pendingSinceMs = in.readLong();
    e.startMs = in.readLong();
    e.lastHoldMs = in.readLong();
    e.lastUpdateMs = in.readLong();
    e.objectClass = in.readUTF();
    e.trackIds = new long[in.readInt()];
    for (int i = 0; i < e.trackIds.length; i++) {
      e.trackIds[i] = in.readLong();
    }
    for (int i = in.readInt(); i > 0; i--) {
      e.attributes.put(in.readUTF(), in.readUTF());
    }
    if (in.readBoolean()) {
      String id = in.readUTF();
      String source = in.readUTF();
      long time = in.readLong();
      long seq = in.readLong();
      e.evidence =
          EventRef.newBuilder()
              .setEventId(id)
              .setSourceId(source)
              .setCaptureTime(java.time.Instant.ofEpochMilli(time))
              .setSequence(seq < 0 ? null : seq)
              .build();
    }
    return e;
  }
}
