package io.streamsight.processors.behavior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsight.events.Severity;
import io.streamsight.processors.tracking.TrackerSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one camera watches for: its zones (pixel polygons), lines (two points and an "in" side), an
 * optional homography to ground-plane metres, the tracker's settings and the rules. Parsed from the
 * camera-config JSON that the {@code camera-config} topic carries (the same as the CLI's {@code
 * --camera-config} file); every field is checked and unknown keys are refused, so a typo fails at
 * once instead of silently disabling a rule. See the README for the format.
 *
 * @param cameraId the camera the config is for, when the JSON names it
 * @param anchor where on the box an object "is" for zones and lines
 * @param tracker tracker thresholds and classes
 * @param presenceMinFrames consecutive frames inside a zone before an object counts as in it
 * @param presenceLingerMs how long an object stays counted in a zone after it was last seen there
 * @param zones the zones
 * @param lines the lines
 * @param homography image pixels to ground metres, 3 × 3 row-major; empty without one
 * @param rules the rules, in config order
 */
public record CameraConfig(
    Optional<String> cameraId,
    Anchor anchor,
    TrackerSettings tracker,
    int presenceMinFrames,
    long presenceLingerMs,
    List<Zone> zones,
    List<Line> lines,
    Optional<Homography> homography,
    List<Rule> rules) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The point of a box that decides zone membership and line crossings. */
  public enum Anchor {
    /** Bottom centre: the feet of a person, the wheels of a car (the usual choice). */
    BOTTOM,
    /** Box centre. */
    CENTER
  }

  /** A point in image pixels. */
  public record Point(double x, double y) {}

  /**
   * A polygon zone.
   *
   * @param id unique among zones and lines
   * @param polygon corners in order, at least three
   */
  public record Zone(String id, List<Point> polygon) {

    /** Whether (x, y) is inside. */
    public boolean contains(double x, double y) {
      double[] xs = new double[polygon.size()];
      double[] ys = new double[polygon.size()];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = polygon.get(i).x();
        ys[i] = polygon.get(i).y();
      }
      return Geometry.inside(xs, ys, x, y);
    }
  }

  /**
   * A counting line.
   *
   * @param id unique among zones and lines
   * @param from one end
   * @param to the other end
   * @param inSide which side of from→to is "in": the sign of the cross product, 1 = right of the
   *     direction as seen on screen (y grows downwards), -1 = left
   * @param minFrames frames an object must spend on the new side before the crossing counts
   * @param margin a band this many pixels either side of the line belongs to neither side, so a
   *     person standing on the line does not count crossings back and forth
   */
  public record Line(String id, Point from, Point to, int inSide, int minFrames, double margin) {

    /** The side of the line (x, y) is on: 1, -1, or 0 within the margin. */
    public int side(double x, double y) {
      double dx = to.x() - from.x();
      double dy = to.y() - from.y();
      double distance = (dx * (y - from.y()) - dy * (x - from.x())) / Math.hypot(dx, dy);
      return distance > margin ? 1 : distance < -margin ? -1 : 0;
    }
  }

  /**
   * Image pixels to ground-plane metres.
   *
   * @param matrix 3 × 3, row-major
   */
  public record Homography(List<Double> matrix) {

    /** Ground position (metres) of an image point. */
    public double[] toGround(double x, double y) {
      double[] h = new double[9];
      for (int i = 0; i < 9; i++) {
        h[i] = matrix.get(i);
      }
      return Geometry.project(h, x, y);
    }
  }

  /**
   * One rule. Which parameters matter depends on the type (see the README); the conditions combine:
   * a dwell rule with a {@code heading} fires only for objects of its classes that stay in its zone
   * longer than {@code seconds} while moving that way.
   *
   * @param id unique among rules; the {@code ruleId} of its events
   * @param type the kind of rule
   * @param zone the zone it watches, if any (required for intrusion, dwell, occupancy)
   * @param line the line it watches (line_crossing)
   * @param classes object classes it applies to; empty = every tracked class
   * @param severity severity of its events
   * @param minFrames consecutive frames the condition must hold before the event starts
   * @param lingerMs how long the condition must stop holding before the event ends
   * @param updateMs interval of UPDATE events while active; 0 sends none (occupancy also sends one
   *     when the count changes)
   * @param seconds dwell time (dwell) or stillness time (stationary_object)
   * @param above the threshold to start (occupancy count, speed, running)
   * @param below the threshold to end (occupancy count, speed, running); hysteresis
   * @param direction line_crossing: in, out or any
   * @param heading a direction of travel the object must move along (x, y), if any
   * @param headingToleranceDeg how far from {@code heading} the motion may point
   * @param metric speed in m/s through the homography instead of pixels/s (or heights/s)
   * @param personDistance stationary_object: no person box centre within this many pixels
   * @param maxMove stationary_object: the object "is still" while it moves less than this (px)
   * @param pose fall: run the pose model on candidates and use the torso angle
   * @param windowMs fall: how fast the change from upright to lying must happen
   */
  public record Rule(
      String id,
      RuleType type,
      Optional<String> zone,
      Optional<String> line,
      Set<String> classes,
      Severity severity,
      int minFrames,
      long lingerMs,
      long updateMs,
      double seconds,
      double above,
      double below,
      String direction,
      Optional<Point> heading,
      double headingToleranceDeg,
      boolean metric,
      double personDistance,
      double maxMove,
      boolean pose,
      long windowMs) {

    /** Whether the rule applies to objects of this class. */
    public boolean appliesTo(String label) {
      return classes.isEmpty() || classes.contains(label);
    }
  }

  /** The zone with this id. */
  public Optional<Zone> zone(String id) {
    return zones.stream().filter(z -> z.id().equals(id)).findFirst();
  }

  /** The line with this id. */
  public Optional<Line> line(String id) {
    return lines.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** Whether any rule of this type is configured. */
  public boolean has(RuleType type) {
    return rules.stream().anyMatch(r -> r.type() == type);
  }

  /**
   * Parses and checks a camera config.
   *
   * @throws IllegalArgumentException saying which field is wrong and why
   */
  public static CameraConfig parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "camera config is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("camera config must be a JSON object");
    }
    Obj o = new Obj(root, "camera config");
    Optional<String> camera = o.optText("camera");
    Anchor anchor =
        Anchor.valueOf(
            o.text("anchor", "bottom").toUpperCase(Locale.ROOT).replace("CENTRE", "CENTER"));
    TrackerSettings tracker = tracker(o.optObj("tracker"));
    Obj presence = o.optObj("presence");
    int presenceMinFrames = presence == null ? 2 : presence.intValue("minFrames", 2, 1, 1000);
    long presenceLingerMs =
        presence == null ? 1000 : millis(presence.number("lingerSeconds", 1.0, 0, 3600));

    Set<String> ids = new HashSet<>();
    List<Zone> zones = new ArrayList<>();
    for (Obj z : o.objects("zones")) {
      String id = z.requiredText("id");
      requireUnique(ids, id, "zone");
      List<Point> polygon = z.points("polygon");
      if (polygon.size() < 3) {
        throw new IllegalArgumentException(z.where + ": polygon needs at least 3 points");
      }
      zones.add(new Zone(id, List.copyOf(polygon)));
      z.done();
    }
    List<Line> lines = new ArrayList<>();
    for (Obj l : o.objects("lines")) {
      String id = l.requiredText("id");
      requireUnique(ids, id, "line");
      Point from = l.point("from");
      Point to = l.point("to");
      if (from.equals(to)) {
        throw new IllegalArgumentException(l.where + ": from and to are the same point");
      }
      int inSide = inSide(l, from, to);
      lines.add(
          new Line(
              id,
              from,
              to,
              inSide,
              l.intValue("minFrames", 2, 1, 1000),
              l.number("marginPixels", 8, 0, 1000)));
      l.done();
    }
    Optional<Homography> homography = Optional.empty();
    if (o.has("homography")) {
      List<Double> m = o.numbers("homography");
      if (m.size() != 9) {
        throw new IllegalArgumentException(
            "camera config.homography: 9 numbers (3 × 3, row-major) expected, got " + m.size());
      }
      homography = Optional.of(new Homography(List.copyOf(m)));
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ruleIds = new HashSet<>();
    for (Obj r : o.objects("rules")) {
      Rule rule = rule(r, zones, lines, homography.isPresent());
      requireUnique(ruleIds, rule.id(), "rule");
      rules.add(rule);
      r.done();
    }
    o.done();
    return new CameraConfig(
        camera,
        anchor,
        tracker,
        presenceMinFrames,
        presenceLingerMs,
        List.copyOf(zones),
        List.copyOf(lines),
        homography,
        List.copyOf(rules));
  }

  private static TrackerSettings tracker(Obj t) {
    TrackerSettings d = TrackerSettings.DEFAULT;
    if (t == null) {
      return d;
    }
    TrackerSettings s =
        new TrackerSettings(
            t.number("highScore", d.highScore(), 0, 1),
            t.number("lowScore", d.lowScore(), 0, 1),
            t.number("newTrackScore", d.newTrackScore(), 0, 1),
            t.number("matchIou", d.matchIou(), 0, 1),
            t.number("lowMatchIou", d.lowMatchIou(), 0, 1),
            t.number("tentativeMatchIou", d.tentativeMatchIou(), 0, 1),
            t.intValue("minHits", d.minHits(), 1, 100),
            millis(t.number("maxLostSeconds", d.maxLostMillis() / 1000.0, 0, 3600)),
            t.intValue("historySize", d.historySize(), 2, 1000),
            t.texts("classes"));
    t.done();
    return s;
  }

  private static Rule rule(Obj r, List<Zone> zones, List<Line> lines, boolean hasHomography) {
    String id = r.requiredText("id");
    RuleType type = RuleType.parse(r.requiredText("type"));
    Optional<String> zone = r.optText("zone");
    Optional<String> line = r.optText("line");
    if (zone.isPresent() && zones.stream().noneMatch(z -> z.id().equals(zone.get()))) {
      throw new IllegalArgumentException(r.where + ": no zone '" + zone.get() + "'");
    }
    if (line.isPresent() && lines.stream().noneMatch(l -> l.id().equals(line.get()))) {
      throw new IllegalArgumentException(r.where + ": no line '" + line.get() + "'");
    }
    boolean needsZone =
        type == RuleType.INTRUSION || type == RuleType.DWELL || type == RuleType.OCCUPANCY;
    if (needsZone && zone.isEmpty()) {
      throw new IllegalArgumentException(r.where + ": a " + type.jsonName() + " rule needs a zone");
    }
    if (type == RuleType.LINE_CROSSING && line.isEmpty()) {
      throw new IllegalArgumentException(r.where + ": a line_crossing rule needs a line");
    }
    Set<String> classes = r.texts("classes");
    if (type == RuleType.STATIONARY_OBJECT && classes.isEmpty()) {
      classes = Set.of("backpack", "handbag", "suitcase");
    }
    if (type == RuleType.FALL || type == RuleType.RUNNING) {
      if (classes.isEmpty()) {
        classes = Set.of("person");
      }
    }
    Severity severity =
        Severity.valueOf(r.text("severity", defaultSeverity(type).name()).toUpperCase(Locale.ROOT));
    String unit = r.text("unit", type == RuleType.RUNNING ? "heights/s" : "px/s");
    boolean metric = unit.equals("m/s");
    if (metric && !hasHomography) {
      throw new IllegalArgumentException(r.where + ": unit m/s needs a homography in the config");
    }
    if (!metric && !unit.equals("px/s") && !unit.equals("heights/s")) {
      throw new IllegalArgumentException(r.where + ": unit must be px/s, heights/s or m/s");
    }
    double above = r.number("above", defaultAbove(type, metric), 0, 1e9);
    double below = r.number("below", type == RuleType.OCCUPANCY ? above - 1 : above * 0.8, 0, 1e9);
    if (below > above) {
      throw new IllegalArgumentException(r.where + ": below must not exceed above");
    }
    String direction = r.text("direction", "any").toLowerCase(Locale.ROOT);
    if (!Set.of("in", "out", "any").contains(direction)) {
      throw new IllegalArgumentException(r.where + ": direction must be in, out or any");
    }
    Optional<Point> heading = r.has("heading") ? Optional.of(r.point("heading")) : Optional.empty();
    return new Rule(
        id,
        type,
        zone,
        line,
        Set.copyOf(classes),
        severity,
        r.intValue("minFrames", type == RuleType.LINE_CROSSING ? 1 : 3, 1, 10_000),
        millis(r.number("lingerSeconds", 1.0, 0, 3600)),
        millis(r.number("updateSeconds", 0, 0, 86_400)),
        r.number("seconds", type == RuleType.STATIONARY_OBJECT ? 30 : 10, 0, 86_400),
        above,
        below,
        direction,
        heading,
        r.number("headingToleranceDegrees", 45, 0, 180),
        metric,
        r.number("personDistance", 150, 0, 1e6),
        r.number("maxMovePixels", 15, 0, 1e6),
        r.bool("pose", true),
        millis(r.number("windowSeconds", 1.5, 0.1, 60)));
  }

  private static Severity defaultSeverity(RuleType type) {
    return switch (type) {
      case FALL -> Severity.CRITICAL;
      case INTRUSION, STATIONARY_OBJECT -> Severity.HIGH;
      case DWELL, OCCUPANCY -> Severity.MEDIUM;
      case SPEED, RUNNING -> Severity.LOW;
      case LINE_CROSSING -> Severity.INFO;
    };
  }

  private static double defaultAbove(RuleType type, boolean metric) {
    return switch (type) {
      case OCCUPANCY -> 10;
      case SPEED -> metric ? 3 : 200;
      case RUNNING -> metric ? 2.5 : 1.2;
      default -> 0;
    };
  }

  private static int inSide(Obj l, Point from, Point to) {
    JsonNode in = l.raw("in");
    if (in == null) {
      throw new IllegalArgumentException(
          l.where
              + ".in: say which side is in: \"left\", \"right\" (of from→to) or a point [x, y]");
    }
    if (in.isTextual()) {
      // On screen (y down) "left of from→to" is a negative cross product.
      return switch (in.asText().toLowerCase(Locale.ROOT)) {
        case "left" -> -1;
        case "right" -> 1;
        default -> throw new IllegalArgumentException(l.where + ".in must be left or right");
      };
    }
    Point p = l.point("in");
    int side = Geometry.side(from.x(), from.y(), to.x(), to.y(), p.x(), p.y());
    if (side == 0) {
      throw new IllegalArgumentException(l.where + ".in: the point lies on the line");
    }
    return side;
  }

  private static void requireUnique(Set<String> ids, String id, String what) {
    if (!id.matches("[A-Za-z0-9._:-]{1,100}")) {
      throw new IllegalArgumentException(
          "camera config: " + what + " id '" + id + "' may only use letters, digits and . _ : -");
    }
    if (!ids.add(id)) {
      throw new IllegalArgumentException(
          "camera config: " + what + " id '" + id + "' is used twice");
    }
  }

  private static long millis(double seconds) {
    return Math.round(seconds * 1000);
  }

  /**
   * A JSON object being read: typed getters that name the field on error, and unknown-key check.
   */
  private static final class Obj {
    private final JsonNode node;
    private final String where;
    private final Set<String> used = new LinkedHashSet<>();

    Obj(JsonNode node, String where) {
      this.node = node;
      this.where = where;
    }

    boolean has(String key) {
      return node.has(key) && !node.get(key).isNull();
    }

    JsonNode raw(String key) {
      used.add(key);
      return has(key) ? node.get(key) : null;
    }

    String requiredText(String key) {
      return optText(key)
          .orElseThrow(() -> new IllegalArgumentException(where + "." + key + " is required"));
    }

    Optional<String> optText(String key) {
      JsonNode v = raw(key);
      if (v == null) {
        return Optional.empty();
      }
      if (!v.isTextual() || v.asText().isBlank()) {
        throw new IllegalArgumentException(where + "." + key + " must be a non-empty string");
      }
      return Optional.of(v.asText());
    }

    String text(String key, String fallback) {
      return optText(key).orElse(fallback);
    }

    double number(String key, double fallback, double min, double max) {
      JsonNode v = raw(key);
      if (v == null) {
        return fallback;
      }
      if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
        throw new IllegalArgumentException(
            where + "." + key + " must be a number from " + min + " to " + max);
      }
      return v.asDouble();
    }

    int intValue(String key, int fallback, int min, int max) {
      JsonNode v = raw(key);
      if (v == null) {
        return fallback;
      }
      if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
        throw new IllegalArgumentException(
            where + "." + key + " must be a whole number from " + min + " to " + max);
      }
      return v.asInt();
    }

    boolean bool(String key, boolean fallback) {
      JsonNode v = raw(key);
      if (v == null) {
        return fallback;
      }
      if (!v.isBoolean()) {
        throw new IllegalArgumentException(where + "." + key + " must be true or false");
      }
      return v.asBoolean();
    }

    Set<String> texts(String key) {
      JsonNode v = raw(key);
      if (v == null) {
        return Set.of();
      }
      if (!v.isArray()) {
        throw new IllegalArgumentException(where + "." + key + " must be an array of strings");
      }
      Set<String> out = new LinkedHashSet<>();
      for (JsonNode item : v) {
        if (!item.isTextual()) {
          throw new IllegalArgumentException(where + "." + key + " must be an array of strings");
        }
        out.add(item.asText());
      }
      return out;
    }

    List<Double> numbers(String key) {
      JsonNode v = raw(key);
      List<Double> out = new ArrayList<>();
      collectNumbers(v, key, out);
      return out;
    }

    private void collectNumbers(JsonNode v, String key, List<Double> out) {
      if (v == null || !v.isArray()) {
        throw new IllegalArgumentException(where + "." + key + " must be an array of numbers");
      }
      for (JsonNode item : v) {
        if (item.isArray()) {
          collectNumbers(item, key, out);
        } else if (item.isNumber()) {
          out.add(item.asDouble());
        } else {
          throw new IllegalArgumentException(where + "." + key + " must hold numbers only");
        }
      }
    }

    Point point(String key) {
      JsonNode v = raw(key);
      Point p = toPoint(v);
      if (p == null) {
        throw new IllegalArgumentException(where + "." + key + " must be a point [x, y]");
      }
      return p;
    }

    List<Point> points(String key) {
      JsonNode v = raw(key);
      if (v == null || !v.isArray()) {
        throw new IllegalArgumentException(where + "." + key + " must be an array of [x, y]");
      }
      List<Point> out = new ArrayList<>();
      for (JsonNode item : v) {
        Point p = toPoint(item);
        if (p == null) {
          throw new IllegalArgumentException(where + "." + key + " must be an array of [x, y]");
        }
        out.add(p);
      }
      return out;
    }

    private static Point toPoint(JsonNode v) {
      if (v == null
          || !v.isArray()
          || v.size() != 2
          || !v.get(0).isNumber()
          || !v.get(1).isNumber()) {
        return null;
      }
      return new Point(v.get(0).asDouble(), v.get(1).asDouble());
    }

    Obj optObj(String key) {
      JsonNode v = raw(key);
      if (v == null) {
        return null;
      }
      if (!v.isObject()) {
        throw new IllegalArgumentException(where + "." + key + " must be an object");
      }
      return new Obj(v, where + "." + key);
    }

    List<Obj> objects(String key) {
      JsonNode v = raw(key);
      if (v == null) {
        return List.of();
      }
      if (!v.isArray()) {
        throw new IllegalArgumentException(where + "." + key + " must be an array of objects");
      }
      List<Obj> out = new ArrayList<>();
      int i = 0;
      for (JsonNode item : v) {
        if (!item.isObject()) {
          throw new IllegalArgumentException(where + "." + key + "[" + i + "] must be an object");
        }
        String label = item.hasNonNull("id") ? item.get("id").asText() : String.valueOf(i);
        out.add(new Obj(item, where + "." + key + "[" + label + "]"));
        i++;
      }
      return out;
    }

    /** Refuses keys nobody read: a typo must not silently drop a setting. */
    void done() {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        if (!used.contains(key)) {
          throw new IllegalArgumentException(where + ": unknown key '" + key + "'");
        }
      }
    }
  }
}
