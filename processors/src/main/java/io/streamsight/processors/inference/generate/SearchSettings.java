package io.streamsight.processors.inference.generate;

import static java.util.Objects.requireNonNull;

/**
 * How one generation searches, fully resolved.
 *
 * @param numBeams 1 for greedy search, more for beam search
 * @param maxNewTokens most tokens generated after the prompt (end-of-sequence included)
 * @param lengthPenalty beam scores are the sum of log-probabilities over {@code length^penalty}:
 *     above 0 favours longer sequences, below 0 shorter ones
 * @param earlyStopping when beam search stops
 * @param useCache feed the decoder's key/value cache back (needs a with-past or merged decoder);
 *     false runs the whole sequence through the plain decoder every step
 */
public record SearchSettings(
    int numBeams,
    int maxNewTokens,
    double lengthPenalty,
    EarlyStopping earlyStopping,
    boolean useCache) {

  public SearchSettings {
    requireNonNull(earlyStopping, "earlyStopping");
    if (numBeams < 1) {
      throw new IllegalArgumentException("numBeams must be at least 1: " + numBeams);
    }
    if (maxNewTokens < 1) {
      throw new IllegalArgumentException("maxNewTokens must be at least 1: " + maxNewTokens);
    }
    if (!Double.isFinite(lengthPenalty)) {
      throw new IllegalArgumentException("lengthPenalty must be finite: " + lengthPenalty);
    }
  }

  /** Greedy search, with the cache. */
  public static SearchSettings greedy(int maxNewTokens) {
    return new SearchSettings(1, maxNewTokens, 1.0, EarlyStopping.HEURISTIC, true);
  }

  public SearchSettings withBeams(int beams) {
    return new SearchSettings(beams, maxNewTokens, lengthPenalty, earlyStopping, useCache);
  }

  public SearchSettings withCache(boolean cache) {
    return new SearchSettings(numBeams, maxNewTokens, lengthPenalty, earlyStopping, cache);
  }
}
