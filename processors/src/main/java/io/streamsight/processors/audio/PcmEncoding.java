package io.streamsight.processors.audio;

import java.util.Locale;
import java.util.Optional;

/**
 * The uncompressed sample encodings Streamsight accepts, named as ffmpeg names them; {@link #id()}
 * is the value of {@code AudioEvent.encoding} for raw audio and of {@code AudioInfo.encoding}.
 * Every one is little-endian and interleaved; {@code pcm_u8} is unsigned (silence is 128), the
 * others signed integers or IEEE floats.
 */
public enum PcmEncoding {
  PCM_U8("pcm_u8", 8, false),
  PCM_S16LE("pcm_s16le", 16, false),
  PCM_S24LE("pcm_s24le", 24, false),
  PCM_S32LE("pcm_s32le", 32, false),
  PCM_F32LE("pcm_f32le", 32, true),
  PCM_F64LE("pcm_f64le", 64, true);

  private final String id;
  private final int bitsPerSample;
  private final boolean floatingPoint;

  PcmEncoding(String id, int bitsPerSample, boolean floatingPoint) {
    this.id = id;
    this.bitsPerSample = bitsPerSample;
    this.floatingPoint = floatingPoint;
  }

  /** The name used in events, e.g. {@code pcm_s16le}. */
  public String id() {
    return id;
  }

  /** Bits one sample of one channel occupies. */
  public int bitsPerSample() {
    return bitsPerSample;
  }

  /** Bytes one sample of one channel occupies. */
  public int bytesPerSample() {
    return bitsPerSample / 8;
  }

  /** Whether samples are IEEE floats rather than integers. */
  public boolean floatingPoint() {
    return floatingPoint;
  }

  /** The encoding named {@code id}, ignoring case; empty for any other name. */
  public static Optional<PcmEncoding> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (PcmEncoding encoding : values()) {
      if (encoding.id.equals(wanted)) {
        return Optional.of(encoding);
      }
    }
    return Optional.empty();
  }

  /** The integer PCM encoding of a WAV file with this sample size, as WAV stores it. */
  static Optional<PcmEncoding> integerPcm(int bitsPerSample) {
    return switch (bitsPerSample) {
      case 8 -> Optional.of(PCM_U8);
      case 16 -> Optional.of(PCM_S16LE);
      case 24 -> Optional.of(PCM_S24LE);
      case 32 -> Optional.of(PCM_S32LE);
      default -> Optional.empty();
    };
  }

  /** The IEEE float encoding with this sample size. */
  static Optional<PcmEncoding> ieeeFloat(int bitsPerSample) {
    return switch (bitsPerSample) {
      case 32 -> Optional.of(PCM_F32LE);
      case 64 -> Optional.of(PCM_F64LE);
      default -> Optional.empty();
    };
  }
}
