package io.streamsight.processors.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpaceRecoveryTest {

  private static final List<String> DICTIONARY =
      List.of(
          "N", "O", "P", "A", "R", "K", "I", "G", "M", "1", "2", "5", ",", "f", ".", "U", "S", "T",
          "h", "e", "中", "文", "（", ")", "x");

  private static final CtcDecoder DECODER = new CtcDecoder(DICTIONARY);
  private static final SpaceRecovery SPACES = new SpaceRecovery(DECODER);

  @Test
  void shouldSplitWhereTheSpaceClassIsClearlyRaisedBetweenTwoLetters() {
    assertThat(read("N - O - {0.30} - P - A - R - K - I - N - G")).isEqualTo("NO PARKING");
    assertThat(read("N - O {0.09} P - A")).isEqualTo("NO PA");
  }

  @Test
  void shouldNotSplitInsideWordsWhereTheSpaceClassStaysLow() {
    assertThat(read("N {0.01} O {0.03} - P - A {0.02} R")).isEqualTo("NOPAR");
  }

  @Test
  void shouldSplitALetterDigitBoundaryOnWeakEvidenceOnly() {
    assertThat(read("G - M {0.03} 1 - 2 - 5")).isEqualTo("GM 125");
    assertThat(read("G - M {0.01} 1 - 2 - 5")).isEqualTo("GM125");
    assertThat(read("N {0.03} 1 - 2")).isEqualTo("N 12");
  }

  @Test
  void shouldSplitAfterACommaOrSentenceEndOnWeakEvidence() {
    assertThat(read("N - O - , {0.04} f")).isEqualTo("NO, f");
    assertThat(read("N - O - . {0.04} T - h - e")).isEqualTo("NO. The");
  }

  @Test
  void shouldNotSplitAnAbbreviationAfterASingleLetter() {
    assertThat(read("U - . {0.04} S - .")).isEqualTo("U.S.");
  }

  @Test
  void shouldSplitAWideGapWithWeakEvidenceButNotAWideGapAlone() {
    // Characters every 2 steps, then a gap of 5 steps.
    assertThat(read("N - O - P - - - - {0.03} A - R - K")).isEqualTo("NOP ARK");
    assertThat(read("N - O - P - - - - - A - R - K")).isEqualTo("NOPARK");
  }

  @Test
  void shouldKeepTheRecognisersOwnSpacesWithoutDoublingThem() {
    assertThat(read("N - O {0.5} _ {0.5} P - A")).isEqualTo("NO PA");
  }

  @Test
  void shouldNeverSplitBetweenChineseCharacters() {
    assertThat(read("中 {0.5} 文")).isEqualTo("中文");
  }

  @Test
  void shouldFoldFullWidthPunctuationOnLatinLinesButNotOnChineseOnes() {
    assertThat(read("x - （ - x - )")).isEqualTo("x(x)");
    assertThat(read("中 - （ - 文")).isEqualTo("中（文");
  }

  /**
   * Decodes a line written as space-separated steps: a symbol is one step where it is the most
   * probable class, {@code -} a blank step, {@code _} a step where the space class wins, {@code
   * {p}} a blank step where the space class has probability {@code p}.
   */
  private static String read(String steps) {
    String[] tokens = steps.split(" ", -1);
    int classes = DECODER.classes();
    float[] probs = new float[tokens.length * classes];
    List<String> symbols = new ArrayList<>(DICTIONARY);
    for (int t = 0; t < tokens.length; t++) {
      String token = tokens[t];
      int base = t * classes;
      if (token.equals("-")) {
        probs[base] = 0.99f;
      } else if (token.equals("_")) {
        probs[base + classes - 1] = 0.9f;
      } else if (token.startsWith("{")) {
        float p = Float.parseFloat(token.substring(1, token.length() - 1));
        probs[base] = 1 - p;
        probs[base + classes - 1] = p;
      } else {
        int cls = symbols.indexOf(token) + 1;
        if (cls == 0) {
          throw new IllegalArgumentException("not in the test dictionary: " + token);
        }
        probs[base + cls] = 0.95f;
      }
    }
    return SPACES.recover(DECODER.decode(probs, tokens.length, classes));
  }
}
