package io.streamsight.processors.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsight.processors.image.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedSuppressionTest {

  private static FaceCandidate face(float score, float x1, float y1, float x2, float y2) {
    float[] marks = new float[12];
    java.util.Arrays.fill(marks, x1);
    return new FaceCandidate(score, new Rect(x1, y1, x2, y2), marks);
  }

  @Test
  void shouldMergeOverlappingFacesIntoTheScoreWeightedMeanKeepingTheBestScore() {
    FaceCandidate strong = face(0.75f, 0, 0, 10, 10);
    FaceCandidate weak = face(0.25f, 4, 0, 14, 10); // IoU 0.43

    List<FaceCandidate> merged = FaceCandidate.weightedSuppression(List.of(weak, strong), 0.3f, 10);

    assertThat(merged).hasSize(1);
    FaceCandidate m = merged.get(0);
    assertThat(m.score).isEqualTo(0.75f);
    assertThat(m.box.x1()).isCloseTo(1f, within(1e-5f));
    assertThat(m.box.x2()).isCloseTo(11f, within(1e-5f));
    assertThat(m.landmarkX(3)).isCloseTo(1f, within(1e-5f));
  }

  @Test
  void shouldKeepSeparateFacesApartBestFirst() {
    FaceCandidate left = face(0.6f, 0, 0, 10, 10);
    FaceCandidate right = face(0.9f, 20, 0, 30, 10);

    List<FaceCandidate> kept = FaceCandidate.weightedSuppression(List.of(left, right), 0.3f, 10);

    assertThat(kept).extracting(f -> f.score).containsExactly(0.9f, 0.6f);
    assertThat(FaceCandidate.weightedSuppression(List.of(left, right), 0.3f, 1)).hasSize(1);
  }
}
