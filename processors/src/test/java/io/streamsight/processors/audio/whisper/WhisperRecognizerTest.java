package io.streamsight.processors.audio.whisper;

import static io.streamsight.processors.audio.whisper.TinyWhisper.BONJOUR_TEXT;
import static io.streamsight.processors.audio.whisper.TinyWhisper.HELLO_TEXT;
import static io.streamsight.processors.audio.whisper.TinyWhisper.SILENCE_TEXT;
import static io.streamsight.processors.audio.whisper.TinyWhisper.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.generate.GenerationOverrides;
import io.streamsight.processors.inference.generate.TinyExport;
import io.streamsight.processors.inference.generate.TinyExport.Layout;
import io.streamsight.processors.inference.generate.TinyModelTest;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WhisperRecognizerTest extends TinyModelTest {

  private static final float[] A440 = tone(new float[2 * 16000], 440, 0.5, 0, 2);
  private static final float[] A1000 = tone(new float[3 * 16000], 1000, 0.5, 0.5, 3);
  private static final float[] SILENCE = new float[16000];

  private WhisperRecognizer load(
      Layout layout,
      WhisperSettings settings,
      Consumer<com.fasterxml.jackson.databind.node.ObjectNode> gen) {
    Path folder =
        TinyWhisper.write(
            dir.resolve("tiny-whisper-" + layout + "-" + System.nanoTime()), layout, gen);
    return WhisperRecognizer.load(folder, registry, DevicePlacement.cpu("whisper"), settings);
  }

  private List<Recognition> transcribe(Layout layout, WhisperSettings settings, float[]... clips) {
    return transcribe(load(layout, settings, g -> {}), clips);
  }

  private static List<Recognition> transcribe(WhisperRecognizer whisper, float[]... clips) {
    try (WhisperSession session = whisper.newSession()) {
      return session.transcribeAll(List.of(clips));
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void shouldTranscribeEachClipOfABatchAndDetectItsLanguageInEveryLayout(Layout layout) {
    List<Recognition> out = transcribe(layout, WhisperSettings.defaults(), A440, A1000, SILENCE);

    assertThat(out)
        .extracting(Recognition::text)
        .containsExactly(HELLO_TEXT, BONJOUR_TEXT, SILENCE_TEXT);
    assertThat(out).extracting(Recognition::language).containsExactly("en", "fr", "en");
    Recognition hello = out.get(0);
    assertThat(hello.segments()).hasSize(1);
    assertThat(hello.segments().get(0).start()).isEqualTo(0.0);
    assertThat(hello.segments().get(0).end()).isEqualTo(2.0);
    assertThat(hello.segments().get(0).text()).isEqualTo(HELLO_TEXT);
    // Every token's probability is near 1 except the end, which had .4 before "la" was suppressed.
    assertThat(hello.confidence()).isBetween(0.5, 1.0);
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void shouldSplitTheTranscriptAtTimestampsWhenAsked(Layout layout) {
    List<Recognition> out =
        transcribe(layout, WhisperSettings.defaults().withTimestamps(true), A440, A1000);

    assertThat(out.get(0).text()).isEqualTo(HELLO_TEXT);
    assertThat(out.get(0).segments())
        .extracting(Recognition.Segment::text)
        .containsExactly("hello", "world");
    assertThat(out.get(0).segments().get(0).start()).isCloseTo(0.40, within(1e-9));
    assertThat(out.get(0).segments().get(0).end()).isCloseTo(1.00, within(1e-9));
    assertThat(out.get(0).segments().get(1).start()).isCloseTo(1.10, within(1e-9));
    assertThat(out.get(0).segments().get(1).end()).isCloseTo(1.20, within(1e-9));
    assertThat(out.get(1).segments())
        .extracting(Recognition.Segment::text)
        .containsExactly("bonjour");
    assertThat(out.get(1).segments().get(0).end()).isCloseTo(0.80, within(1e-9));
  }

  @Test
  void shouldTranscribeLongAudioInConsecutiveWindowsWithTheirOffsets() {
    float[] clip = new float[40 * 16000];
    tone(clip, 440, 0.5, 0, 2);
    tone(clip, 1000, 0.5, 31, 33);

    Recognition plain = transcribe(Layout.WITH_PAST, WhisperSettings.defaults(), clip).get(0);
    Recognition stamped =
        transcribe(Layout.WITH_PAST, WhisperSettings.defaults().withTimestamps(true), clip).get(0);

    assertThat(plain.text()).isEqualTo(HELLO_TEXT + " " + BONJOUR_TEXT);
    assertThat(plain.segments()).hasSize(2);
    assertThat(plain.segments().get(1).start()).isEqualTo(30.0);
    assertThat(plain.segments().get(1).end()).isEqualTo(40.0);
    assertThat(stamped.segments())
        .extracting(Recognition.Segment::text)
        .containsExactly("hello", "world", "bonjour");
    assertThat(stamped.segments().get(2).start()).isCloseTo(30.40, within(1e-9));
    assertThat(stamped.segments().get(2).end()).isCloseTo(30.80, within(1e-9));
  }

  @Test
  void shouldUseTheGivenLanguageInsteadOfDetectingIt() {
    Recognition out =
        transcribe(Layout.WITH_PAST, WhisperSettings.defaults().withLanguage("fr"), A440).get(0);

    assertThat(out.language()).isEqualTo("fr");
    assertThat(out.text()).isEqualTo(HELLO_TEXT);
  }

  @Test
  void shouldApplySuppressTokensFromTheGenerationConfig() {
    WhisperRecognizer unsuppressed =
        load(Layout.WITH_PAST, WhisperSettings.defaults(), g -> g.putArray("suppress_tokens"));
    WhisperRecognizer noBeginSuppress =
        load(
            Layout.WITH_PAST, WhisperSettings.defaults(), g -> g.putArray("begin_suppress_tokens"));

    assertThat(transcribe(unsuppressed, A440).get(0).text()).isEqualTo(HELLO_TEXT + " la");
    assertThat(transcribe(noBeginSuppress, SILENCE).get(0).text()).isEmpty();
  }

  @Test
  void shouldGiveTheSameTranscriptsWithBeamsAndWithoutTheCache() {
    WhisperSettings beams =
        WhisperSettings.defaults()
            .withTimestamps(true)
            .withGeneration(GenerationOverrides.NONE.withBeams(3));
    WhisperSettings noCache =
        WhisperSettings.defaults()
            .withTimestamps(true)
            .withGeneration(GenerationOverrides.NONE.withCache(false));

    List<String> expected =
        List.of("hello world [0.40-1.00 hello, 1.10-1.20 world]", "bonjour [0.40-0.80 bonjour]");
    assertThat(summary(transcribe(Layout.WITH_PAST, beams, A440, A1000))).isEqualTo(expected);
    assertThat(summary(transcribe(Layout.WITH_PAST, noCache, A440, A1000))).isEqualTo(expected);
    assertThat(
            summary(
                transcribe(
                    Layout.MERGED, WhisperSettings.defaults().withTimestamps(true), A440, A1000)))
        .isEqualTo(expected);
  }

  private static List<String> summary(List<Recognition> recognitions) {
    return recognitions.stream()
        .map(
            r ->
                r.text()
                    + " "
                    + r.segments().stream()
                        .map(
                            s ->
                                String.format(
                                    java.util.Locale.ROOT,
                                    "%.2f-%.2f %s",
                                    s.start(),
                                    s.end(),
                                    s.text()))
                        .toList())
        .toList();
  }

  @Test
  void shouldBuildWhispersPromptFromTheSettings() {
    WhisperRecognizer multilingual =
        load(Layout.PLAIN, WhisperSettings.defaults().withLanguage("en"), g -> {});
    WhisperTokens tokens = multilingual.tokens();
    assertThat(multilingual.prompt(tokens.languages().get("en")))
        .containsExactly(
            tokens.startOfTranscript(),
            tokens.languages().get("en"),
            tokens.transcribe(),
            tokens.noTimestamps());

    WhisperRecognizer english =
        load(
            Layout.PLAIN,
            WhisperSettings.defaults().withTimestamps(true),
            g -> g.put("is_multilingual", false));
    assertThat(english.prompt(-1)).containsExactly(english.tokens().startOfTranscript());
  }

  @Test
  void shouldReturnNothingForAnEmptyClip() {
    Recognition out = transcribe(Layout.PLAIN, WhisperSettings.defaults(), new float[0]).get(0);

    assertThat(out.text()).isEmpty();
    assertThat(out.segments()).isEmpty();
  }

  @Test
  void shouldFailAtLoadWhenTheFeaturesDoNotFitTheEncoder() {
    Path folder = TinyWhisper.write(dir.resolve("mismatch"), Layout.PLAIN);
    var pre = TinyExport.readJson(folder, "preprocessor_config.json");
    pre.put("feature_size", 128);
    TinyExport.writeJson(folder, "preprocessor_config.json", pre);

    assertThatThrownBy(
            () ->
                WhisperRecognizer.load(
                    folder, registry, DevicePlacement.cpu("whisper"), WhisperSettings.defaults()))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("input_features of shape [-1, 80, 3000]")
        .hasMessageContaining("[batch, 128, 3000]");
  }

  @Test
  void shouldFailAtLoadOnAnUnknownLanguageOrATranslationByAnEnglishOnlyModel() {
    assertThatThrownBy(
            () -> load(Layout.PLAIN, WhisperSettings.defaults().withLanguage("de"), g -> {}))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("no language 'de'")
        .hasMessageContaining("[en, fr]");
    assertThatThrownBy(
            () ->
                load(
                    Layout.PLAIN,
                    WhisperSettings.defaults().withTask(WhisperSettings.Task.TRANSLATE),
                    g -> g.put("is_multilingual", false)))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("English-only");
  }
}
