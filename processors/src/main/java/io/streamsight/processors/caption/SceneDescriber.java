package io.streamsight.processors.caption;

import io.streamsight.events.Detection;
import io.streamsight.events.Face;
import io.streamsight.processors.image.Rect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default caption: one English sentence written from what the other image steps found, such as
 * "Two people and a car, with one face visible and text reading 'NOTICE DOUBLE PARKING
 * PROHIBITED'."
 *
 * <p><b>This is a template, not a captioning model.</b> It never looks at pixels and says nothing
 * the detections, faces and OCR text do not say: it counts the objects of each class, orders the
 * classes by salience (the share of the picture their boxes cover, weighted by score, and by
 * {@value #PERSON_WEIGHT} for people, the usual subject of a photo), places the most salient ones
 * (left, centre, right by the box centre's third of the width; "in the foreground" when one box
 * covers at least {@value #FOREGROUND} of the picture), mentions the faces and quotes the text. No
 * scene type ("a street", "a kitchen") is guessed. Point {@code caption.model.dir} at an ONNX
 * encoder-decoder captioner to caption from pixels instead.
 *
 * <p>English: number words up to twelve, plurals ("people", "knives", "buses"), "a"/"an", lists as
 * "a, b and c", at most {@value #MAX_CLASSES} classes named (then "among other things"), quoted
 * text cut at a word boundary after {@value #MAX_TEXT} characters. Stateless and thread-safe.
 */
public final class SceneDescriber {

  /** Name of this step in provenance records. */
  public static final String STEP_NAME = "scene-describer";

  /** Version of the template. */
  public static final String STEP_VERSION = "1";

  static final float FOREGROUND = 0.3f;
  static final float PERSON_WEIGHT = 1.5f;
  static final int MAX_CLASSES = 4;
  static final int MAX_TEXT = 60;

  /** Only the most salient classes get a position, so the sentence stays readable. */
  private static final int PLACED_CLASSES = 3;

  /**
   * Describes an image.
   *
   * @param width image width in pixels
   * @param height image height in pixels
   * @param detections objects found (any order), boxes in image pixels
   * @param faces faces found, boxes in image pixels
   * @param text the image's full OCR text, or null / blank when none was read
   * @return one sentence, capitalised, ending with a full stop
   */
  public String describe(
      int width, int height, List<Detection> detections, List<Face> faces, String text) {
    float area = Math.max(1f, (float) width * height);
    List<Group> groups = group(detections, area);
    boolean people = groups.stream().anyMatch(g -> g.label.equals("person"));
    int faceCount = faces == null ? 0 : faces.size();
    if (!people && faceCount > 0) {
      // Faces but no person box: the faces are the subject.
      Group face = new Group("face");
      faces.forEach(f -> face.add(Rect.of(f.getBox()), f.getScore(), area));
      groups.add(face);
      groups.sort(Group.BY_SALIENCE);
      faceCount = 0;
    }
    String quoted = quote(text);

    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < Math.min(groups.size(), MAX_CLASSES); i++) {
      Group g = groups.get(i);
      String phrase = English.count(g.boxes.size(), g.label);
      String place = i < PLACED_CLASSES ? g.place(width) : "";
      phrases.add(place.isEmpty() ? phrase : phrase + " " + place);
    }
    StringBuilder sentence = new StringBuilder(English.list(phrases));
    if (groups.size() > MAX_CLASSES) {
      sentence.append(", among other things");
    }

    List<String> extras = new ArrayList<>();
    if (faceCount > 0) {
      extras.add(English.number(faceCount) + (faceCount == 1 ? " face" : " faces") + " visible");
    }
    if (quoted != null) {
      extras.add("text reading " + quoted);
    }
    if (sentence.isEmpty()) {
      if (quoted != null) {
        return "Text reading " + quoted + ".";
      }
      return "No objects, faces or text recognised.";
    }
    if (!extras.isEmpty()) {
      sentence.append(", with ").append(English.list(extras));
    }
    return English.capitalise(sentence.toString()) + ".";
  }

  private static List<Group> group(List<Detection> detections, float area) {
    Map<String, Group> byLabel = new LinkedHashMap<>();
    if (detections != null) {
      for (Detection d : detections) {
        byLabel
            .computeIfAbsent(d.getLabel(), Group::new)
            .add(Rect.of(d.getBox()), d.getScore(), area);
      }
    }
    List<Group> groups = new ArrayList<>(byLabel.values());
    groups.sort(Group.BY_SALIENCE);
    return groups;
  }

  /** The text in single quotes, whitespace collapsed, cut at a word boundary; null if none. */
  static String quote(String text) {
    if (text == null) {
      return null;
    }
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.isEmpty()) {
      return null;
    }
    if (flat.length() > MAX_TEXT) {
      int cut = flat.lastIndexOf(' ', MAX_TEXT);
      flat = (cut > MAX_TEXT / 2 ? flat.substring(0, cut) : flat.substring(0, MAX_TEXT)) + "…";
    }
    return "'" + flat + "'";
  }

  /** The boxes of one class. */
  private static final class Group {
    static final Comparator<Group> BY_SALIENCE =
        Comparator.comparingDouble((Group g) -> g.salience)
            .reversed()
            .thenComparing(g -> -g.boxes.size())
            .thenComparing(g -> g.label);

    final String label;
    final List<Rect> boxes = new ArrayList<>();
    double salience;
    float largest;

    Group(String label) {
      this.label = label;
    }

    void add(Rect box, float score, float imageArea) {
      boxes.add(box);
      float share = Math.min(1f, box.area() / imageArea);
      salience += share * score * (label.equals("person") ? PERSON_WEIGHT : 1f);
      largest = Math.max(largest, share);
    }

    /** "in the foreground", "on the left", "in the centre", "on the right", or "" when mixed. */
    String place(int width) {
      if (boxes.size() == 1 && largest >= FOREGROUND) {
        return "in the foreground";
      }
      String zone = null;
      for (Rect box : boxes) {
        String z = zone(box.centerX() / Math.max(1, width));
        if (zone != null && !zone.equals(z)) {
          return "";
        }
        zone = z;
      }
      return zone == null ? "" : zone;
    }

    private static String zone(float x) {
      if (x < 1f / 3) {
        return "on the left";
      }
      return x > 2f / 3 ? "on the right" : "in the centre";
    }
  }
}
