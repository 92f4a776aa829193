package io.streamsight.processors.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingOrderTest {

  @Test
  void shouldReadTwoColumnsLineByLineFromTheTopLeft() {
    List<Quad> boxes =
        List.of(
            box(420, 110, 200, 30), // bottom right
            box(400, 40, 180, 32), // top right
            box(20, 112, 150, 28), // bottom left
            box(30, 38, 200, 30)); // top left

    assertThat(ReadingOrder.lines(boxes)).containsExactly(List.of(3, 1), List.of(2, 0));
  }

  @Test
  void shouldKeepBoxesOfOneLineTogetherWhenTheirTopsDiffer() {
    // A tall capital word and a lower-case word on one baseline, and a line below.
    List<Quad> boxes = List.of(box(200, 52, 100, 24), box(20, 40, 160, 40), box(20, 100, 100, 30));

    assertThat(ReadingOrder.lines(boxes)).containsExactly(List.of(1, 0), List.of(2));
  }

  @Test
  void shouldReadAPagePhotographedAtASlantLineByLine() {
    // Lines of a page turned by -10 degrees: each line's box spans more height than the line
    // spacing, so axis-aligned overlap would merge them.
    double angle = Math.toRadians(-10);
    List<Quad> boxes =
        List.of(
            new RotatedRect(260, 140, 480, 18, angle).corners(),
            new RotatedRect(260, 100, 480, 18, angle).corners(),
            new RotatedRect(80, 252, 120, 18, angle).corners(),
            new RotatedRect(340, 206, 300, 18, angle).corners(),
            new RotatedRect(260, 180, 480, 18, angle).corners());

    assertThat(ReadingOrder.lines(boxes))
        .containsExactly(List.of(1), List.of(0), List.of(4), List.of(2, 3));
  }

  @Test
  void shouldReturnNoLinesForNoBoxes() {
    assertThat(ReadingOrder.lines(List.of())).isEmpty();
  }

  private static Quad box(double x, double y, double w, double h) {
    return new Quad(x, y, x + w, y, x + w, y + h, x, y + h);
  }
}
