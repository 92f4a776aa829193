package io.streamsight.processors.inference.generate;

import java.util.List;

/**
 * Changes one row's next-token logits before a token is chosen, as {@code transformers}' logits
 * processors do: {@code -∞} forbids a token. Implementations are stateless (the sequence so far is
 * all they see), so one instance serves every row and thread.
 */
@FunctionalInterface
public interface LogitsProcessor {

  /**
   * Adjusts one row's logits.
   *
   * @param sequence the row's tokens so far: the prompt, then what was generated
   * @param promptLength how many of them are the prompt
   * @param logits the next-token logits, changed in place
   */
  void process(long[] sequence, int promptLength, float[] logits);

  /** Applies nothing. */
  LogitsProcessor NONE = (sequence, promptLength, logits) -> {};

  /** The processors applied in order. */
  static LogitsProcessor chain(List<LogitsProcessor> processors) {
    List<LogitsProcessor> list = List.copyOf(processors);
    return (sequence, promptLength, logits) -> {
      for (LogitsProcessor p : list) {
        p.process(sequence, promptLength, logits);
      }
    };
  }

  /** Never generates these tokens ({@code suppress_tokens}). */
  static LogitsProcessor suppress(long[] tokens) {
    long[] ids = tokens.clone();
    return (sequence, promptLength, logits) -> forbid(ids, logits);
  }

  /** Does not generate these tokens first ({@code begin_suppress_tokens}). */
  static LogitsProcessor suppressAtBegin(long[] tokens) {
    long[] ids = tokens.clone();
    return (sequence, promptLength, logits) -> {
      if (sequence.length == promptLength) {
        forbid(ids, logits);
      }
    };
  }

  /**
   * Forces a token at a sequence position ({@code forced_decoder_ids}: position in the whole
   * sequence, the decoder start token being position 0).
   */
  static LogitsProcessor forceAt(java.util.Map<Integer, Long> positions) {
    java.util.Map<Integer, Long> forced = java.util.Map.copyOf(positions);
    return (sequence, promptLength, logits) -> {
      Long token = forced.get(sequence.length);
      if (token != null && token >= 0 && token < logits.length) {
        float keep = 0f;
        java.util.Arrays.fill(logits, Float.NEGATIVE_INFINITY);
        logits[token.intValue()] = keep;
      }
    };
  }

  /**
   * Forbids a token that would repeat an n-gram already in the generated part ({@code
   * no_repeat_ngram_size}).
   */
  static LogitsProcessor noRepeatNgram(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n-gram size must be at least 1: " + n);
    }
    return (sequence, promptLength, logits) -> {
      int len = sequence.length;
      if (len + 1 < n) {
        return;
      }
      // The last n-1 tokens are the prefix; any earlier occurrence bans what followed it.
      for (int start = 0; start + n <= len; start++) {
        boolean same = true;
        for (int k = 0; k < n - 1 && same; k++) {
          same = sequence[start + k] == sequence[len - n + 1 + k];
        }
        if (same) {
          long banned = sequence[start + n - 1];
          if (banned >= 0 && banned < logits.length) {
            logits[(int) banned] = Float.NEGATIVE_INFINITY;
          }
        }
      }
    };
  }

  private static void forbid(long[] ids, float[] logits) {
    for (long id : ids) {
      if (id >= 0 && id < logits.length) {
        logits[(int) id] = Float.NEGATIVE_INFINITY;
      }
    }
  }
}
