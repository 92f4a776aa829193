package io.streamsight.processors.audio;

import io.streamsight.events.AudioInfo;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import io.streamsight.processors.payload.PayloadResolver;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads what a recording is (container, sample encoding, rate, channels, frames, duration, size,
 * SHA-256) from a RIFF/WAVE header or from the declared format of raw PCM, and refuses recordings
 * that are truncated, inconsistent or in a codec the pipeline does not decode.
 *
 * <h2>Which parser</h2>
 *
 * The bytes decide first: a payload starting with {@code RIFF....WAVE} is parsed as WAV whatever
 * the event declares (and a declared sample rate or channel count is then ignored, the header
 * wins). Otherwise a declared encoding of {@code wav} means a WAV file was promised and the bytes
 * are not one ({@link Reason#UNDECODABLE}); a declared {@link PcmEncoding} id means raw PCM, which
 * needs the declared sample rate and channel count ({@link Reason#UNSUPPORTED} without them); any
 * other encoding is {@link Reason#UNSUPPORTED}.
 *
 * <h2>WAV</h2>
 *
 * Little-endian RIFF only ({@code RIFX} and {@code RF64} are {@link Reason#UNSUPPORTED}). Format
 * codes PCM (1: 8, 16, 24, 32 bits), IEEE float (3: 32, 64 bits) and WAVE_FORMAT_EXTENSIBLE
 * (0xFFFE) whose subformat GUID is one of those two; anything else, MP3 (0x0055), ADPCM (2, 0x11),
 * A-law (6), mu-law (7) included, is {@link Reason#UNSUPPORTED} with its code. For extensible files
 * {@code bitsPerSample} is the container size ({@code wBitsPerSample}), which is what the sample
 * layout depends on; fewer valid bits (20 in 24) are accepted. Chunks other than {@code fmt } and
 * {@code data} (LIST, fact, cue, ...) are skipped; odd-sized chunks are padded to even as RIFF
 * requires, and a writer that forgot the pad byte is tolerated when only the unpadded position
 * holds a plausible chunk header. The RIFF size field is ignored (streaming writers leave it
 * wrong).
 *
 * <p>Data size: a {@code data} chunk declaring more bytes than are present is {@link
 * Reason#TRUNCATED}, except the "unknown length" markers that streaming writers leave when they
 * cannot seek back: {@code 0xFFFFFFFF}, and {@code 0} with bytes after it. Then the data runs to
 * the end of the payload. In every case the data must be a whole number of frames ({@link
 * Reason#TRUNCATED} otherwise), so a stream cut mid-frame is caught.
 *
 * <p>Sanity: sample rate 1 to 768000 Hz, 1 to 64 channels, and a {@code blockAlign} equal to
 * channels x bytes per sample; otherwise {@link Reason#UNDECODABLE}.
 *
 * <p>Stateless and thread-safe.
 */
public final class AudioInspector {

  /** Highest sample rate accepted, in Hz (the highest rate of common professional equipment). */
  public static final int MAX_SAMPLE_RATE = 768_000;

  /** Most channels accepted. */
  public static final int MAX_CHANNELS = 64;

  private static final int FORMAT_PCM = 0x0001;
  private static final int FORMAT_IEEE_FLOAT = 0x0003;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;

  /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID derived from a WAVE format code. */
  private static final byte[] SUBFORMAT_GUID_TAIL = {
    0x00,
    0x00,
    0x00,
    0x00,
    0x10,
    0x00,
    (byte) 0x80,
    0x00,
    0x00,
    (byte) 0xAA,
    0x00,
    0x38,
    (byte) 0x9B,
    0x71
  };

  private static final long UNKNOWN_LENGTH = 0xFFFFFFFFL;

  private final long maxBytes;

  /**
   * @param maxBytes largest encoded recording accepted, in bytes ({@code audio.max.bytes})
   */
  public AudioInspector(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * Inspects a recording as an {@code AudioEvent} describes it.
   *
   * @param bytes the encoded recording (not modified)
   * @param declaredEncoding {@code AudioEvent.encoding}: {@code wav} or a {@link PcmEncoding} id
   * @param sampleRate {@code AudioEvent.sampleRate}; required for raw PCM, ignored for WAV
   * @param channels {@code AudioEvent.channels}; required for raw PCM, ignored for WAV
   * @return container {@code wav} or {@code raw}, encoding, rate, channels, bits per sample,
   *     frames, duration (rounded down), size and digest
   * @throws RejectedInputException {@link Reason#OVERSIZE} above {@code maxBytes}; otherwise as the
   *     class documentation says
   */
  public AudioInfo inspect(
      byte[] bytes, String declaredEncoding, Integer sampleRate, Integer channels) {
    return layout(bytes, declaredEncoding, sampleRate, channels).info();
  }

  /**
   * Inspects a recording as {@link #inspect} does, then decodes its samples and mixes every channel
   * down to one (the mean of the channels), at the recording's own sample rate.
   *
   * @return the inspected format and the mono samples, full scale = 1.0
   * @throws RejectedInputException as {@link #inspect} does
   */
  public MonoAudio decodeMono(
      byte[] bytes, String declaredEncoding, Integer sampleRate, Integer channels) {
    Layout layout = layout(bytes, declaredEncoding, sampleRate, channels);
    AudioInfo info = layout.info();
    float[] mono =
        PcmDecoder.mono(
            bytes,
            layout.dataOffset(),
            Math.toIntExact(info.getFrames()),
            info.getChannels(),
            layout.encoding());
    return new MonoAudio(info, mono, info.getSampleRate());
  }

  private Layout layout(
      byte[] bytes, String declaredEncoding, Integer sampleRate, Integer channels) {
    checkSize(bytes);
    if (startsWithRiffFamily(bytes)) {
      return wav(bytes);
    }
    String declared = declaredEncoding == null ? "" : declaredEncoding.trim();
    if (declared.equalsIgnoreCase("wav") || declared.equalsIgnoreCase("wave")) {
      return wav(bytes);
    }
    return raw(bytes, declared, sampleRate, channels);
  }

  /**
   * Inspects a RIFF/WAVE file.
   *
   * @throws RejectedInputException as {@link #inspect} does for WAV
   */
  public AudioInfo inspectWav(byte[] bytes) {
    checkSize(bytes);
    return wav(bytes).info();
  }

  /**
   * Inspects headerless PCM in the given encoding.
   *
   * @param encoding a {@link PcmEncoding} id such as {@code pcm_s16le}
   * @throws RejectedInputException as {@link #inspect} does for raw PCM
   */
  public AudioInfo inspectRaw(byte[] bytes, String encoding, Integer sampleRate, Integer channels) {
    checkSize(bytes);
    return raw(bytes, encoding == null ? "" : encoding.trim(), sampleRate, channels).info();
  }

  private void checkSize(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new RejectedInputException(Reason.UNDECODABLE, "not decodable audio (no bytes)");
    }
    if (bytes.length > maxBytes) {
      throw new RejectedInputException(
          Reason.OVERSIZE,
          "audio too large: " + bytes.length + " bytes exceeds audio.max.bytes=" + maxBytes);
    }
  }

  private static Layout raw(byte[] bytes, String declared, Integer sampleRate, Integer channels) {
    PcmEncoding encoding =
        PcmEncoding.fromId(declared)
            .orElseThrow(
                () ->
                    new RejectedInputException(
                        Reason.UNSUPPORTED,
                        "unsupported audio encoding '"
                            + abbreviate(declared)
                            + "': expected wav or raw "
                            + Arrays.stream(PcmEncoding.values())
                                .map(PcmEncoding::id)
                                .collect(Collectors.joining(", "))));
    if (sampleRate == null || channels == null) {
      throw new RejectedInputException(
          Reason.UNSUPPORTED,
          "raw "
              + encoding.id()
              + " audio needs the event's sampleRate and channels (sampleRate="
              + sampleRate
              + ", channels="
              + channels
              + ")");
    }
    checkRange(sampleRate, channels);
    int frameSize = channels * encoding.bytesPerSample();
    if (bytes.length % frameSize != 0) {
      throw new RejectedInputException(
          Reason.TRUNCATED,
          "truncated raw "
              + encoding.id()
              + " audio: "
              + bytes.length
              + " bytes is not a whole number of "
              + frameSize
              + "-byte frames");
    }
    return new Layout(
        info("raw", encoding, sampleRate, channels, bytes.length / frameSize, bytes), encoding, 0);
  }

  private static Layout wav(byte[] b) {
    if (b.length < 12) {
      throw new RejectedInputException(
          Reason.TRUNCATED,
          "truncated WAV: " + b.length + " bytes is shorter than the 12-byte RIFF header");
    }
    String riff = fourCc(b, 0);
    if (riff.equals("RIFX")) {
      throw new RejectedInputException(Reason.UNSUPPORTED, "big-endian RIFX WAV is not supported");
    }
    if (riff.equals("RF64")) {
      throw new RejectedInputException(Reason.UNSUPPORTED, "RF64 (64-bit) WAV is not supported");
    }
    if (!riff.equals("RIFF") || !fourCc(b, 8).equals("WAVE")) {
      throw new RejectedInputException(Reason.UNDECODABLE, "not a WAV file (no RIFF/WAVE header)");
    }

    WavFormat format = null;
    long dataSize = -1;
    long dataOffset = -1;
    long pos = 12;
    while (format == null || dataSize < 0) {
      if (pos + 8 > b.length) {
        throw new RejectedInputException(
            Reason.TRUNCATED,
            "truncated WAV: the file ends before its "
                + (format == null ? "fmt" : "data")
                + " chunk");
      }
      String id = fourCc(b, (int) pos);
      long size = u32(b, (int) pos + 4);
      long body = pos + 8;
      long remaining = b.length - body;
      if (id.equals("data")) {
        if (size == UNKNOWN_LENGTH || (size == 0 && remaining > 0)) {
          if (format == null) {
            throw new RejectedInputException(
                Reason.UNDECODABLE,
                "not a decodable WAV: streamed data chunk of unknown length before the fmt chunk");
          }
          dataSize = remaining;
          dataOffset = body;
          break;
        }
        if (size > remaining) {
          throw new RejectedInputException(
              Reason.TRUNCATED,
              "truncated WAV: data chunk declares " + size + " bytes but " + remaining + " remain");
        }
        dataSize = size;
        dataOffset = body;
      } else {
        if (size > remaining) {
          throw new RejectedInputException(
              Reason.TRUNCATED,
              "truncated WAV: '"
                  + printable(id)
                  + "' chunk declares "
                  + size
                  + " bytes but "
                  + remaining
                  + " remain");
        }
        if (id.equals("fmt ") && format == null) {
          format = WavFormat.parse(b, (int) body, (int) size);
        }
      }
      pos = nextChunk(b, body + size, size);
    }

    int frameSize = format.blockAlign();
    if (dataSize % frameSize != 0) {
      throw new RejectedInputException(
          Reason.TRUNCATED,
          "truncated WAV: data of "
              + dataSize
              + " bytes is not a whole number of "
              + frameSize
              + "-byte frames");
    }
    if (dataSize / frameSize > Integer.MAX_VALUE) {
      throw new RejectedInputException(
          Reason.OVERSIZE, "WAV data too long: " + dataSize + " bytes");
    }
    return new Layout(
        info(
            "wav",
            format.encoding(),
            format.sampleRate(),
            format.channels(),
            dataSize / frameSize,
            b),
        format.encoding(),
        (int) dataOffset);
  }

  /**
   * Where the chunk after one ending at {@code end} starts. RIFF pads odd-sized chunks to an even
   * size, but some writers forget the pad byte: trust the padded position unless only the unpadded
   * one holds a plausible chunk header.
   */
  private static long nextChunk(byte[] b, long end, long size) {
    if ((size & 1) == 0) {
      return end;
    }
    return !plausibleChunk(b, end + 1) && plausibleChunk(b, end) ? end : end + 1;
  }

  /** A printable four-character id and a size that fits in the bytes left (or is "unknown"). */
  private static boolean plausibleChunk(byte[] b, long pos) {
    if (pos + 8 > b.length) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      int c = b[(int) pos + i] & 0xFF;
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    long size = u32(b, (int) pos + 4);
    return size == UNKNOWN_LENGTH || size <= b.length - pos - 8;
  }

  private static void checkRange(long sampleRate, long channels) {
    if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
      throw new RejectedInputException(
          Reason.UNDECODABLE,
          "sample rate " + sampleRate + " Hz is outside 1.." + MAX_SAMPLE_RATE + " Hz");
    }
    if (channels < 1 || channels > MAX_CHANNELS) {
      throw new RejectedInputException(
          Reason.UNDECODABLE, channels + " channels is outside 1.." + MAX_CHANNELS);
    }
  }

  private static AudioInfo info(
      String container,
      PcmEncoding encoding,
      int sampleRate,
      int channels,
      long frames,
      byte[] bytes) {
    return AudioInfo.newBuilder()
        .setContainer(container)
        .setEncoding(encoding.id())
        .setSampleRate(sampleRate)
        .setChannels(channels)
        .setBitsPerSample(encoding.bitsPerSample())
        .setFrames(frames)
        .setDurationMs(frames * 1000 / sampleRate)
        .setSizeBytes(bytes.length)
        .setSha256(PayloadResolver.sha256Hex(bytes))
        .build();
  }

  private static boolean startsWithRiffFamily(byte[] b) {
    if (b.length < 4) {
      return false;
    }
    String magic = fourCc(b, 0);
    return magic.equals("RIFF") || magic.equals("RIFX") || magic.equals("RF64");
  }

  private static String fourCc(byte[] b, int pos) {
    return new String(b, pos, 4, StandardCharsets.ISO_8859_1);
  }

  private static String printable(String id) {
    StringBuilder out = new StringBuilder(id.length());
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      out.append(c >= 0x20 && c <= 0x7E ? c : '?');
    }
    return out.toString();
  }

  private static String abbreviate(String declared) {
    String shown = printable(declared);
    return shown.length() <= 32 ? shown : shown.substring(0, 32) + "...";
  }

  static int u16(byte[] b, int pos) {
    return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
  }

  static long u32(byte[] b, int pos) {
    return (b[pos] & 0xFFL)
        | (b[pos + 1] & 0xFFL) << 8
        | (b[pos + 2] & 0xFFL) << 16
        | (b[pos + 3] & 0xFFL) << 24;
  }

  /** What was inspected, and where the samples start. */
  private record Layout(AudioInfo info, PcmEncoding encoding, int dataOffset) {}

  /** The parts of a {@code fmt } chunk that decide how the data is laid out. */
  private record WavFormat(PcmEncoding encoding, int sampleRate, int channels, int blockAlign) {

    static WavFormat parse(byte[] b, int off, int size) {
      if (size < 16) {
        throw new RejectedInputException(
            Reason.UNDECODABLE,
            "not a decodable WAV: fmt chunk of " + size + " bytes is shorter than 16");
      }
      int tag = u16(b, off);
      int channels = u16(b, off + 2);
      long sampleRate = u32(b, off + 4);
      int blockAlign = u16(b, off + 12);
      int bits = u16(b, off + 14);

      int codec = tag;
      if (tag == FORMAT_EXTENSIBLE) {
        if (size < 40) {
          throw new RejectedInputException(
              Reason.UNDECODABLE,
              "not a decodable WAV: WAVE_FORMAT_EXTENSIBLE fmt chunk of "
                  + size
                  + " bytes is shorter than 40");
        }
        if (!Arrays.equals(
            b, off + 26, off + 40, SUBFORMAT_GUID_TAIL, 0, SUBFORMAT_GUID_TAIL.length)) {
          throw new RejectedInputException(
              Reason.UNSUPPORTED,
              "unsupported WAV: WAVE_FORMAT_EXTENSIBLE subformat " + guid(b, off + 24));
        }
        codec = u16(b, off + 24);
      }

      PcmEncoding encoding =
          switch (codec) {
            case FORMAT_PCM ->
                PcmEncoding.integerPcm(bits).orElseThrow(() -> unsupportedSampleSize("PCM", bits));
            case FORMAT_IEEE_FLOAT ->
                PcmEncoding.ieeeFloat(bits)
                    .orElseThrow(() -> unsupportedSampleSize("IEEE float", bits));
            default ->
                throw new RejectedInputException(
                    Reason.UNSUPPORTED,
                    String.format(
                        Locale.ROOT,
                        "unsupported WAV format 0x%04X%s: only PCM (1) and IEEE float (3) are"
                            + " decoded",
                        codec,
                        codecName(codec)));
          };
      checkRange(sampleRate, channels);
      int expectedAlign = channels * encoding.bytesPerSample();
      if (blockAlign != expectedAlign) {
        throw new RejectedInputException(
            Reason.UNDECODABLE,
            "not a decodable WAV: blockAlign "
                + blockAlign
                + " does not match "
                + channels
                + " channels x "
                + encoding.bytesPerSample()
                + " bytes per sample");
      }
      return new WavFormat(encoding, (int) sampleRate, channels, blockAlign);
    }

    private static RejectedInputException unsupportedSampleSize(String kind, int bits) {
      return new RejectedInputException(
          Reason.UNSUPPORTED, "unsupported WAV: " + bits + "-bit " + kind + " samples");
    }

    private static String codecName(int codec) {
      return switch (codec) {
        case 0x0002 -> " (Microsoft ADPCM)";
        case 0x0006 -> " (A-law)";
        case 0x0007 -> " (mu-law)";
        case 0x0011 -> " (IMA ADPCM)";
        case 0x0031 -> " (GSM 6.10)";
        case 0x0050 -> " (MPEG)";
        case 0x0055 -> " (MPEG Layer III)";
        case 0x00FF -> " (AAC)";
        case 0x0161, 0x0162, 0x0163 -> " (Windows Media Audio)";
        case 0xF1AC -> " (FLAC)";
        default -> "";
      };
    }

    private static String guid(byte[] b, int off) {
      // The first three GUID fields are stored little-endian, the last two as bytes.
      return String.format(
          Locale.ROOT,
          "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
          u32(b, off),
          u16(b, off + 4),
          u16(b, off + 6),
          b[off + 8],
          b[off + 9],
          b[off + 10],
          b[off + 11],
          b[off + 12],
          b[off + 13],
          b[off + 14],
          b[off + 15]);
    }
  }
}
