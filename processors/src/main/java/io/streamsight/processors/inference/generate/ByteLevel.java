package io.streamsight.processors.inference.generate;

/**
 * GPT-2's byte-level alphabet: every byte value maps to one printable character, so that a BPE
 * vocabulary of strings covers arbitrary bytes ({@code bytes_to_unicode} in GPT-2's encoder.py and
 * in Hugging Face tokenizers' ByteLevel pre-tokenizer and decoder).
 *
 * <p>Printable Latin-1 bytes ({@code !}..{@code ~}, {@code ¡}..{@code ¬}, {@code ®}..{@code ÿ}) map
 * to themselves; the other 68 (controls, space, DEL, NBSP, soft hyphen) map in byte order to {@code
 * U+0100} and up, which is why a leading space shows as {@code Ġ} (U+0120).
 */
final class ByteLevel {

  private static final char[] BYTE_TO_CHAR = new char[256];
  private static final int[] CHAR_TO_BYTE = new int[0x200];

  static {
    java.util.Arrays.fill(CHAR_TO_BYTE, -1);
    int extra = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
      char c = printable ? (char) b : (char) (256 + extra++);
      BYTE_TO_CHAR[b] = c;
      CHAR_TO_BYTE[c] = b;
    }
  }

  private ByteLevel() {}

  /** The character standing for byte {@code b} (0..255). */
  static char charOf(int b) {
    return BYTE_TO_CHAR[b & 0xFF];
  }

  /** The byte a character stands for, or -1 if it is not in the alphabet. */
  static int byteOf(char c) {
    return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
  }

  /** The byte-level string of UTF-8 bytes. */
  static String encode(byte[] utf8) {
    char[] chars = new char[utf8.length];
    for (int i = 0; i < utf8.length; i++) {
      chars[i] = charOf(utf8[i]);
    }
    return new String(chars);
  }
}
