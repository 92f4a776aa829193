package io.streamsight.processors.text;

import static io.streamsight.processors.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

  private final TextNormalizer normalizer = new TextNormalizer(1000);

  @Test
  void shouldComposeACombiningAccentIntoOneCharacter() {
    String result = normalizer.normalize("cafe\u0301");

    assertThat(result).isEqualTo("caf\u00e9").hasSize(4);
  }

  @Test
  void shouldComposeAcrossARemovedZeroWidthCharacter() {
    assertThat(normalizer.normalize("e\u200B\u0301")).isEqualTo("\u00e9");
  }

  @Test
  void shouldKeepCompatibilityCharactersThatCarryMeaning() {
    // NFKC would give "1⁄2 tab", "mg/m2", Greek mu and "fi".
    assertThat(normalizer.normalize("\u00bd tab 5 mg/m\u00b2 10 \u00b5g \ufb01le"))
        .isEqualTo("\u00bd tab 5 mg/m\u00b2 10 \u00b5g \ufb01le");
  }

  @Test
  void shouldTurnNoBreakAndOtherUnicodeSpacesIntoSingleSpaces() {
    assertThat(normalizer.normalize("take\u00a01\u2009tab\u202fdaily\u3000now\u2003ok"))
        .isEqualTo("take 1 tab daily now ok");
  }

  @Test
  void shouldCollapseTabsNewlinesAndRunsOfWhitespaceOntoOneLine() {
    assertThat(normalizer.normalize("Take 1 tablet\r\n\tby mouth \n\n twice\u2028daily\u0085."))
        .isEqualTo("Take 1 tablet by mouth twice daily .");
  }

  @Test
  void shouldTrimLeadingAndTrailingWhitespace() {
    assertThat(normalizer.normalize(" \t\u00a0 amoxicillin \n ")).isEqualTo("amoxicillin");
  }

  @Test
  void shouldRemoveByteOrderMarkZeroWidthAndBidiControls() {
    assertThat(normalizer.normalize("\uFEFFdose\u200B: 5\u00ADmg \u202Eevil\u202C\u2066x\u2069"))
        .isEqualTo("dose: 5mg evilx");
  }

  @Test
  void shouldRemoveControlCharactersOtherThanWhitespace() {
    assertThat(normalizer.normalize("a\u0000b\u0007c\u007fd\u0080e")).isEqualTo("abcde");
  }

  @Test
  void shouldRemoveAZeroWidthCharacterBetweenSpacesWithoutLeavingTwoSpaces() {
    assertThat(normalizer.normalize("a \u200B b")).isEqualTo("a b");
  }

  @Test
  void shouldKeepJoinersThatArePartOfSpellingAndEmoji() {
    String persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645";
    String healthWorker = "\uD83D\uDC69\u200D\u2695\uFE0F";

    assertThat(normalizer.normalize(persian)).isEqualTo(persian);
    assertThat(normalizer.normalize(healthWorker)).isEqualTo(healthWorker);
  }

  @Test
  void shouldReplaceUnpairedSurrogatesWithTheReplacementCharacter() {
    assertThat(normalizer.normalize("a\uD800b\uDC00c")).isEqualTo("a\uFFFDb\uFFFDc");
    assertThat(normalizer.normalize("end\uD83D")).isEqualTo("end\uFFFD");
  }

  @Test
  void shouldKeepValidSurrogatePairs() {
    assertThat(normalizer.normalize("\uD83D\uDC8A x2")).isEqualTo("\uD83D\uDC8A x2");
  }

  @Test
  void shouldBeIdempotent() {
    String once = normalizer.normalize(" \uFEFFRx:\u00a0cafe\u0301\t\u00bd\ttab\u200B \n");

    assertThat(normalizer.normalize(once)).isEqualTo(once);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\r\n", "\u00a0\u200B\uFEFF", "\u0000\u202E"})
  void shouldRejectTextThatIsEmptyAfterNormalisation(String text) {
    assertRejected(() -> normalizer.normalize(text), Reason.EMPTY);
  }

  @Test
  void shouldRejectMissingTextAsEmpty() {
    assertRejected(() -> normalizer.normalize(null), Reason.EMPTY);
  }

  @Test
  void shouldAcceptExactlyMaxCharsAndRejectOneMoreAsOversize() {
    TextNormalizer ten = new TextNormalizer(10);

    assertThat(ten.normalize("0123456789")).hasSize(10);
    RejectedInputException e = assertRejected(() -> ten.normalize("0123456789a"), Reason.OVERSIZE);
    assertThat(e).hasMessage("text too long: 11 characters exceeds text.max.chars=10");
  }

  @Test
  void shouldCountTheLimitAfterNormalisationInCodePoints() {
    TextNormalizer four = new TextNormalizer(4);

    // Eight UTF-16 units of emoji are four characters; collapsed whitespace does not count.
    assertThat(four.normalize("\uD83D\uDC8A\uD83D\uDC8A\uD83D\uDC8A\uD83D\uDC8A")).hasSize(8);
    assertThat(four.normalize("   a  \n\n  b   ")).isEqualTo("a b");
    assertThat(four.normalize("cafe\u0301")).isEqualTo("caf\u00e9");
  }

  @Test
  void shouldNotPutTextContentInRejectionMessages() {
    RejectedInputException e =
        assertRejected(() -> new TextNormalizer(5).normalize("patient John Doe"), Reason.OVERSIZE);

    assertThat(e.getMessage()).doesNotContain("John").doesNotContain("patient");
  }

  @Test
  void shouldRefuseANonPositiveLimit() {
    assertThatThrownBy(() -> new TextNormalizer(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
