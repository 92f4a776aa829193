package io.streamsight.processors.image;

import io.streamsight.events.Box;

/**
 * An axis-aligned rectangle by its corners ({@code x1 <= x2}, {@code y1 <= y2} for a non-empty
 * one), in whatever coordinates the caller uses: model input pixels, normalised 0..1, or original
 * image pixels. Boxes are compared with {@link #iou}, which does not change when both boxes are
 * scaled along an axis, so suppression can run in any of those coordinates.
 */
public record Rect(float x1, float y1, float x2, float y2) {

  /** The rectangle of a schema {@link Box} (left, top, width, height). */
  public static Rect of(Box box) {
    return new Rect(box.getX(), box.getY(), box.getX() + box.getW(), box.getY() + box.getH());
  }

  public float width() {
    return Math.max(0, x2 - x1);
  }

  public float height() {
    return Math.max(0, y2 - y1);
  }

  public float area() {
    return width() * height();
  }

  public float centerX() {
    return (x1 + x2) / 2;
  }

  public float centerY() {
    return (y1 + y2) / 2;
  }

  /** Intersection over union, 0 for disjoint or empty rectangles. */
  public float iou(Rect other) {
    float iw = Math.min(x2, other.x2) - Math.max(x1, other.x1);
    float ih = Math.min(y2, other.y2) - Math.max(y1, other.y1);
    if (iw <= 0 || ih <= 0) {
      return 0;
    }
    float inter = iw * ih;
    float union = area() + other.area() - inter;
    return union <= 0 ? 0 : inter / union;
  }

  /** Both axes multiplied: normalised coordinates to pixels, say. */
  public Rect scale(float sx, float sy) {
    return new Rect(x1 * sx, y1 * sy, x2 * sx, y2 * sy);
  }

  /** Clipped to {@code [0, width] x [0, height]}. */
  public Rect clip(float width, float height) {
    return new Rect(clamp(x1, width), clamp(y1, height), clamp(x2, width), clamp(y2, height));
  }

  /** Grown by {@code factor} of its size on every side (0.2: 20% of the width left and right). */
  public Rect expand(float factor) {
    float dx = width() * factor;
    float dy = height() * factor;
    return new Rect(x1 - dx, y1 - dy, x2 + dx, y2 + dy);
  }

  /** The schema's {@link Box}: left, top, width, height. */
  public Box toBox() {
    return Box.newBuilder().setX(x1).setY(y1).setW(width()).setH(height()).build();
  }

  private static float clamp(float v, float max) {
    return Math.max(0, Math.min(v, max));
  }
}
