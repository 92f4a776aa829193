package io.streamsight.processors.audio.whisper;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.inference.generate.GenerationOverrides;

/**
 * How a {@link WhisperRecognizer} decodes.
 *
 * @param language language code such as {@code en} or {@code fr} for multilingual models; null
 *     detects it per 30-second window (from the first decoder step, as Whisper does). English-only
 *     models ({@code .en}) take no language token and ignore it
 * @param task transcribe, or translate into English (multilingual models only)
 * @param timestamps decode with Whisper's timestamp tokens and return the segments they mark
 * @param generation overrides of the model's generation config (greedy by default, as Whisper
 *     exports' configs say; beams, maximum length, cache)
 * @param maxBatch most 30-second windows encoded and decoded together
 */
public record WhisperSettings(
    String language,
    WhisperSettings.Task task,
    boolean timestamps,
    GenerationOverrides generation,
    int maxBatch) {

  /** What the model is asked to do. */
  public enum Task {
    TRANSCRIBE,
    TRANSLATE
  }

  public WhisperSettings {
    requireNonNull(task, "task");
    requireNonNull(generation, "generation");
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
    }
    if (language != null && language.isBlank()) {
      language = null;
    }
  }

  /** Detected language, transcription, no timestamps, the model's generation config, 8 windows. */
  public static WhisperSettings defaults() {
    return new WhisperSettings(null, Task.TRANSCRIBE, false, GenerationOverrides.NONE, 8);
  }

  public WhisperSettings withLanguage(String code) {
    return new WhisperSettings(code, task, timestamps, generation, maxBatch);
  }

  public WhisperSettings withTask(Task newTask) {
    return new WhisperSettings(language, newTask, timestamps, generation, maxBatch);
  }

  public WhisperSettings withTimestamps(boolean on) {
    return new WhisperSettings(language, task, on, generation, maxBatch);
  }

  public WhisperSettings withGeneration(GenerationOverrides overrides) {
    return new WhisperSettings(language, task, timestamps, overrides, maxBatch);
  }

  public WhisperSettings withMaxBatch(int windows) {
    return new WhisperSettings(language, task, timestamps, generation, windows);
  }
}
