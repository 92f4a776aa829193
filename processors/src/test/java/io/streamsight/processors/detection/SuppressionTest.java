package io.streamsight.processors.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.processors.image.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionTest {

  private static Candidate c(int label, float score, float x1, float y1, float x2, float y2) {
    return new Candidate(label, score, new Rect(x1, y1, x2, y2));
  }

  @Test
  void shouldDropTheWeakerOfTwoOverlappingBoxesOfOneClassOnly() {
    Candidate strong = c(0, 0.9f, 0, 0, 10, 10);
    Candidate weakSameClass = c(0, 0.5f, 1, 1, 11, 11); // IoU 0.68
    Candidate otherClass = c(2, 0.6f, 1, 1, 11, 11);

    assertThat(Suppression.suppress(List.of(weakSameClass, otherClass, strong), 0.6f, 0.9f, 10))
        .containsExactly(strong, otherClass);
  }

  @Test
  void shouldKeepOverlappingBoxesOfOneClassBelowTheThreshold() {
    Candidate a = c(0, 0.9f, 0, 0, 10, 10);
    Candidate b = c(0, 0.8f, 5, 0, 15, 10); // IoU 1/3

    assertThat(Suppression.suppress(List.of(a, b), 0.6f, 0.9f, 10)).containsExactly(a, b);
  }

  @Test
  void shouldKeepOneLabelForOneObjectUnlessDuplicatesAreAllowed() {
    Candidate horse = c(17, 0.51f, 0, 0, 10, 10);
    Candidate cow = c(19, 0.50f, 0, 0, 10, 10.2f);

    assertThat(Suppression.suppress(List.of(cow, horse), 0.6f, 0.9f, 10)).containsExactly(horse);
    assertThat(Suppression.suppress(List.of(cow, horse), 0.6f, 1f, 10)).containsExactly(horse, cow);
  }

  @Test
  void shouldStopAtTheMaximumBestFirst() {
    Candidate a = c(0, 0.3f, 0, 0, 1, 1);
    Candidate b = c(1, 0.9f, 5, 5, 6, 6);
    Candidate d = c(2, 0.6f, 8, 8, 9, 9);

    assertThat(Suppression.suppress(List.of(a, b, d), 0.6f, 0.9f, 2)).containsExactly(b, d);
  }
}
