package io.streamsight.processors.audio.vad;

/**
 * A stretch of speech found by the VAD, with its (padded) audio.
 *
 * @param start first sample, counted from the start of the source's stream (all its audio events)
 * @param end sample after the last one
 * @param audio the samples {@code [start, end)}, 16-bit at 16 kHz (not copied)
 */
@SuppressWarnings("ArrayRecordComponent") // a value carrier, never compared or hashed
public record SpeechSegment(long start, long end, short[] audio) {

  public SpeechSegment {
    if (end < start || audio.length != end - start) {
      throw new IllegalArgumentException(
          "segment [" + start + ", " + end + ") with " + audio.length + " samples");
    }
  }

  /** The samples as floats, full scale 1.0. */
  public float[] floats() {
    float[] out = new float[audio.length];
    for (int i = 0; i < audio.length; i++) {
      out[i] = audio[i] / 32768f;
    }
    return out;
  }
}
