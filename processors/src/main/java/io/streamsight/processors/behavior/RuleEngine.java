package io.streamsight.processors.behavior;

import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.BehaviorPhase;
import io.streamsight.events.EventRef;
import io.streamsight.events.Severity;
import io.streamsight.events.ZoneCounts;
import io.streamsight.processors.behavior.CameraConfig.Line;
import io.streamsight.processors.behavior.CameraConfig.Rule;
import io.streamsight.processors.behavior.CameraConfig.Zone;
import io.streamsight.processors.behavior.CameraState.LineSide;
import io.streamsight.processors.behavior.CameraState.OpenEvent;
import io.streamsight.processors.behavior.CameraState.Presence;
import io.streamsight.processors.behavior.CameraState.Still;
import io.streamsight.processors.tracking.TimedBox;
import io.streamsight.processors.tracking.Track;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns a camera's tracks after a frame into behaviour events and count samples, following the
 * camera's rules. Runs after the tracker on the same {@link CameraState}; all times are frame
 * capture times, so a replayed video gives the same events.
 *
 * <p>Zone membership and line sides are per track and filtered against flicker first: a track is in
 * a zone after {@link CameraConfig#presenceMinFrames()} consecutive frames with its anchor inside
 * and stays in it until it has been out (or unseen) for {@link CameraConfig#presenceLingerMs()}; a
 * line crossing counts once the track has spent the line's {@code minFrames} on the new side, and
 * only if its path crossed the segment itself, not the line's extension. Each rule then gives, per
 * subject (a track, or a zone for occupancy), whether its condition starts an event and whether it
 * keeps one going; an event STARTs after the rule's {@code minFrames} consecutive frames of
 * "start", sends UPDATEs while it holds, and ENDs once it has not held for the rule's linger time.
 * Line crossings are instant: START and END together.
 */
public final class RuleEngine {

  /** Fall: box aspect w/h at or below this is upright. */
  static final double UPRIGHT_ASPECT = 0.75;

  /** Fall: box aspect w/h at or above this is lying. */
  static final double LYING_ASPECT = 1.0;

  /** Fall: top of the box dropping this many upright heights within the window. */
  static final double DROP_HEIGHTS = 0.25;

  /** Fall: torso this far from vertical (degrees) is lying, by pose. */
  static final double LYING_TORSO_DEGREES = 60;

  /** Internal attributes of an open event, not sent. */
  private static final String RULE_TYPE = "_ruleType";

  private static final String ZONE = "_zone";
  private static final String SEVERITY = "_severity";

  private RuleEngine() {}

  /** One subject's condition on this frame. */
  private record Eval(
      boolean start, boolean hold, String label, List<Long> trackIds, Map<String, String> attrs) {}

  /** A line crossing on this frame. */
  record Crossing(String lineId, long trackId, String label, boolean in) {}

  /**
   * Evaluates the rules on the tracker's latest frame.
   *
   * @param torsoDegrees pose results for fall candidates: track id → torso angle from vertical
   */
  public static FrameAnalysis evaluate(
      String cameraId,
      CameraConfig config,
      CameraState state,
      EventRef frame,
      Map<Long, Double> torsoDegrees) {
    long now = frame.getCaptureTime().toEpochMilli();
    List<Track> visible = state.tracker.visible();
    Map<Long, Track> identified = new HashMap<>();
    for (Track t : state.tracker.identified()) {
      identified.put(t.id(), t);
    }
    Set<Long> visibleIds = new HashSet<>();
    visible.forEach(t -> visibleIds.add(t.id()));

    updatePresences(config, state, identified, visibleIds, now);
    List<Crossing> crossings = updateLines(config, state, visible, identified.keySet());

    List<BehaviorEvent> events = new ArrayList<>();
    Set<String> ruleIds = new HashSet<>();
    for (Rule rule : config.rules()) {
      ruleIds.add(rule.id());
      if (rule.type() == RuleType.LINE_CROSSING) {
        for (Crossing c : crossings) {
          if (c.lineId().equals(rule.line().orElseThrow())
              && rule.appliesTo(c.label())
              && (rule.direction().equals("any")
                  || rule.direction().equals(c.in() ? "in" : "out"))) {
            events.addAll(crossingEvents(cameraId, rule, c, frame, now));
          }
        }
        continue;
      }
      Map<String, Eval> evals =
          evaluateRule(config, state, rule, visible, identified, torsoDegrees, now);
      lifecycle(cameraId, rule, state, evals, frame, now, events);
    }
    // Rules removed from the config: their open events end now.
    for (Iterator<Map.Entry<String, OpenEvent>> it = state.events.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, OpenEvent> e = it.next();
      String ruleId = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
      if (!ruleIds.contains(ruleId)) {
        if (e.getValue().active) {
          OpenEvent open = e.getValue();
          open.attributes.put("reason", "rule removed");
          events.add(
              event(
                  cameraId,
                  ruleId,
                  open.attributes.getOrDefault(RULE_TYPE, ""),
                  open.attributes.get(ZONE),
                  open,
                  BehaviorPhase.END,
                  now,
                  now,
                  null));
        }
        it.remove();
      }
    }
    state.stills.keySet().removeIf(k -> !identified.containsKey(trackOf(k)));
    return new FrameAnalysis(true, events, counts(cameraId, config, state, crossings, now));
  }

  private static void updatePresences(
      CameraConfig config,
      CameraState state,
      Map<Long, Track> identified,
      Set<Long> visibleIds,
      long now) {
    for (Zone zone : config.zones()) {
      for (Track t : identified.values()) {
        String key = zone.id() + "/" + t.id();
        Presence p = state.presences.get(key);
        boolean seen = visibleIds.contains(t.id());
        if (seen) {
          float[] a = anchor(config, t.lastBox());
          if (zone.contains(a[0], a[1])) {
            if (p == null) {
              p = new Presence();
              p.label = t.label();
              p.enteredMs = now;
              state.presences.put(key, p);
            }
            p.insideFrames++;
            p.lastInsideMs = now;
            if (p.insideFrames >= config.presenceMinFrames()) {
              p.stable = true;
            }
            continue;
          }
        }
        if (p != null) {
          if (seen) {
            p.insideFrames = 0;
          }
          if (!p.stable || now - p.lastInsideMs > config.presenceLingerMs()) {
            state.presences.remove(key);
          }
        }
      }
    }
    Set<String> zoneIds = new HashSet<>();
    config.zones().forEach(z -> zoneIds.add(z.id()));
    state
        .presences
        .keySet()
        .removeIf(k -> !identified.containsKey(trackOf(k)) || !zoneIds.contains(subjectOwner(k)));
  }

  private static List<Crossing> updateLines(
      CameraConfig config, CameraState state, List<Track> visible, Set<Long> identified) {
    List<Crossing> crossings = new ArrayList<>();
    Set<String> lineIds = new HashSet<>();
    for (Line line : config.lines()) {
      lineIds.add(line.id());
      for (Track t : visible) {
        float[] a = anchor(config, t.lastBox());
        int side = line.side(a[0], a[1]);
        String key = line.id() + "/" + t.id();
        LineSide s = state.sides.get(key);
        if (s == null) {
          if (side != 0) {
            s = new LineSide();
            s.stable = side;
            s.lastX = a[0];
            s.lastY = a[1];
            state.sides.put(key, s);
          }
          continue;
        }
        if (side == 0) {
          continue;
        }
        if (side == s.stable) {
          s.pendingFrames = 0;
          s.lastX = a[0];
          s.lastY = a[1];
          continue;
        }
        if (s.pending != side) {
          s.pending = side;
          s.pendingFrames = 0;
        }
        s.pendingFrames++;
        if (s.pendingFrames >= line.minFrames()) {
          boolean crossed =
              Geometry.segmentsIntersect(
                  s.lastX,
                  s.lastY,
                  a[0],
                  a[1],
                  line.from().x(),
                  line.from().y(),
                  line.to().x(),
                  line.to().y());
          if (crossed) {
            boolean in = side == line.inSide();
            crossings.add(new Crossing(line.id(), t.id(), t.label(), in));
            long[] totals = state.lineTotals.computeIfAbsent(line.id(), k -> new long[2]);
            totals[in ? 0 : 1]++;
          }
          s.stable = side;
          s.pendingFrames = 0;
          s.lastX = a[0];
          s.lastY = a[1];
        }
      }
    }
    state
        .sides
        .keySet()
        .removeIf(k -> !identified.contains(trackOf(k)) || !lineIds.contains(subjectOwner(k)));
    return crossings;
  }

  private static Map<String, Eval> evaluateRule(
      CameraConfig config,
      CameraState state,
      Rule rule,
      List<Track> visible,
      Map<Long, Track> identified,
      Map<Long, Double> torsoDegrees,
      long now) {
    Map<String, Eval> evals = new LinkedHashMap<>();
    switch (rule.type()) {
      case INTRUSION, DWELL -> {
        String zone = rule.zone().orElseThrow();
        for (var e : state.presences.entrySet()) {
          Presence p = e.getValue();
          long id = trackOf(e.getKey());
          Track t = identified.get(id);
          if (!subjectOwner(e.getKey()).equals(zone)
              || !p.stable
              || t == null
              || !rule.appliesTo(t.label())
              || !headingOk(rule, t)) {
            continue;
          }
          double dwell = (p.lastInsideMs - p.enteredMs) / 1000.0;
          boolean start = rule.type() == RuleType.INTRUSION || dwell >= rule.seconds();
          evals.put(
              Long.toString(id),
              new Eval(start, true, t.label(), List.of(id), attrs("dwellSeconds", fmt(dwell))));
        }
      }
      case OCCUPANCY -> {
        String zone = rule.zone().orElseThrow();
        List<Long> ids = new ArrayList<>();
        Map<String, Integer> byClass = new TreeMap<>();
        for (var e : state.presences.entrySet()) {
          Presence p = e.getValue();
          if (subjectOwner(e.getKey()).equals(zone) && p.stable && rule.appliesTo(p.label)) {
            ids.add(trackOf(e.getKey()));
            byClass.merge(p.label, 1, Integer::sum);
          }
        }
        int count = ids.size();
        Map<String, String> attrs = attrs("count", Integer.toString(count));
        byClass.forEach((k, v) -> attrs.put("count." + k, v.toString()));
        String label = byClass.size() == 1 ? byClass.keySet().iterator().next() : null;
        evals.put(
            zone,
            new Eval(
                count >= rule.above(),
                count > rule.below(),
                label,
                ids.stream().sorted().toList(),
                attrs));
      }
      case SPEED, RUNNING -> {
        for (Track t : visible) {
          if (!rule.appliesTo(t.label()) || !inZone(rule, state, t) || !headingOk(rule, t)) {
            continue;
          }
          double speed = speed(config, rule, t);
          String unit =
              rule.metric() ? "m/s" : rule.type() == RuleType.RUNNING ? "heights/s" : "px/s";
          evals.put(
              Long.toString(t.id()),
              new Eval(
                  speed > rule.above(),
                  speed > rule.below(),
                  t.label(),
                  List.of(t.id()),
                  attrs("speed", fmt(speed), "unit", unit)));
        }
      }
      case STATIONARY_OBJECT -> {
        List<Track> people = visible.stream().filter(t -> t.label().equals("person")).toList();
        for (Track t : identified.values()) {
          if (!rule.appliesTo(t.label()) || !inZone(rule, state, t)) {
            continue;
          }
          String key = rule.id() + "/" + t.id();
          Still still = state.stills.get(key);
          TimedBox b = t.lastBox();
          if (still == null || Math.hypot(b.cx() - still.x, b.cy() - still.y) > rule.maxMove()) {
            still = new Still();
            still.x = b.cx();
            still.y = b.cy();
            still.sinceMs = b.timeMs();
            state.stills.put(key, still);
          }
          double stillSeconds = (now - still.sinceMs) / 1000.0;
          double nearest = Double.POSITIVE_INFINITY;
          for (Track person : people) {
            TimedBox pb = person.lastBox();
            nearest = Math.min(nearest, Math.hypot(pb.cx() - b.cx(), pb.cy() - b.cy()));
          }
          boolean alone = nearest > rule.personDistance();
          boolean holds = stillSeconds >= rule.seconds() && alone;
          evals.put(
              Long.toString(t.id()),
              new Eval(
                  holds,
                  holds,
                  t.label(),
                  List.of(t.id()),
                  attrs(
                      "stillSeconds",
                      fmt(stillSeconds),
                      "nearestPersonPx",
                      Double.isInfinite(nearest) ? "none" : fmt(nearest))));
        }
      }
      case FALL -> {
        for (Track t : visible) {
          if (!rule.appliesTo(t.label()) || !inZone(rule, state, t)) {
            continue;
          }
          FallSignals f = FallSignals.of(t, rule.windowMs());
          Double torso = rule.pose() ? torsoDegrees.get(t.id()) : null;
          boolean poseLying = torso != null && torso >= LYING_TORSO_DEGREES;
          boolean start =
              f.wasUpright() && (f.lyingByBox() || poseLying) && (f.dropped() || poseLying);
          boolean hold = f.lyingByBox() || poseLying || f.aspect() >= 0.8;
          Map<String, String> attrs =
              attrs("aspect", fmt(f.aspect()), "dropHeights", fmt(f.drop()));
          if (torso != null) {
            attrs.put("torsoDegrees", fmt(torso));
          }
          evals.put(
              Long.toString(t.id()), new Eval(start, hold, t.label(), List.of(t.id()), attrs));
        }
      }
      case LINE_CROSSING -> throw new IllegalStateException("line crossings are instant events");
    }
    return evals;
  }

  private static void lifecycle(
      String cameraId,
      Rule rule,
      CameraState state,
      Map<String, Eval> evals,
      EventRef frame,
      long now,
      List<BehaviorEvent> out) {
    String prefix = rule.id() + "/";
    Set<String> subjects = new java.util.LinkedHashSet<>(evals.keySet());
    for (String key : state.events.keySet()) {
      if (key.startsWith(prefix) && key.lastIndexOf('/') == prefix.length() - 1) {
        subjects.add(key.substring(prefix.length()));
      }
    }
    for (String subject : subjects) {
      String key = prefix + subject;
      Eval ev = evals.get(subject);
      OpenEvent e = state.events.get(key);
      if (e == null) {
        if (ev == null || !ev.start()) {
          continue;
        }
        e = new OpenEvent();
        e.pendingSinceMs = now;
        state.events.put(key, e);
      }
      if (!e.active) {
        if (ev == null || !ev.start()) {
          state.events.remove(key);
          continue;
        }
        e.pendingFrames++;
        if (e.pendingFrames >= rule.minFrames()) {
          e.active = true;
          e.startMs = e.pendingSinceMs;
          e.lastHoldMs = now;
          e.lastUpdateMs = now;
          e.evidence = frame;
          e.eventId = eventId(cameraId, rule.id(), subject, e.startMs);
          fill(e, rule, ev);
          out.add(event(cameraId, rule, e, BehaviorPhase.START, now, null));
        }
        continue;
      }
      if (ev != null && ev.hold()) {
        String before = e.attributes.get("count");
        fill(e, rule, ev);
        e.lastHoldMs = now;
        boolean countChanged =
            rule.type() == RuleType.OCCUPANCY
                && !java.util.Objects.equals(before, e.attributes.get("count"));
        boolean due = rule.updateMs() > 0 && now - e.lastUpdateMs >= rule.updateMs();
        if (countChanged || due) {
          e.lastUpdateMs = now;
          out.add(event(cameraId, rule, e, BehaviorPhase.UPDATE, now, null));
        }
      } else if (now - e.lastHoldMs >= rule.lingerMs()) {
        out.add(event(cameraId, rule, e, BehaviorPhase.END, now, e.lastHoldMs));
        state.events.remove(key);
      }
    }
  }

  private static void fill(OpenEvent e, Rule rule, Eval ev) {
    e.objectClass = ev.label() == null ? "" : ev.label();
    e.trackIds = ev.trackIds().stream().mapToLong(Long::longValue).toArray();
    e.attributes = new LinkedHashMap<>(ev.attrs());
    // Kept with the open event so it can still END if its rule is removed from the config.
    e.attributes.put(RULE_TYPE, rule.type().jsonName());
    e.attributes.put(SEVERITY, rule.severity().name());
    rule.zone().or(rule::line).ifPresent(zone -> e.attributes.put(ZONE, zone));
  }

  private static List<BehaviorEvent> crossingEvents(
      String cameraId, Rule rule, Crossing c, EventRef frame, long now) {
    OpenEvent e = new OpenEvent();
    e.startMs = now;
    e.evidence = frame;
    e.objectClass = c.label();
    e.trackIds = new long[] {c.trackId()};
    e.eventId = eventId(cameraId, rule.id(), c.trackId() + "@" + now, now);
    e.attributes = attrs("direction", c.in() ? "in" : "out", "line", c.lineId());
    return List.of(
        event(cameraId, rule, e, BehaviorPhase.START, now, null),
        event(cameraId, rule, e, BehaviorPhase.END, now, now));
  }

  private static BehaviorEvent event(
      String cameraId, Rule rule, OpenEvent e, BehaviorPhase phase, long now, Long endMs) {
    return event(
        cameraId,
        rule.id(),
        rule.type().jsonName(),
        rule.zone().or(rule::line).orElse(null),
        e,
        phase,
        now,
        endMs,
        rule);
  }

  private static BehaviorEvent event(
      String cameraId,
      String ruleId,
      String type,
      String zoneId,
      OpenEvent e,
      BehaviorPhase phase,
      long now,
      Long endMs,
      Rule rule) {
    List<Long> ids = new ArrayList<>();
    for (long id : e.trackIds) {
      ids.add(id);
    }
    Map<String, String> attrs = new LinkedHashMap<>(e.attributes);
    attrs.remove(RULE_TYPE);
    attrs.remove(ZONE);
    String severity = attrs.remove(SEVERITY);
    return BehaviorEvent.newBuilder()
        .setEventId(e.eventId)
        .setCameraId(cameraId)
        .setRuleId(ruleId)
        .setRuleType(type)
        .setZoneId(zoneId)
        .setPhase(phase)
        .setTrackIds(ids)
        .setObjectClass(e.objectClass.isEmpty() ? null : e.objectClass)
        .setStartTime(Instant.ofEpochMilli(e.startMs))
        .setEventTime(Instant.ofEpochMilli(now))
        .setEndTime(endMs == null ? null : Instant.ofEpochMilli(endMs))
        .setSeverity(
            rule != null
                ? rule.severity()
                : severity != null ? Severity.valueOf(severity) : Severity.INFO)
        .setEvidence(e.evidence)
        .setAttributes(attrs)
        .build();
  }

  private static List<ZoneCounts> counts(
      String cameraId, CameraConfig config, CameraState state, List<Crossing> crossings, long now) {
    List<ZoneCounts> out = new ArrayList<>();
    Instant at = Instant.ofEpochMilli(now);
    for (Zone zone : config.zones()) {
      Map<String, Integer> byClass = new TreeMap<>();
      int count = 0;
      for (var e : state.presences.entrySet()) {
        if (e.getValue().stable && subjectOwner(e.getKey()).equals(zone.id())) {
          count++;
          byClass.merge(e.getValue().label, 1, Integer::sum);
        }
      }
      out.add(
          ZoneCounts.newBuilder(ZoneCountsWindow.empty(cameraId, zone.id(), "zone"))
              .setWindowStart(at)
              .setWindowEnd(at)
              .setFrames(1)
              .setOccupancyMin(count)
              .setOccupancyMax(count)
              .setOccupancyMean(count)
              .setOccupancyLast(count)
              .setMaxByClass(new LinkedHashMap<>(byClass))
              .build());
    }
    for (Line line : config.lines()) {
      Map<String, Long> in = new TreeMap<>();
      Map<String, Long> outs = new TreeMap<>();
      for (Crossing c : crossings) {
        if (c.lineId().equals(line.id())) {
          (c.in() ? in : outs).merge(c.label(), 1L, Long::sum);
        }
      }
      out.add(
          ZoneCounts.newBuilder(ZoneCountsWindow.empty(cameraId, line.id(), "line"))
              .setWindowStart(at)
              .setWindowEnd(at)
              .setFrames(1)
              .setInCount(in.values().stream().mapToLong(Long::longValue).sum())
              .setOutCount(outs.values().stream().mapToLong(Long::longValue).sum())
              .setInByClass(new LinkedHashMap<>(in))
              .setOutByClass(new LinkedHashMap<>(outs))
              .build());
    }
    return out;
  }

  private static boolean inZone(Rule rule, CameraState state, Track t) {
    if (rule.zone().isEmpty()) {
      return true;
    }
    Presence p = state.presences.get(rule.zone().get() + "/" + t.id());
    return p != null && p.stable;
  }

  private static boolean headingOk(Rule rule, Track t) {
    if (rule.heading().isEmpty()) {
      return true;
    }
    float[] v = t.velocityPerSecond(5);
    double speed = Math.hypot(v[0], v[1]);
    CameraConfig.Point h = rule.heading().get();
    double norm = Math.hypot(h.x(), h.y());
    if (speed < 1 || norm == 0) {
      return false;
    }
    double cos = (v[0] * h.x() + v[1] * h.y()) / (speed * norm);
    return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos)))) <= rule.headingToleranceDeg();
  }

  /** Speed of a track over its last few boxes: px/s, heights/s (running) or m/s (homography). */
  static double speed(CameraConfig config, Rule rule, Track t) {
    List<TimedBox> h = t.history();
    if (h.size() < 2) {
      return 0;
    }
    TimedBox last = h.get(h.size() - 1);
    TimedBox first = h.get(Math.max(0, h.size() - 6));
    double dt = (last.timeMs() - first.timeMs()) / 1000.0;
    if (dt <= 0) {
      return 0;
    }
    if (rule.metric()) {
      float[] a = anchor(config, first);
      float[] b = anchor(config, last);
      var hom = config.homography().orElseThrow();
      double[] ga = hom.toGround(a[0], a[1]);
      double[] gb = hom.toGround(b[0], b[1]);
      return Math.hypot(gb[0] - ga[0], gb[1] - ga[1]) / dt;
    }
    double px = Math.hypot(last.cx() - first.cx(), last.cy() - first.cy()) / dt;
    if (rule.type() == RuleType.RUNNING) {
      double height = (first.h() + last.h()) / 2;
      return height <= 0 ? 0 : px / height;
    }
    return px;
  }

  static float[] anchor(CameraConfig config, TimedBox b) {
    return config.anchor() == CameraConfig.Anchor.BOTTOM
        ? new float[] {b.cx(), b.bottom()}
        : new float[] {b.cx(), b.cy()};
  }

  /** A deterministic event id, so a replay of the same frames gives the same ids. */
  static String eventId(String cameraId, String ruleId, String subject, long startMs) {
    String seed = cameraId + '\u0000' + ruleId + '\u0000' + subject + '\u0000' + startMs;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static long trackOf(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
  }

  private static String subjectOwner(String key) {
    return key.substring(0, key.lastIndexOf('/'));
  }

  private static Map<String, String> attrs(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
