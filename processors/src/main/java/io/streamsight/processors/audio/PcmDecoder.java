package io.streamsight.processors.audio;

/**
 * Turns interleaved little-endian PCM into one channel of floats: integer samples are scaled so
 * that full scale is 1.0 ({@code pcm_u8} is offset by 128 first), IEEE floats are taken as they
 * are, and each frame becomes the mean of its channels (a mix that neither clips nor favours a
 * channel; a channel in opposite phase to another cancels, as it would through one loudspeaker).
 */
final class PcmDecoder {

  private PcmDecoder() {}

  /**
   * @param b the bytes holding the samples
   * @param offset where the first frame starts
   * @param frames how many frames to read (the caller checked they are all there)
   * @param channels interleaved channels per frame
   * @param encoding sample layout
   */
  static float[] mono(byte[] b, int offset, int frames, int channels, PcmEncoding encoding) {
    float[] out = new float[frames];
    int step = encoding.bytesPerSample();
    float perChannel = 1f / channels;
    int pos = offset;
    for (int f = 0; f < frames; f++) {
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += sample(b, pos, encoding);
        pos += step;
      }
      out[f] = (float) (sum * perChannel);
    }
    return out;
  }

  private static double sample(byte[] b, int p, PcmEncoding encoding) {
    return switch (encoding) {
      case PCM_U8 -> ((b[p] & 0xFF) - 128) / 128.0;
      case PCM_S16LE -> (short) ((b[p] & 0xFF) | b[p + 1] << 8) / 32768.0;
      case PCM_S24LE -> ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | b[p + 2] << 16) / 8388608.0;
      case PCM_S32LE -> int32(b, p) / 2147483648.0;
      case PCM_F32LE -> finite(Float.intBitsToFloat(int32(b, p)));
      case PCM_F64LE -> finite(Double.longBitsToDouble(int64(b, p)));
    };
  }

  /** NaN and infinities (a broken float writer) become silence rather than poison the filter. */
  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }

  private static int int32(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
  }

  private static long int64(byte[] b, int p) {
    return (int32(b, p) & 0xFFFFFFFFL) | (long) int32(b, p + 4) << 32;
  }
}
