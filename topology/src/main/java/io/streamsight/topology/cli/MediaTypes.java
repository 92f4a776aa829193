package io.streamsight.topology.cli;

/** Recognises media by their first bytes, so a misnamed file still gets the right event type. */
final class MediaTypes {

  private MediaTypes() {}

  static boolean isWav(byte[] b) {
    return startsWith(b, 0, "RIFF") && startsWith(b, 8, "WAVE");
  }

  static boolean isImage(byte[] b) {
    return !imageType(b).equals("application/octet-stream");
  }

  /** The MIME type the header bytes announce; the pipeline still checks the real format. */
  static String imageType(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && startsWith(b, 1, "PNG")) {
      return "image/png";
    }
    if (startsWith(b, 0, "GIF8")) {
      return "image/gif";
    }
    if (startsWith(b, 0, "BM")) {
      return "image/bmp";
    }
    if (startsWith(b, 0, "II*\u0000") || startsWith(b, 0, "MM\u0000*")) {
      return "image/tiff";
    }
    if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) {
      return "image/webp";
    }
    return "application/octet-stream";
  }

  private static boolean startsWith(byte[] b, int offset, String ascii) {
    if (b.length < offset + ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (b[offset + i] != (byte) ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
