package io.streamsight.processors.inference.generate;

/**
 * What a processor's settings change in a model's generation config; {@code null} keeps the model's
 * value.
 *
 * @param numBeams 1 for greedy, more for beam search
 * @param maxNewTokens most generated tokens
 * @param lengthPenalty beam search's length penalty
 * @param earlyStopping beam search's stopping rule
 * @param useCache use the decoder's key/value cache when the export has one
 */
public record GenerationOverrides(
    Integer numBeams,
    Integer maxNewTokens,
    Double lengthPenalty,
    EarlyStopping earlyStopping,
    boolean useCache) {

  /** Everything as the model's generation config says, with the cache. */
  public static final GenerationOverrides NONE =
      new GenerationOverrides(null, null, null, null, true);

  /** Beam search with {@code beams} beams; 1 is greedy. */
  public GenerationOverrides withBeams(int beams) {
    if (beams < 1) {
      throw new IllegalArgumentException("beams must be at least 1: " + beams);
    }
    return new GenerationOverrides(beams, maxNewTokens, lengthPenalty, earlyStopping, useCache);
  }

  /** At most {@code tokens} generated tokens. */
  public GenerationOverrides withMaxNewTokens(int tokens) {
    if (tokens < 1) {
      throw new IllegalArgumentException("max new tokens must be at least 1: " + tokens);
    }
    return new GenerationOverrides(numBeams, tokens, lengthPenalty, earlyStopping, useCache);
  }

  /** Beam search's length penalty. */
  public GenerationOverrides withLengthPenalty(double penalty) {
    if (!Double.isFinite(penalty)) {
      throw new IllegalArgumentException("length penalty must be finite: " + penalty);
    }
    return new GenerationOverrides(numBeams, maxNewTokens, penalty, earlyStopping, useCache);
  }

  /** Beam search's stopping rule. */
  public GenerationOverrides withEarlyStopping(EarlyStopping rule) {
    return new GenerationOverrides(numBeams, maxNewTokens, lengthPenalty, rule, useCache);
  }

  /** Use the key/value cache when the export has one. */
  public GenerationOverrides withCache(boolean cache) {
    return new GenerationOverrides(numBeams, maxNewTokens, lengthPenalty, earlyStopping, cache);
  }

  /**
   * The settings for a prompt of {@code promptLength} tokens: {@code max_new_tokens} if set, else
   * {@code max_length} minus the prompt (at least 1).
   */
  public SearchSettings resolve(GenerationConfig config, int promptLength) {
    int maxNew =
        maxNewTokens != null
            ? maxNewTokens
            : config.maxNewTokens() > 0
                ? config.maxNewTokens()
                : Math.max(1, config.maxLength() - promptLength);
    return new SearchSettings(
        numBeams != null ? numBeams : config.numBeams(),
        maxNew,
        lengthPenalty != null ? lengthPenalty : config.lengthPenalty(),
        earlyStopping != null ? earlyStopping : config.earlyStopping(),
        useCache);
  }
}
