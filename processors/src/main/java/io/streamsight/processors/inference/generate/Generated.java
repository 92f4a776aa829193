package io.streamsight.processors.inference.generate;

/**
 * One generated sequence.
 *
 * @param tokens the generated tokens, without the prompt; ends with an end-of-sequence token when
 *     {@code finished}
 * @param logProbs each generated token's log-probability, after the logits processors
 * @param score the search's score: the sum of {@code logProbs}, divided by {@code
 *     tokens.length^lengthPenalty} for beam search
 * @param finished whether it ended with an end-of-sequence token (rather than at the length limit)
 */
public record Generated(long[] tokens, float[] logProbs, double score, boolean finished) {

  public Generated {
    tokens = tokens.clone();
    logProbs = logProbs.clone();
  }

  @Override
  public long[] tokens() {
    return tokens.clone();
  }

  @Override
  public float[] logProbs() {
    return logProbs.clone();
  }

  /** The tokens without a final end-of-sequence token. */
  public long[] text() {
    return finished ? java.util.Arrays.copyOf(tokens, tokens.length - 1) : tokens();
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
}
