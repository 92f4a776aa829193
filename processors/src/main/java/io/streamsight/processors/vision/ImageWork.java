package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.Box;
import io.streamsight.events.Detection;
import io.streamsight.events.Face;
import io.streamsight.events.ModelProvenance;
import io.streamsight.events.Point;
import io.streamsight.events.TextRegion;
import io.streamsight.processors.image.Pixels;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One decoded image on its way through the model steps, and what they found so far.
 *
 * <p>The steps see {@link #image()}: the decoded image converted once to {@code TYPE_INT_RGB}
 * (every step then reads its pixels without conversion), downscaled to at most {@value
 * #MAX_WORKING_SIDE} pixels on the long side when larger (no model here looks at more: NanoDet
 * takes 416, BlazeFace 256, the OCR detector about 960; and a 40-megapixel photo would otherwise
 * take 160 MB as ints). Steps report results in that image's pixels; {@code set...} methods map
 * them to the original image's pixels, which is what output records carry.
 *
 * <p>Not thread-safe: one stream thread handles a batch.
 */
public final class ImageWork {

  /** Longest side of the image the steps work on. */
  public static final int MAX_WORKING_SIDE = 2048;

  private final SourcePlan plan;
  private final BufferedImage original;
  private final BufferedImage image;
  private final float scale;
  private List<Detection> detections = List.of();
  private List<Face> faces = List.of();
  private List<TextRegion> textRegions = List.of();
  private String fullText;
  private String caption;
  private BufferedImage redacted;
  private final List<ModelProvenance> models = new ArrayList<>();

  /**
   * @param plan what runs for the image's source
   * @param decoded the decoded image, any type
   */
  public ImageWork(SourcePlan plan, BufferedImage decoded) {
    this.plan = requireNonNull(plan, "plan");
    this.original = requireNonNull(decoded, "decoded");
    int side = Math.max(decoded.getWidth(), decoded.getHeight());
    if (side > MAX_WORKING_SIDE) {
      this.scale = (float) side / MAX_WORKING_SIDE;
      this.image = downscaled(decoded, scale);
    } else {
      this.scale = 1f;
      this.image = Pixels.toIntRgb(decoded);
    }
  }

  private static BufferedImage downscaled(BufferedImage decoded, float scale) {
    int w = Math.max(1, Math.round(decoded.getWidth() / scale));
    int h = Math.max(1, Math.round(decoded.getHeight() / scale));
    BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(decoded, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return small;
  }

  public SourcePlan plan() {
    return plan;
  }

  /** The image the steps work on ({@code TYPE_INT_RGB}, long side at most 2048). */
  public BufferedImage image() {
    return image;
  }

  /** The decoded image at full size. */
  public BufferedImage original() {
    return original;
  }

  /** Width of the original image. */
  public int width() {
    return original.getWidth();
  }

  /** Height of the original image. */
  public int height() {
    return original.getHeight();
  }

  /** Objects found, in original pixels. */
  public List<Detection> detections() {
    return detections;
  }

  /** Faces found, in original pixels. */
  public List<Face> faces() {
    return faces;
  }

  /** Text regions read, in original pixels. */
  public List<TextRegion> textRegions() {
    return textRegions;
  }

  /** The full OCR text, or null when OCR did not run. */
  public String fullText() {
    return fullText;
  }

  /** The caption, or null when no captioner ran. */
  public String caption() {
    return caption;
  }

  /** Provenance of every step that ran on the image, in order. */
  public List<ModelProvenance> models() {
    return models;
  }

  /** Sets the detections, given in {@link #image()} pixels. */
  public void setDetections(List<Detection> found) {
    List<Detection> mapped = new ArrayList<>(found.size());
    for (Detection d : found) {
      mapped.add(
          Detection.newBuilder()
              .setLabel(d.getLabel())
              .setScore(d.getScore())
              .setBox(box(d.getBox()))
              .build());
    }
    detections = mapped;
  }

  /** Sets the faces, given in {@link #image()} pixels. */
  public void setFaces(List<Face> found) {
    List<Face> mapped = new ArrayList<>(found.size());
    for (Face f : found) {
      mapped.add(
          Face.newBuilder()
              .setScore(f.getScore())
              .setBox(box(f.getBox()))
              .setLandmarks(points(f.getLandmarks()))
              .build());
    }
    faces = mapped;
  }

  /** Sets the text, regions given in {@link #image()} pixels. */
  public void setText(List<TextRegion> regions, String text) {
    List<TextRegion> mapped = new ArrayList<>(regions.size());
    for (TextRegion r : regions) {
      mapped.add(
          TextRegion.newBuilder()
              .setText(r.getText())
              .setScore(r.getScore())
              .setPolygon(points(r.getPolygon()))
              .build());
    }
    textRegions = mapped;
    fullText = text;
  }

  public void setCaption(String text) {
    caption = text;
  }

  /** The copy with faces blurred, when the source's privacy switch is on; else null. */
  public BufferedImage redacted() {
    return redacted;
  }

  public void setRedacted(BufferedImage copy) {
    redacted = copy;
  }

  /** Appends a provenance entry. */
  public void addModel(ModelProvenance provenance) {
    models.add(requireNonNull(provenance, "provenance"));
  }

  private Box box(Box b) {
    if (scale == 1f) {
      return b;
    }
    return Box.newBuilder()
        .setX(b.getX() * scale)
        .setY(b.getY() * scale)
        .setW(b.getW() * scale)
        .setH(b.getH() * scale)
        .build();
  }

  private List<Point> points(List<Point> points) {
    if (scale == 1f) {
      return points;
    }
    List<Point> mapped = new ArrayList<>(points.size());
    for (Point p : points) {
      mapped.add(Point.newBuilder().setX(p.getX() * scale).setY(p.getY() * scale).build());
    }
    return mapped;
  }
}
