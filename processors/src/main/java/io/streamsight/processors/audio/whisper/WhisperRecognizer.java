package io.streamsight.processors.audio.whisper;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.generate.FolderProvenance;
import io.streamsight.processors.inference.generate.GenerationConfig;
import io.streamsight.processors.inference.generate.HfTokenizer;
import io.streamsight.processors.inference.generate.LogitsProcessor;
import io.streamsight.processors.inference.generate.SearchSettings;
import io.streamsight.processors.inference.generate.Seq2SeqModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech recognition with Whisper exported to ONNX by Hugging Face Optimum ({@code optimum-cli
 * export onnx --model openai/whisper-tiny.en DIR}): the log-mel front end in Java ({@link
 * LogMelSpectrogram}, from {@code preprocessor_config.json}), then the encoder and decoder through
 * {@link Seq2SeqModel}.
 *
 * <p>The decoder prompt is {@code <|startoftranscript|>}, then for multilingual models the language
 * (given, or detected from the first decoder step) and {@code <|transcribe|>} or {@code
 * <|translate|>}, then {@code <|notimestamps|>} unless timestamps are on. {@code suppress_tokens}
 * and {@code begin_suppress_tokens} of the generation config apply; {@code forced_decoder_ids} do
 * not (the prompt says it). Audio longer than one window ({@code chunk_length}, 30 s) is cut into
 * consecutive windows, decoded as one batch.
 *
 * <p>Load once per model and placement, share it, and give each processor instance its own {@link
 * #newSession()}.
 */
public final class WhisperRecognizer {

  private static final Logger LOG = LoggerFactory.getLogger(WhisperRecognizer.class);

  private final Seq2SeqModel model;
  private final LogMelSpectrogram features;
  private final WhisperSettings settings;
  private final WhisperTokens tokens;
  private final Long forcedLanguage;
  private final LogitsProcessor processor;
  private final double timePrecision;
  private final int promptLength;

  private WhisperRecognizer(
      Seq2SeqModel model,
      LogMelSpectrogram features,
      WhisperSettings settings,
      WhisperTokens tokens) {
    this.model = model;
    this.features = features;
    this.settings = settings;
    this.tokens = tokens;
    this.forcedLanguage = languageToken(settings, tokens, model.name());
    this.processor = processors(model.config(), tokens, settings.timestamps());
    GenerationConfig config = model.config();
    int sourcePositions = config.raw().path("max_source_positions").asInt(features.frames() / 2);
    this.timePrecision = (double) features.samples() / features.sampleRate() / sourcePositions;
    this.promptLength = 1 + (tokens.multilingual() ? 2 : 0) + (settings.timestamps() ? 0 : 1);
    if (settings.task() == WhisperSettings.Task.TRANSLATE && !tokens.multilingual()) {
      throw new ModelLoadException(model.name() + " is an English-only model: it cannot translate");
    }
    if (settings.task() == WhisperSettings.Task.TRANSLATE && tokens.translate() < 0) {
      throw new ModelLoadException(model.name() + " has no <|translate|> token");
    }
  }

  /**
   * Loads the export in {@code folder} through the registry (which closes it) on every device of
   * the placement.
   *
   * @throws ModelLoadException naming the folder and file when a file is missing or does not fit
   *     (an encoder whose input is not {@code [batch, feature_size, frames]}, an unknown language,
   *     ...)
   */
  public static WhisperRecognizer load(
      Path folder, ModelRegistry registry, DevicePlacement placement, WhisperSettings settings) {
    requireNonNull(settings, "settings");
    LogMelSpectrogram features = LogMelSpectrogram.read(folder);
    Seq2SeqModel model = Seq2SeqModel.load(folder, registry, placement);
    long[] shape = model.encoderInputShape();
    if (shape.length != 3
        || (shape[1] > 0 && shape[1] != features.featureSize())
        || (shape[2] > 0 && shape[2] != features.frames())) {
      throw new ModelLoadException(
          Seq2SeqModel.ENCODER
              + " of "
              + model.name()
              + " takes "
              + model.encoderInput()
              + " of shape "
              + Arrays.toString(shape)
              + ", but preprocessor_config.json makes [batch, "
              + features.featureSize()
              + ", "
              + features.frames()
              + "] features");
    }
    WhisperTokens tokens = WhisperTokens.of(model.tokenizer(), model.config(), model.name());
    WhisperRecognizer recognizer = new WhisperRecognizer(model, features, settings, tokens);
    LOG.info(
        "Whisper model {} loaded from {} ({}, {} mel bands, {}, language {}, timestamps {})",
        model.name(),
        folder,
        model.decoders(),
        features.featureSize(),
        tokens.multilingual() ? "multilingual" : "English-only",
        tokens.multilingual()
            ? settings.language() == null ? "detected" : settings.language()
            : "en",
        settings.timestamps());
    return recognizer;
  }

  private static Long languageToken(WhisperSettings settings, WhisperTokens tokens, String name) {
    if (!tokens.multilingual() || settings.language() == null) {
      return null;
    }
    String code = settings.language().toLowerCase(Locale.ROOT);
    if (code.startsWith("<|") && code.endsWith("|>")) {
      code = code.substring(2, code.length() - 2);
    }
    Long id = tokens.languages().get(code);
    if (id == null) {
      throw new ModelLoadException(
          name
              + " has no language '"
              + settings.language()
              + "' (it has "
              + tokens.languages().keySet()
              + ")");
    }
    return id;
  }

  private static LogitsProcessor processors(
      GenerationConfig config, WhisperTokens tokens, boolean timestamps) {
    // The prompt carries what forced_decoder_ids would force.
    List<LogitsProcessor> list = new ArrayList<>(config.processors(false));
    if (timestamps) {
      int maxInitial = config.raw().path("max_initial_timestamp_index").asInt(-1);
      list.add(new TimestampRules(tokens, maxInitial));
    }
    return LogitsProcessor.chain(list);
  }

  /** A session for one processor instance, on the placement's next device (round-robin). */
  public WhisperSession newSession() {
    return new WhisperSession(this, model.newRunner());
  }

  /** The model's name (its folder's name). */
  public String name() {
    return model.name();
  }

  /** SHA-256 of every file of the folder that was read, for output records. */
  public FolderProvenance provenance() {
    return model.provenance();
  }

  /** The sampling rate the audio must have (16000). */
  public int sampleRate() {
    return features.sampleRate();
  }

  HfTokenizer tokenizer() {
    return model.tokenizer();
  }

  LogMelSpectrogram features() {
    return features;
  }

  WhisperSettings settings() {
    return settings;
  }

  WhisperTokens tokens() {
    return tokens;
  }

  LogitsProcessor processor() {
    return processor;
  }

  double timePrecision() {
    return timePrecision;
  }

  SearchSettings search() {
    return settings.generation().resolve(model.config(), promptLength);
  }

  /** The decoder prompt for a window whose language token is {@code language} (or -1). */
  long[] prompt(long language) {
    long[] prompt = new long[promptLength];
    int i = 0;
    prompt[i++] = tokens.startOfTranscript();
    if (tokens.multilingual()) {
      prompt[i++] = language;
      prompt[i++] =
          settings.task() == WhisperSettings.Task.TRANSLATE
              ? tokens.translate()
              : tokens.transcribe();
    }
    if (!settings.timestamps()) {
      prompt[i] = tokens.noTimestamps();
    }
    return prompt;
  }

  /** The language token every window uses, or null to detect it per window. */
  Long forcedLanguage() {
    return forcedLanguage;
  }
}
