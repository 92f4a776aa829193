package io.streamsight.processors.ocr;

/**
 * A rectangle at any angle: centre, side lengths and the direction of its {@code width} side.
 *
 * @param cx centre x
 * @param cy centre y
 * @param width length of the side along direction {@code (cos angle, sin angle)}
 * @param height length of the other side
 * @param angle direction of the width side, radians
 */
record RotatedRect(double cx, double cy, double width, double height, double angle) {

  double area() {
    return width * height;
  }

  double shortSide() {
    return Math.min(width, height);
  }

  /**
   * DB's "unclip": the rectangle grown by {@code area * ratio / perimeter} on every side. This is
   * exactly what PaddleOCR gets from offsetting the box polygon outwards by that distance with
   * round joins and taking the minimum-area rectangle of the result: the rounded corners stay
   * inside the grown rectangle, whose sides touch the offset straight edges.
   */
  RotatedRect unclip(double ratio) {
    double perimeter = 2 * (width + height);
    if (perimeter <= 0) {
      return this;
    }
    double distance = area() * ratio / perimeter;
    return new RotatedRect(cx, cy, width + 2 * distance, height + 2 * distance, angle);
  }

  /** The corners ordered top-left, top-right, bottom-right, bottom-left. */
  Quad corners() {
    double ux = Math.cos(angle) * width / 2;
    double uy = Math.sin(angle) * width / 2;
    double vx = -Math.sin(angle) * height / 2;
    double vy = Math.cos(angle) * height / 2;
    double[] xs = {cx - ux - vx, cx + ux - vx, cx + ux + vx, cx - ux + vx};
    double[] ys = {cy - uy - vy, cy + uy - vy, cy + uy + vy, cy - uy + vy};
    return Quad.ordered(xs, ys);
  }
}
