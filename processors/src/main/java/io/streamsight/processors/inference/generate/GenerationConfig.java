package io.streamsight.processors.inference.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.streamsight.processors.inference.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The generation settings of an exported model, read the way {@code transformers} reads them:
 * {@code generation_config.json} first, then the top level of {@code config.json}, then its {@code
 * decoder} section (vision encoder-decoder models keep the GPT-2 ids there).
 *
 * @param decoderStartTokenId the first decoder token
 * @param bosTokenId beginning of sequence, -1 if none
 * @param eosTokenIds ends a sequence (one or several ids)
 * @param padTokenId padding, -1 if none
 * @param maxLength most tokens in a sequence, prompt included ({@code max_length}, default 20)
 * @param maxNewTokens most generated tokens, 0 if not set ({@code max_new_tokens} wins over {@code
 *     max_length})
 * @param numBeams beams, 1 for greedy search
 * @param lengthPenalty exponent of the length that beam scores are divided by
 * @param earlyStopping when beam search stops
 * @param noRepeatNgramSize n-grams that may occur once, 0 for none
 * @param suppressTokens tokens never generated
 * @param beginSuppressTokens tokens not generated first
 * @param forcedDecoderIds sequence position → forced token
 * @param raw the merged JSON (generation config over config), for model-specific keys
 */
public record GenerationConfig(
    long decoderStartTokenId,
    long bosTokenId,
    Set<Long> eosTokenIds,
    long padTokenId,
    int maxLength,
    int maxNewTokens,
    int numBeams,
    double lengthPenalty,
    EarlyStopping earlyStopping,
    int noRepeatNgramSize,
    List<Long> suppressTokens,
    List<Long> beginSuppressTokens,
    Map<Integer, Long> forcedDecoderIds,
    JsonNode raw) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public GenerationConfig {
    eosTokenIds = Set.copyOf(eosTokenIds);
    suppressTokens = List.copyOf(suppressTokens);
    beginSuppressTokens = List.copyOf(beginSuppressTokens);
    forcedDecoderIds = Map.copyOf(forcedDecoderIds);
  }

  /**
   * The logits processors this config asks for: {@code suppress_tokens}, {@code
   * begin_suppress_tokens}, {@code forced_decoder_ids} (unless the caller builds those into its
   * prompt, as Whisper does) and {@code no_repeat_ngram_size}.
   */
  public List<LogitsProcessor> processors(boolean forcedDecoderIds) {
    List<LogitsProcessor> list = new ArrayList<>();
    if (!suppressTokens.isEmpty()) {
      list.add(LogitsProcessor.suppress(longs(suppressTokens)));
    }
    if (!beginSuppressTokens.isEmpty()) {
      list.add(LogitsProcessor.suppressAtBegin(longs(beginSuppressTokens)));
    }
    if (forcedDecoderIds && !this.forcedDecoderIds.isEmpty()) {
      list.add(LogitsProcessor.forceAt(this.forcedDecoderIds));
    }
    if (noRepeatNgramSize > 0) {
      list.add(LogitsProcessor.noRepeatNgram(noRepeatNgramSize));
    }
    return list;
  }

  /**
   * Reads {@code config.json} (required) and {@code generation_config.json} (optional) of a folder.
   *
   * @throws ModelLoadException naming the file when one is unreadable or lacks a decoder start or
   *     end-of-sequence token
   */
  public static GenerationConfig read(Path folder) {
    JsonNode config = readJson(folder.resolve("config.json"), true);
    JsonNode generation = readJson(folder.resolve("generation_config.json"), false);
    return of(config, generation, folder.toString());
  }

  /** Builds the settings from parsed JSON; {@code where} names the source in errors. */
  static GenerationConfig of(JsonNode config, JsonNode generation, String where) {
    Lookup lookup = new Lookup(generation, config, config.path("decoder"));
    long bos = lookup.longOr("bos_token_id", -1);
    long start = lookup.longOr("decoder_start_token_id", bos);
    if (start < 0) {
      throw new ModelLoadException(
          where + ": neither decoder_start_token_id nor bos_token_id is set in the config");
    }
    Set<Long> eos = new LinkedHashSet<>();
    JsonNode eosNode = lookup.find("eos_token_id");
    if (eosNode.isArray()) {
      eosNode.forEach(n -> eos.add(n.asLong()));
    } else if (eosNode.isNumber()) {
      eos.add(eosNode.asLong());
    }
    if (eos.isEmpty()) {
      throw new ModelLoadException(where + ": eos_token_id is not set in the config");
    }
    JsonNode earlyNode = lookup.find("early_stopping");
    EarlyStopping early;
    try {
      early =
          earlyNode.isMissingNode()
              ? EarlyStopping.HEURISTIC
              : EarlyStopping.parse(earlyNode.asText());
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(where + ": " + e.getMessage(), e);
    }
    Map<Integer, Long> forced = new TreeMap<>();
    for (JsonNode pair : lookup.find("forced_decoder_ids")) {
      // Whisper's configs leave the language open as [1, null]: nothing is forced there.
      if (pair.path(0).isNumber() && pair.path(1).isNumber()) {
        forced.put(pair.path(0).asInt(), pair.path(1).asLong());
      }
    }
    return new GenerationConfig(
        start,
        bos,
        eos,
        lookup.longOr("pad_token_id", -1),
        (int) lookup.longOr("max_length", 20),
        (int) lookup.longOr("max_new_tokens", 0),
        (int) Math.max(1, lookup.longOr("num_beams", 1)),
        lookup.doubleOr("length_penalty", 1.0),
        early,
        (int) lookup.longOr("no_repeat_ngram_size", 0),
        longs(lookup.find("suppress_tokens")),
        longs(lookup.find("begin_suppress_tokens")),
        forced,
        merged(config, generation));
  }

  private static JsonNode merged(JsonNode config, JsonNode generation) {
    var out = config.deepCopy();
    if (out.isObject() && generation.isObject()) {
      generation
          .properties()
          .forEach(
              e ->
                  ((com.fasterxml.jackson.databind.node.ObjectNode) out)
                      .set(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static List<Long> longs(JsonNode node) {
    List<Long> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asLong()));
    return out;
  }

  private static long[] longs(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  static JsonNode readJson(Path file, boolean required) {
    if (!Files.exists(file)) {
      if (required) {
        throw new ModelLoadException(file + " does not exist");
      }
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = JSON.readTree(Files.readAllBytes(file));
      if (!node.isObject()) {
        throw new ModelLoadException(file + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ModelLoadException(file + " is not readable JSON", e);
    }
  }

  /** First non-null value of a key over several JSON objects. */
  private record Lookup(List<JsonNode> sources) {
    Lookup(JsonNode... sources) {
      this(List.of(sources));
    }

    JsonNode find(String key) {
      for (JsonNode source : sources) {
        JsonNode value = source.path(key);
        if (!value.isMissingNode() && !value.isNull()) {
          return value;
        }
      }
      return MissingNode.getInstance();
    }

    long longOr(String key, long fallback) {
      JsonNode value = find(key);
      return value.isNumber() ? value.asLong() : fallback;
    }

    double doubleOr(String key, double fallback) {
      JsonNode value = find(key);
      return value.isNumber() ? value.asDouble() : fallback;
    }
  }
}
