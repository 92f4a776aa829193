package io.streamsight.processors.tracking;

/**
 * A box (pixels, top-left corner and size) at a capture time.
 *
 * @param timeMs capture time of the frame, epoch milliseconds
 */
public record TimedBox(long timeMs, float x, float y, float w, float h) {

  /** Horizontal centre. */
  public float cx() {
    return x + w / 2;
  }

  /** Vertical centre. */
  public float cy() {
    return y + h / 2;
  }

  /** Bottom edge: where the feet of a standing person are. */
  public float bottom() {
    return y + h;
  }
}
