package io.streamsight.models;

import java.util.Optional;

/**
 * How an entry's ONNX file is made from its package's files.
 *
 * @param converter name of the {@link ModelConverter} that does it (see {@link ModelConverters})
 * @param from the source file handed to the converter, one of the entry's files
 * @param sha256 sha256 of the converted file, or null while it is not pinned yet (the converter is
 *     new): {@code verify} then reports the file as unpinned
 */
public record Conversion(String converter, String from, String sha256) {

  /** The pinned sha256 of the converted file, if pinned. */
  public Optional<String> pinnedSha256() {
    return Optional.ofNullable(sha256);
  }

  void validate() {
    Checks.require(converter != null && !converter.isBlank(), "conversion.converter is missing");
    Checks.requireFileName(from, "conversion.from");
    if (sha256 != null) {
      Checks.requireSha256(sha256, "conversion.sha256");
    }
  }
}
