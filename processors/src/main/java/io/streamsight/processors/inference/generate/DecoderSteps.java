package io.streamsight.processors.inference.generate;

/**
 * The decoder of one generation run, step by step. Rows are the sequences being extended; a search
 * may reorder, repeat or drop rows between steps (beams, finished sequences), and says so with
 * {@code parents}, so that an implementation with a KV cache reorders it to match.
 *
 * <p>Not thread-safe: one run belongs to one thread.
 */
public interface DecoderSteps extends AutoCloseable {

  /**
   * The next-token logits of every row.
   *
   * @param parents for each row, the row of the previous call it continues; on the first call, the
   *     index of its input in the encoded batch
   * @param sequences each row's tokens so far (prompt and generated), all of one length, one longer
   *     than at the previous call
   * @return one logits row per sequence, over the whole vocabulary; the caller may change them
   */
  float[][] next(int[] parents, long[][] sequences);

  /** Releases the run's tensors. */
  @Override
  void close();
}
