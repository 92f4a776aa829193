package io.streamsight.processors.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtcDecoderTest {

  /** Classes: 0 blank, 1..5 = H E L O 1, 6 space. */
  static final List<String> DICTIONARY = List.of("H", "E", "L", "O", "1");

  static final CtcDecoder DECODER = new CtcDecoder(DICTIONARY);

  @Test
  void shouldCollapseRepeatsDropBlanksAndKeepDoubleLettersSplitByABlank() {
    // H H - E L - L O -   (- = blank)
    Probs p = new Probs(9).top(0, 1, 0.9f).top(1, 1, 0.8f).top(3, 2, 0.7f).top(4, 3, 0.6f);
    p.top(6, 3, 0.5f).top(7, 4, 0.95f);

    CtcDecoder.Decoded decoded = DECODER.decode(p.values, 9, DECODER.classes());

    assertThat(decoded.text()).isEqualTo("HELLO");
    // Mean of each character's probability at its first step: 0.9, 0.7, 0.6, 0.5, 0.95.
    assertThat(decoded.score()).isCloseTo((0.9f + 0.7f + 0.6f + 0.5f + 0.95f) / 5, within(1e-6f));
    assertThat(decoded.emissions())
        .extracting(CtcDecoder.Emission::first, CtcDecoder.Emission::last)
        .first()
        .isEqualTo(tuple(0, 1));
  }

  @Test
  void shouldDecodeTheLastClassAsASpaceAndTrimTheLine() {
    Probs p = new Probs(6).top(0, 6, 0.9f).top(1, 1, 0.9f).top(2, 6, 0.9f).top(3, 5, 0.9f);

    assertThat(DECODER.decode(p.values, 6, DECODER.classes()).text()).isEqualTo("H 1");
  }

  @Test
  void shouldReadOnlyTheStepsOfTheLineItselfNotTheBatchPadding() {
    Probs p = new Probs(6).top(0, 1, 0.9f).top(5, 2, 0.9f);

    assertThat(DECODER.decode(p.values, 3, DECODER.classes()).text()).isEqualTo("H");
  }

  @Test
  void shouldGiveAnEmptyLineNoConfidence() {
    CtcDecoder.Decoded decoded = DECODER.decode(new Probs(4).values, 4, DECODER.classes());

    assertThat(decoded.text()).isEmpty();
    assertThat(decoded.score()).isZero();
  }

  @Test
  void shouldRefuseAModelWhoseClassesDoNotMatchTheDictionary() {
    assertThatThrownBy(() -> DECODER.decode(new float[10], 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10 classes");
  }

  @Test
  void shouldLoadADictionaryWithoutATrailingNewlineOrWithOne(@TempDir Path dir) throws IOException {
    Path without = Files.writeString(dir.resolve("a.txt"), "a\nb\nc", StandardCharsets.UTF_8);
    Path with = Files.writeString(dir.resolve("b.txt"), "a\nb\nc\n", StandardCharsets.UTF_8);

    assertThat(CtcDecoder.load(without).classes()).isEqualTo(5);
    assertThat(CtcDecoder.load(with).classes()).isEqualTo(5);
    assertThat(CtcDecoder.load(with).symbol(3)).isEqualTo("c");
    assertThat(CtcDecoder.load(with).symbol(4)).isEqualTo(" ");
  }

  /** A [steps, 7] probability matrix, blank everywhere unless set. */
  static final class Probs {
    final float[] values;
    final int classes = DECODER.classes();

    Probs(int steps) {
      values = new float[steps * classes];
      for (int t = 0; t < steps; t++) {
        values[t * classes] = 0.99f;
      }
    }

    /** Makes {@code cls} the most probable class at step {@code t}. */
    Probs top(int t, int cls, float p) {
      values[t * classes] = (1 - p) / 2;
      values[t * classes + cls] = p;
      return this;
    }

    /** Sets the space class's probability at step {@code t} (below the top class). */
    Probs space(int t, float p) {
      values[t * classes + classes - 1] = p;
      return this;
    }
  }
}
