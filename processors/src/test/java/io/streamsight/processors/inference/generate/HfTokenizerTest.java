package io.streamsight.processors.inference.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.processors.TestModels;
import io.streamsight.processors.inference.ModelLoadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HfTokenizerTest {

  private static final TinyTokenizer TINY = new TinyTokenizer();
  private static final int CAT = TINY.word(" cat");
  private static final int SAT = TINY.word(" sat");
  private static final int THE = TINY.word("The");
  private static final int EOS = TINY.added("<|endoftext|>", true);
  private static final int PLAIN_ADDED = TINY.added("<|0.00|>", false);
  private static final HfTokenizer TOKENIZER = HfTokenizer.parse(TINY.json());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The cat sat.",
        "  two  spaces, tabs\tand\nnew lines  ",
        "café, naïve, Ærø — “quotes”",
        "日本語のテキスト",
        "emoji 🐱🚀 and 👩‍👩‍👧",
        "it's we'll they've 123 4.5e6",
        ""
      })
  void shouldDecodeWhatItEncodesForAnyText(String text) {
    long[] ids = TOKENIZER.encode(text);

    assertThat(TOKENIZER.decode(ids, true)).isEqualTo(text);
  }

  @Test
  void shouldEncodeKnownWordsAsTheirOwnTokens() {
    assertThat(TOKENIZER.encode("The cat sat")).containsExactly(THE, CAT, SAT);
    // Unknown words fall back to byte symbols: "dog" is three bytes.
    assertThat(TOKENIZER.encode(" dog")).containsExactly(' ', 'd', 'o', 'g');
  }

  @Test
  void shouldFindAddedTokensInTextAndByName() {
    assertThat(TOKENIZER.encode("The cat<|endoftext|>")).containsExactly(THE, CAT, EOS);
    assertThat(TOKENIZER.requireId("<|endoftext|>")).isEqualTo(EOS);
    assertThat(TOKENIZER.id("<|nope|>")).isEmpty();
    assertThatThrownBy(() -> TOKENIZER.requireId("<|nope|>"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("<|nope|>");
    assertThat(TOKENIZER.isSpecial(EOS)).isTrue();
    assertThat(TOKENIZER.isSpecial(PLAIN_ADDED)).isFalse();
  }

  @Test
  void shouldSkipSpecialTokensWhenAskedAndKeepOtherAddedTokens() {
    long[] ids = {EOS, THE, CAT, PLAIN_ADDED, SAT, EOS};

    assertThat(TOKENIZER.decode(ids, true)).isEqualTo("The cat<|0.00|> sat");
    assertThat(TOKENIZER.decode(ids, false))
        .isEqualTo("<|endoftext|>The cat<|0.00|> sat<|endoftext|>");
  }

  @Test
  void shouldDecodeAMultiByteCharacterSplitOverTokensAndReplaceACutOne() {
    byte[] cat = "🐱".getBytes(StandardCharsets.UTF_8);
    long[] bytes = new long[cat.length];
    for (int i = 0; i < cat.length; i++) {
      bytes[i] = cat[i] & 0xFF;
    }

    assertThat(TOKENIZER.decode(bytes, true)).isEqualTo("🐱");
    assertThat(TOKENIZER.decode(new long[] {bytes[0], bytes[1], CAT}, true))
        .isEqualTo("\uFFFD cat");
  }

  @Test
  void shouldMapEveryByteToOneVisibleCharacterAndBack() {
    for (int b = 0; b < 256; b++) {
      char c = ByteLevel.charOf(b);
      assertThat(Character.isWhitespace(c) || Character.isISOControl(c)).isFalse();
      assertThat(ByteLevel.byteOf(c)).isEqualTo(b);
    }
    assertThat(ByteLevel.charOf(' ')).isEqualTo('Ġ');
    assertThat(ByteLevel.charOf('\n')).isEqualTo('Ċ');
  }

  @Test
  void shouldRefuseAWordPieceTokenizerSayingWhy() {
    var models = TestModels.require("minilm-l6-v2-q");
    Path bert = models.file("minilm-l6-v2-q", "all-minilm-l6-v2-q-tokenizer.json");

    assertThatThrownBy(() -> HfTokenizer.load(bert))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(bert.toString())
        .hasMessageContaining("'WordPiece'")
        .hasMessageContaining("only byte-level BPE");
  }

  @Test
  void shouldNameAMissingOrBrokenFile(@TempDir Path dir) throws Exception {
    Path broken = Files.writeString(dir.resolve("tokenizer.json"), "{not json");

    assertThatThrownBy(() -> HfTokenizer.load(dir.resolve("missing.json")))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("missing.json does not exist");
    assertThatThrownBy(() -> HfTokenizer.load(broken))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("not readable JSON");
  }
}
