package io.streamsight.processors.inference;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A model file in the verified model cache and the checksum it must have.
 *
 * @param name model name, used in logs and error messages
 * @param file the {@code .onnx} file, relative to the cache folder given to {@link ModelRegistry}
 * @param sha256 expected SHA-256 of the file, 64 hex digits (case-insensitive; kept lower case)
 */
public record ModelSpec(String name, Path file, String sha256) {

  public ModelSpec {
    requireNonNull(name, "name");
    requireNonNull(file, "file");
    requireNonNull(sha256, "sha256");
    if (name.isBlank()) {
      throw new IllegalArgumentException("model name is blank");
    }
    if (file.isAbsolute()) {
      throw new IllegalArgumentException(
          "model " + name + ": file must be relative to the model cache: " + file);
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (sha256.length() != 64 || !sha256.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException(
          "model " + name + ": sha256 must be 64 hex digits, got '" + sha256 + "'");
    }
  }
}
