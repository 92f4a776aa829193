package io.streamsight.processors.audio.whisper;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.generate.GenerationConfig;
import io.streamsight.processors.inference.generate.HfTokenizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Whisper's special tokens, by name from the tokenizer, with {@code generation_config.json}'s
 * {@code lang_to_id}, {@code task_to_id}, {@code no_timestamps_token_id} and {@code
 * is_multilingual} where the export has them.
 *
 * @param startOfTranscript {@code <|startoftranscript|>}
 * @param endOfText {@code <|endoftext|>} (the end-of-sequence token)
 * @param transcribe {@code <|transcribe|>}, -1 if absent
 * @param translate {@code <|translate|>}, -1 if absent
 * @param noTimestamps {@code <|notimestamps|>}
 * @param timestampBegin the first timestamp token, {@code <|0.00|>}: {@code noTimestamps + 1}
 * @param languages language code → token id ({@code en} → {@code <|en|>})
 * @param multilingual whether prompts carry language and task tokens
 */
record WhisperTokens(
    long startOfTranscript,
    long endOfText,
    long transcribe,
    long translate,
    long noTimestamps,
    long timestampBegin,
    Map<String, Long> languages,
    boolean multilingual) {

  static WhisperTokens of(HfTokenizer tokenizer, GenerationConfig config, String model) {
    JsonNode raw = config.raw();
    long sot = tokenizer.id("<|startoftranscript|>").orElse(config.decoderStartTokenId());
    long eot = tokenizer.id("<|endoftext|>").orElse(config.eosTokenIds().iterator().next());
    long noTimestamps =
        raw.path("no_timestamps_token_id").isNumber()
            ? raw.path("no_timestamps_token_id").asLong()
            : orMinus(tokenizer.id("<|notimestamps|>"));
    if (noTimestamps < 0) {
      throw new ModelLoadException(
          model + ": neither the tokenizer nor the generation config has <|notimestamps|>");
    }
    long transcribe =
        raw.path("task_to_id").path("transcribe").isNumber()
            ? raw.path("task_to_id").path("transcribe").asLong()
            : orMinus(tokenizer.id("<|transcribe|>"));
    long translate =
        raw.path("task_to_id").path("translate").isNumber()
            ? raw.path("task_to_id").path("translate").asLong()
            : orMinus(tokenizer.id("<|translate|>"));
    Map<String, Long> languages = new LinkedHashMap<>();
    JsonNode langToId = raw.path("lang_to_id");
    if (langToId.isObject()) {
      langToId.properties().forEach(e -> languages.put(code(e.getKey()), e.getValue().asLong()));
    } else {
      for (long id = sot + 1; id < tokenizer.size() && id != translate && id != transcribe; id++) {
        String token = tokenizer.token(id);
        if (token == null || !token.matches("<\\|[a-z]{2,3}(-[a-z]+)?\\|>")) {
          break;
        }
        languages.put(code(token), id);
      }
    }
    boolean multilingual =
        raw.path("is_multilingual").isBoolean()
            ? raw.path("is_multilingual").asBoolean()
            : !languages.isEmpty() && transcribe >= 0 && raw.path("vocab_size").asInt() != 51864;
    if (multilingual && transcribe < 0) {
      throw new ModelLoadException(model + ": a multilingual model needs a <|transcribe|> token");
    }
    return new WhisperTokens(
        sot,
        eot,
        transcribe,
        translate,
        noTimestamps,
        noTimestamps + 1,
        Collections.unmodifiableMap(languages),
        multilingual);
  }

  private static long orMinus(OptionalLong id) {
    return id.orElse(-1);
  }

  /** {@code <|en|>} → {@code en}. */
  private static String code(String token) {
    return token.startsWith("<|") && token.endsWith("|>")
        ? token.substring(2, token.length() - 2)
        : token;
  }

  /** Whether the token is a timestamp ({@code <|0.00|>} and after). */
  boolean isTimestamp(long token) {
    return token >= timestampBegin;
  }
}
