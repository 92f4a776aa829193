package io.streamsight.processors.inference.generate;

import java.util.Arrays;

/**
 * One generated sequence: its tokens (without the prompt; ending with an end-of-sequence token when
 * {@link #finished()}), each token's log-probability after the logits processors, and the search's
 * score.
 */
public final class Generated {

  private final long[] tokens;
  private final float[] logProbs;
  private final double score;
  private final boolean finished;

  /**
   * @param tokens the generated tokens
   * @param logProbs each token's log-probability
   * @param score the sum of {@code logProbs}, divided by {@code tokens.length^lengthPenalty} for
   *     beam search
   * @param finished whether it ended with an end-of-sequence token (rather than at the length
   *     limit)
   */
  public Generated(long[] tokens, float[] logProbs, double score, boolean finished) {
    this.tokens = tokens.clone();
    this.logProbs = logProbs.clone();
    this.score = score;
    this.finished = finished;
  }

  public long[] tokens() {
    return tokens.clone();
  }

  public float[] logProbs() {
    return logProbs.clone();
  }

  public double score() {
    return score;
  }

  public boolean finished() {
    return finished;
  }

  /** The tokens without a final end-of-sequence token. */
  public long[] text() {
    return finished ? Arrays.copyOf(tokens, tokens.length - 1) : tokens();
  }

  /** {@code exp} of the mean log-probability of the generated tokens; 0 if there are none. */
  public double confidence() {
    if (logProbs.length == 0) {
      return 0;
    }
    double sum = 0;
    for (float p : logProbs) {
      sum += p;
    }
    return Math.exp(sum / logProbs.length);
  }

  @Override
  public String toString() {
    return "Generated" + Arrays.toString(tokens) + (finished ? "" : " (unfinished)");
  }
}
