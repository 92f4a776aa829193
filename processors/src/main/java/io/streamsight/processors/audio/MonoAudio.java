package io.streamsight.processors.audio;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.AudioInfo;

/**
 * A decoded recording: what its header said, and its samples mixed down to one channel.
 *
 * @param info the format as inspected (channels, rate and encoding of the recording itself)
 * @param samples mono samples, full scale = 1.0 (not copied: callers must not modify them)
 * @param sampleRate rate of {@code samples} in Hz (the recording's, or 16000 after {@link
 *     Resampler})
 */
@SuppressWarnings("ArrayRecordComponent") // a value carrier, never compared or hashed
public record MonoAudio(AudioInfo info, float[] samples, int sampleRate) {

  public MonoAudio {
    requireNonNull(info, "info");
    requireNonNull(samples, "samples");
    if (sampleRate < 1) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
  }

  /** Duration of the samples in seconds. */
  public double seconds() {
    return samples.length / (double) sampleRate;
  }
}
