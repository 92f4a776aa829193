package io.streamsight.processors.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DbPostProcessTest {

  private static final DbPostProcess DB = new DbPostProcess(0.3f, 0.6f, 1.5f, 3, 1000);

  @Test
  void shouldTurnARegionIntoItsUnclippedBoxInOriginalPixels() {
    // A 40 x 8 block of text probability 0.9 in a 64 x 32 map that stands for a 128 x 64 image.
    float[] map = new float[64 * 32];
    fill(map, 64, 10, 12, 40, 8, 0.9f);

    List<Quad> boxes = DB.boxes(map, 64, 32, new DbPostProcess.Mapping(2, 2, 0, 0, 128, 64));

    assertThat(boxes).hasSize(1);
    Quad q = boxes.get(0);
    // The hull through pixel centres is 39 x 7; unclip adds 39*7*1.5/92 = 4.45 on each side.
    double d = 39 * 7 * 1.5 / 92;
    assertThat(q.x0()).isCloseTo((10 - d + 0.5) * 2, within(1e-6));
    assertThat(q.y0()).isCloseTo((12 - d + 0.5) * 2, within(1e-6));
    assertThat(q.x2()).isCloseTo((49 + d + 0.5) * 2, within(1e-6));
    assertThat(q.y2()).isCloseTo((19 + d + 0.5) * 2, within(1e-6));
  }

  @Test
  void shouldDropRegionsThatAreFaintOrThin() {
    float[] map = new float[64 * 32];
    fill(map, 64, 2, 2, 30, 6, 0.45f); // above the binary threshold, below the box threshold
    fill(map, 64, 2, 20, 40, 2, 0.95f); // a hairline: short side 1 < 3

    assertThat(DB.boxes(map, 64, 32, new DbPostProcess.Mapping(1, 1, 0, 0, 64, 32))).isEmpty();
  }

  @Test
  void shouldKeepACurvedLineWhoseRectangleIsMostlyEmpty() {
    // A bowed text line (a page's curl): its rectangle is 3x as tall as the line, so the mean
    // over the rectangle is low; the mean over the region's own pixels is not.
    int w = 200;
    int h = 60;
    float[] map = new float[w * h];
    for (int x = 10; x < 190; x++) {
      int centre = 20 + (int) Math.round(20 * Math.pow((x - 100) / 90.0, 2));
      for (int y = centre - 3; y <= centre + 3; y++) {
        map[y * w + x] = 0.9f;
      }
    }

    List<Quad> boxes = DB.boxes(map, w, h, new DbPostProcess.Mapping(1, 1, 0, 0, w, h));

    assertThat(boxes).hasSize(1);
  }

  @Test
  void shouldSubtractPaddingAndClipToTheImage() {
    float[] map = new float[64 * 32];
    fill(map, 64, 0, 0, 30, 10, 0.9f);

    List<Quad> boxes = DB.boxes(map, 64, 32, new DbPostProcess.Mapping(1, 1, 4, 4, 56, 24));

    assertThat(boxes).hasSize(1);
    Quad q = boxes.get(0);
    assertThat(q.x0()).isZero();
    assertThat(q.y0()).isZero();
    assertThat(q.x2()).isLessThanOrEqualTo(56);
  }

  @Test
  void shouldFindSeparateBoxesForSeparateWords() {
    float[] map = new float[100 * 20];
    fill(map, 100, 5, 5, 30, 8, 0.9f);
    fill(map, 100, 50, 6, 40, 8, 0.9f);

    assertThat(DB.boxes(map, 100, 20, new DbPostProcess.Mapping(1, 1, 0, 0, 100, 20))).hasSize(2);
  }

  private static void fill(float[] map, int w, int x0, int y0, int bw, int bh, float p) {
    for (int y = y0; y < y0 + bh; y++) {
      for (int x = x0; x < x0 + bw; x++) {
        map[y * w + x] = p;
      }
    }
  }
}
