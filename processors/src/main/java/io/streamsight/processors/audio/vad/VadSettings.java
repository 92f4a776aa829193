package io.streamsight.processors.audio.vad;

/**
 * How speech probabilities become segments (the parameters of Silero's own {@code
 * get_speech_timestamps}, with its defaults except the maximum length).
 *
 * @param threshold a chunk with at least this speech probability starts or continues speech
 * @param negThreshold speech ends only after chunks below this (hysteresis: between the two the
 *     state does not change); Silero uses {@code threshold - 0.15}
 * @param minSpeechMs shorter speech is dropped (a cough, a click)
 * @param minSilenceMs speech ends only after this much silence, so pauses between words do not
 *     split a sentence
 * @param speechPadMs each segment is widened by this much on both sides (the soft onset of the
 *     first word, the fading last one); at most {@code minSilenceMs}, so the widened end is always
 *     audio already seen
 * @param maxSpeechMs a segment is split when it gets this long (a recogniser takes bounded
 *     utterances, and the open segment's audio is kept in a state store whose changelog records
 *     must stay under 1 MB: at most 25 s)
 */
public record VadSettings(
    float threshold,
    float negThreshold,
    int minSpeechMs,
    int minSilenceMs,
    int speechPadMs,
    int maxSpeechMs) {

  /** Longest segment: 25 s of 16-bit samples is 800 kB, under Kafka's 1 MB default. */
  public static final int MAX_SPEECH_LIMIT_MS = 25_000;

  public VadSettings {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("VAD threshold must be in (0, 1): " + threshold);
    }
    if (!(negThreshold > 0 && negThreshold <= threshold)) {
      throw new IllegalArgumentException(
          "VAD negative threshold must be in (0, threshold]: " + negThreshold);
    }
    if (minSpeechMs < 0 || minSilenceMs < 0 || speechPadMs < 0) {
      throw new IllegalArgumentException("VAD durations must not be negative");
    }
    if (speechPadMs > minSilenceMs) {
      throw new IllegalArgumentException(
          "VAD speech padding ("
              + speechPadMs
              + " ms) must not exceed the minimum silence ("
              + minSilenceMs
              + " ms)");
    }
    if (maxSpeechMs < 1000 || maxSpeechMs > MAX_SPEECH_LIMIT_MS) {
      throw new IllegalArgumentException(
          "VAD maximum speech must be 1000.." + MAX_SPEECH_LIMIT_MS + " ms: " + maxSpeechMs);
    }
  }

  /** Silero's defaults (0.5, 0.35, 250 ms, 100 ms, 30 ms), segments split at 15 s. */
  public static VadSettings defaults() {
    return new VadSettings(0.5f, 0.35f, 250, 100, 30, 15_000);
  }

  /** These settings with another minimum silence (the padding capped at it). */
  public VadSettings withMinSilenceMs(int ms) {
    return new VadSettings(
        threshold, negThreshold, minSpeechMs, ms, Math.min(speechPadMs, ms), maxSpeechMs);
  }

  int samples(int ms) {
    return ms * (SileroVad.SAMPLE_RATE / 1000);
  }
}
