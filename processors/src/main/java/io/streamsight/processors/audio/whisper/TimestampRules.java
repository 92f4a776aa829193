package io.streamsight.processors.audio.whisper;

import io.streamsight.processors.inference.generate.LogitsProcessor;

/**
 * Whisper's timestamp grammar ({@code WhisperTimeStampLogitsProcessor} in {@code transformers},
 * {@code ApplyTimestampRules} in OpenAI's code): never {@code <|notimestamps|>}; timestamps come in
 * pairs (after a lone timestamp, another timestamp or the end; after a pair, text); they never go
 * back; the first token is a timestamp no later than {@code max_initial_timestamp_index}; and when
 * the timestamps together are likelier than any single text token, a timestamp it is.
 */
final class TimestampRules implements LogitsProcessor {

  private final long noTimestamps;
  private final int timestampBegin;
  private final int endOfText;
  private final int maxInitialTimestampIndex;

  /**
   * @param maxInitialTimestampIndex the latest first timestamp, in timestamp steps; -1 for no limit
   */
  TimestampRules(WhisperTokens tokens, int maxInitialTimestampIndex) {
    this.noTimestamps = tokens.noTimestamps();
    this.timestampBegin = (int) tokens.timestampBegin();
    this.endOfText = (int) tokens.endOfText();
    this.maxInitialTimestampIndex = maxInitialTimestampIndex;
  }

  @Override
  public void process(long[] sequence, int promptLength, float[] logits) {
    if (noTimestamps < logits.length) {
      logits[(int) noTimestamps] = Float.NEGATIVE_INFINITY;
    }
    int generated = sequence.length - promptLength;
    boolean lastWasTimestamp = generated >= 1 && sequence[sequence.length - 1] >= timestampBegin;
    boolean penultimateWasTimestamp =
        generated < 2 || sequence[sequence.length - 2] >= timestampBegin;
    if (lastWasTimestamp) {
      if (penultimateWasTimestamp) {
        fill(logits, timestampBegin, logits.length);
      } else {
        fill(logits, 0, endOfText);
      }
    }
    long lastTimestamp = -1;
    for (int i = promptLength; i < sequence.length; i++) {
      if (sequence[i] >= timestampBegin) {
        lastTimestamp = sequence[i];
      }
    }
    if (lastTimestamp >= 0) {
      long bound = lastWasTimestamp && !penultimateWasTimestamp ? lastTimestamp : lastTimestamp + 1;
      fill(logits, timestampBegin, (int) Math.min(bound, logits.length));
    }
    if (generated == 0) {
      fill(logits, 0, timestampBegin);
      if (maxInitialTimestampIndex >= 0) {
        fill(logits, timestampBegin + maxInitialTimestampIndex + 1, logits.length);
      }
    }
    // If all timestamps together are likelier than the likeliest text token, take a timestamp.
    double logSumAll = logSumExp(logits, 0, logits.length);
    double timestampMass = logSumExp(logits, timestampBegin, logits.length) - logSumAll;
    float maxText = Float.NEGATIVE_INFINITY;
    for (int v = 0; v < Math.min(timestampBegin, logits.length); v++) {
      maxText = Math.max(maxText, logits[v]);
    }
    double maxTextLogProb = maxText - logSumAll;
    if (!Double.isNaN(timestampMass) && timestampMass > maxTextLogProb) {
      fill(logits, 0, timestampBegin);
    }
  }

  private static void fill(float[] logits, int from, int to) {
    for (int v = Math.max(0, from); v < Math.min(to, logits.length); v++) {
      logits[v] = Float.NEGATIVE_INFINITY;
    }
  }

  private static double logSumExp(float[] logits, int from, int to) {
    float max = Float.NEGATIVE_INFINITY;
    for (int v = from; v < to; v++) {
      max = Math.max(max, logits[v]);
    }
    if (max == Float.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double sum = 0;
    for (int v = from; v < to; v++) {
      sum += Math.exp(logits[v] - max);
    }
    return max + Math.log(sum);
  }
}
