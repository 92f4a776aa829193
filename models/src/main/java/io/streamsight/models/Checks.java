package io.streamsight.models;

import java.util.regex.Pattern;

/** Catalogue validation helpers: each failure names the offending field. */
final class Checks {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private Checks() {}

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  static void requireSha256(String value, String field) {
    require(
        value != null && SHA256.matcher(value).matches(),
        field + " must be 64 lower-case hex digits, not " + value);
  }

  /** A plain file name: what the cache stores, so never a path that could escape its folder. */
  static void requireFileName(String value, String field) {
    require(
        value != null
            && !value.isBlank()
            && !value.contains("/")
            && !value.contains("\\")
            && !value.startsWith("."),
        field + " must be a plain file name, not " + value);
  }
}
