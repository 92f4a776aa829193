package io.streamsight.processors.audio;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** RIFF/WAVE files assembled chunk by chunk, so tests control every header field. */
final class TestWavs {

  static final int PCM = 1;
  static final int IEEE_FLOAT = 3;
  static final int EXTENSIBLE = 0xFFFE;
  static final int MP3 = 0x0055;
  static final int MS_ADPCM = 0x0002;

  private TestWavs() {}

  /** A whole WAV file: {@code fmt } then {@code data}, {@code frames} frames of noise. */
  static byte[] wav(int formatTag, int channels, int sampleRate, int bits, int frames) {
    return riff(
        chunk("fmt ", fmt(formatTag, channels, sampleRate, bits)),
        chunk("data", noise(frames * channels * (bits / 8))));
  }

  /** A 16-byte {@code fmt } body with a consistent block align and byte rate. */
  static byte[] fmt(int formatTag, int channels, int sampleRate, int bits) {
    return fmt(formatTag, channels, sampleRate, channels * (bits / 8), bits);
  }

  static byte[] fmt(int formatTag, int channels, int sampleRate, int blockAlign, int bits) {
    return le(16)
        .putShort((short) formatTag)
        .putShort((short) channels)
        .putInt(sampleRate)
        .putInt(sampleRate * blockAlign)
        .putShort((short) blockAlign)
        .putShort((short) bits)
        .array();
  }

  /** A 40-byte WAVE_FORMAT_EXTENSIBLE body whose subformat is the standard GUID of a format tag. */
  static byte[] fmtExtensible(
      int channels, int sampleRate, int containerBits, int validBits, int subformatTag) {
    byte[] guidTail = {
      0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };
    return fmtExtensible(channels, sampleRate, containerBits, validBits, subformatTag, guidTail);
  }

  /** As above with the last 12 bytes of the subformat GUID given (after tag and a zero short). */
  static byte[] fmtExtensible(
      int channels,
      int sampleRate,
      int containerBits,
      int validBits,
      int subformatTag,
      byte[] guidTail) {
    int blockAlign = channels * (containerBits / 8);
    ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) EXTENSIBLE)
        .putShort((short) channels)
        .putInt(sampleRate)
        .putInt(sampleRate * blockAlign)
        .putShort((short) blockAlign)
        .putShort((short) containerBits)
        .putShort((short) 22)
        .putShort((short) validBits)
        .putInt(channels == 2 ? 0x3 : 0)
        .putShort((short) subformatTag)
        .putShort((short) 0);
    b.put(guidTail);
    return b.array();
  }

  /** A chunk padded to an even size, as RIFF requires. */
  static byte[] chunk(String id, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header(id, body.length));
    out.writeBytes(body);
    if (body.length % 2 == 1) {
      out.write(0);
    }
    return out.toByteArray();
  }

  /** An odd-sized chunk written without its pad byte, as some writers do. */
  static byte[] chunkWithoutPad(String id, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header(id, body.length));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A chunk whose size field says {@code declaredSize} whatever the body's length. */
  static byte[] chunkDeclaring(String id, long declaredSize, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header(id, declaredSize));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** {@code RIFF <size> WAVE} followed by the chunks. */
  static byte[] riff(byte[]... chunks) {
    return container("RIFF", chunks);
  }

  static byte[] container(String magic, byte[]... chunks) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      body.writeBytes(chunk);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(magic.getBytes(US_ASCII));
    out.writeBytes(le(4).putInt(body.size() + 4).array());
    out.writeBytes("WAVE".getBytes(US_ASCII));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /** A LIST/INFO chunk body with an odd length. */
  static byte[] listInfo() {
    return "INFOISFT\u0005\u0000\u0000\u0000test\u0000".getBytes(US_ASCII);
  }

  /** Deterministic noise, so every file differs from silence but tests repeat exactly. */
  static byte[] noise(int bytes) {
    byte[] data = new byte[bytes];
    new Random(bytes).nextBytes(data);
    return data;
  }

  private static byte[] header(String id, long size) {
    return le(8).put(id.getBytes(US_ASCII)).putInt((int) size).array();
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
