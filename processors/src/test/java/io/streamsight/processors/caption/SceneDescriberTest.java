package io.streamsight.processors.caption;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.Box;
import io.streamsight.events.Detection;
import io.streamsight.events.Face;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The template on constructed inputs: counts, plurals, articles, order, positions, text. */
class SceneDescriberTest {

  private static final int W = 900;
  private static final int H = 600;

  private final SceneDescriber describer = new SceneDescriber();

  private static Detection d(String label, float score, float x, float y, float w, float h) {
    return Detection.newBuilder()
        .setLabel(label)
        .setScore(score)
        .setBox(Box.newBuilder().setX(x).setY(y).setW(w).setH(h).build())
        .build();
  }

  private static Face face(float x, float y, float size) {
    return Face.newBuilder()
        .setBox(Box.newBuilder().setX(x).setY(y).setW(size).setH(size).build())
        .setScore(0.9f)
        .setLandmarks(List.of())
        .build();
  }

  @Test
  void shouldCountPeopleAndNameACarWithTheSignsText() {
    List<Detection> found =
        List.of(
            d("person", 0.8f, 100, 200, 80, 250),
            d("car", 0.7f, 600, 300, 200, 120),
            d("person", 0.7f, 350, 220, 70, 230));

    String caption =
        describer.describe(W, H, found, List.of(), "NOTICE\nDOUBLE PARKING  PROHIBITED");

    assertThat(caption)
        .isEqualTo(
            "Two people and a car on the right,"
                + " with text reading 'NOTICE DOUBLE PARKING PROHIBITED'.");
  }

  @Test
  void shouldPlaceSingleObjectsAndPutTheLargestOneInTheForeground() {
    List<Detection> found =
        List.of(
            d("dog", 0.4f, 110, 200, 230, 320),
            d("truck", 0.36f, 700, 80, 180, 80),
            d("bicycle", 0.7f, 100, 100, 500, 330));

    assertThat(describer.describe(W, H, found, List.of(), null))
        .isEqualTo("A bicycle in the foreground, a dog on the left and a truck on the right.");
  }

  @Test
  void shouldUseAnBeforeVowelsAndIrregularPlurals() {
    List<Detection> found =
        List.of(
            d("umbrella", 0.9f, 400, 10, 100, 100),
            d("knife", 0.6f, 10, 500, 20, 20),
            d("knife", 0.6f, 40, 500, 20, 20),
            d("sheep", 0.5f, 100, 400, 30, 30),
            d("sheep", 0.5f, 700, 400, 30, 30),
            d("sheep", 0.5f, 800, 400, 30, 30));

    assertThat(describer.describe(W, H, found, List.of(), ""))
        .isEqualTo("An umbrella in the centre, three sheep and two knives on the left.");
  }

  @Test
  void shouldNameAtMostFourClassesAndSayThereIsMore() {
    List<Detection> found = new ArrayList<>();
    String[] labels = {"person", "bus", "bench", "traffic light", "bird", "clock"};
    for (int i = 0; i < labels.length; i++) {
      float size = 200 - 30 * i;
      found.add(d(labels[i], 0.8f, 10, 10, size, size));
    }

    assertThat(describer.describe(W, H, found, List.of(face(20, 20, 30)), null))
        .isEqualTo(
            "A person on the left, a bus on the left, a bench on the left and a traffic light,"
                + " among other things, with one face visible.");
  }

  @Test
  void shouldDescribeFacesAsTheSubjectWhenNoPersonWasDetected() {
    List<Face> faces = List.of(face(100, 100, 60), face(150, 300, 50));

    assertThat(describer.describe(W, H, List.of(), faces, null))
        .isEqualTo("Two faces on the left.");
  }

  @Test
  void shouldWriteNumbersAboveTwelveInDigitsAndPairsAsPairs() {
    List<Detection> found = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      found.add(d("car", 0.6f, 60 * i, 300, 50, 30));
    }
    found.add(d("skis", 0.5f, 400, 500, 10, 10));

    assertThat(describer.describe(W, H, found, List.of(), null))
        .isEqualTo("13 cars and a pair of skis in the centre.");
  }

  @Test
  void shouldQuoteOnlyTheTextWhenThatIsAllThereIsAndCutLongText() {
    String page =
        "The quick brown fox jumps over the lazy dog and keeps running far beyond the hill";

    assertThat(describer.describe(W, H, List.of(), List.of(), page))
        .isEqualTo("Text reading 'The quick brown fox jumps over the lazy dog and keeps…'.");
  }

  @Test
  void shouldSayNothingWasRecognisedRatherThanInventSomething() {
    assertThat(describer.describe(W, H, List.of(), List.of(), "  "))
        .isEqualTo("No objects, faces or text recognised.");
  }

  @Test
  void shouldKnowItsArticlesAndPlurals() {
    assertThat(English.count(1, "elephant")).isEqualTo("an elephant");
    assertThat(English.count(1, "hot dog")).isEqualTo("a hot dog");
    assertThat(English.count(1, "tv")).isEqualTo("a TV");
    assertThat(English.count(2, "tv")).isEqualTo("two TVs");
    assertThat(English.count(2, "bus")).isEqualTo("two buses");
    assertThat(English.count(3, "wine glass")).isEqualTo("three wine glasses");
    assertThat(English.count(2, "mouse")).isEqualTo("two mice");
    assertThat(English.count(4, "sandwich")).isEqualTo("four sandwiches");
    assertThat(English.count(2, "scissors")).isEqualTo("two pairs of scissors");
    assertThat(English.count(12, "person")).isEqualTo("twelve people");
  }
}
