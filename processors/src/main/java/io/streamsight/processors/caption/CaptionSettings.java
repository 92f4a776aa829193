package io.streamsight.processors.caption;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.inference.generate.EarlyStopping;
import io.streamsight.processors.inference.generate.GenerationOverrides;

/**
 * How an {@link OnnxCaptioner} searches. What is not set here comes from the model's {@code
 * generation_config.json} / {@code config.json} (beams, maximum length, length penalty, early
 * stopping), as {@code transformers} would use it.
 *
 * <pre>{@code
 * CaptionSettings.defaults()                 // the model's own generation config
 * CaptionSettings.defaults().withGreedy()    // greedy search, whatever the config says
 * CaptionSettings.defaults().withBeams(4).withMaxNewTokens(16)
 * }</pre>
 *
 * @param generation the overrides of the model's generation config
 * @param maxBatch most images encoded and decoded together; larger lists run in chunks
 */
public record CaptionSettings(GenerationOverrides generation, int maxBatch) {

  public CaptionSettings {
    requireNonNull(generation, "generation");
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
    }
  }

  /** The model's generation config, batches of up to 16 images. */
  public static CaptionSettings defaults() {
    return new CaptionSettings(GenerationOverrides.NONE, 16);
  }

  /** Greedy search (one beam). */
  public CaptionSettings withGreedy() {
    return withBeams(1);
  }

  /** Beam search with {@code beams} beams (1 is greedy). */
  public CaptionSettings withBeams(int beams) {
    return new CaptionSettings(generation.withBeams(beams), maxBatch);
  }

  /** At most this many tokens per caption. */
  public CaptionSettings withMaxNewTokens(int tokens) {
    return new CaptionSettings(generation.withMaxNewTokens(tokens), maxBatch);
  }

  /** Beam search's length penalty (above 0 favours longer captions). */
  public CaptionSettings withLengthPenalty(double penalty) {
    return new CaptionSettings(generation.withLengthPenalty(penalty), maxBatch);
  }

  /** Beam search's stopping rule. */
  public CaptionSettings withEarlyStopping(EarlyStopping rule) {
    return new CaptionSettings(generation.withEarlyStopping(rule), maxBatch);
  }

  /**
   * Whether to use the decoder's key/value cache when the export has one (the default); without,
   * every step reruns the whole caption so far.
   */
  public CaptionSettings withCache(boolean cache) {
    return new CaptionSettings(generation.withCache(cache), maxBatch);
  }

  /** Most images per model call. */
  public CaptionSettings withMaxBatch(int images) {
    return new CaptionSettings(generation, images);
  }
}
