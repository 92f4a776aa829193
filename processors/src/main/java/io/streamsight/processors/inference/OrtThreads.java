package io.streamsight.processors.inference;

import java.util.Map;

/**
 * ONNX Runtime thread counts for every session a {@link ModelRegistry} creates.
 *
 * <p>Each session has its own intra-op pool, and every stream thread calls into it, so the product
 * of intra-op threads and stream threads is what competes for the cores. {@link #derive} keeps that
 * product at or below the core count unless a value is configured explicitly. Inter-op threads only
 * matter in ONNX Runtime's parallel execution mode (sessions here run sequentially), hence 1.
 *
 * @param intraOp threads one operator may use (at least 1)
 * @param interOp threads for running independent operators concurrently (at least 1)
 */
public record OrtThreads(int intraOp, int interOp) {

  public OrtThreads {
    if (intraOp < 1 || interOp < 1) {
      throw new IllegalArgumentException(
          "ONNX Runtime threads must be at least 1: intra=" + intraOp + ", inter=" + interOp);
    }
  }

  /**
   * Threads from configuration, where 0 means derived: intra-op {@code max(1, cores /
   * streamThreads)}, inter-op 1.
   *
   * @param intraOp configured intra-op threads, 0 to derive
   * @param interOp configured inter-op threads, 0 to derive
   * @param streamThreads Kafka Streams threads of this instance ({@code num.stream.threads})
   * @param cores usable cores, normally {@code Runtime.getRuntime().availableProcessors()}
   */
  public static OrtThreads derive(int intraOp, int interOp, int streamThreads, int cores) {
    if (intraOp < 0 || interOp < 0 || streamThreads < 1 || cores < 1) {
      throw new IllegalArgumentException(
          "invalid thread settings: intra="
              + intraOp
              + ", inter="
              + interOp
              + ", streamThreads="
              + streamThreads
              + ", cores="
              + cores);
    }
    return new OrtThreads(
        intraOp > 0 ? intraOp : Math.max(1, cores / streamThreads), interOp > 0 ? interOp : 1);
  }

  /** The DJL OnnxRuntime engine's Criteria options for these counts. */
  Map<String, String> criteriaOptions() {
    // DJL 0.36 reads both keys independently; set both so neither falls back to ORT's default
    // (one thread per physical core).
    return Map.of(
        "intraOpNumThreads", Integer.toString(intraOp),
        "interOpNumThreads", Integer.toString(interOp));
  }
}
