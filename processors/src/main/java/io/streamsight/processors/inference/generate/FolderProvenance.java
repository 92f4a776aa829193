package io.streamsight.processors.inference.generate;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.ModelProvenance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a model loaded from a folder came from: the folder's name and the SHA-256 of every file
 * that was read, computed at load.
 *
 * @param name the model name: the folder's name
 * @param version what the export says about itself ({@code transformers_version} of its config), or
 *     {@code unknown}
 * @param sha256ByFile file name → lower-case hex SHA-256, sorted by file name
 */
public record FolderProvenance(String name, String version, Map<String, String> sha256ByFile) {

  public FolderProvenance {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    sha256ByFile = java.util.Collections.unmodifiableMap(new TreeMap<>(sha256ByFile));
  }

  /**
   * One digest for the whole folder: the SHA-256 of its manifest, the lines {@code <sha256> <file>}
   * sorted by file name, as {@code sha256sum} prints them ({@code sha256sum FILES | sort -k2 |
   * sha256sum} gives the same).
   */
  public String manifestSha256() {
    StringBuilder manifest = new StringBuilder();
    sha256ByFile.forEach(
        (file, sha) -> manifest.append(sha).append("  ").append(file).append('\n'));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * The provenance of an output record: the folder name, the export's version, and the {@link
   * #manifestSha256()} (one field holds one digest; the per-file ones are in the logs and here).
   */
  public ModelProvenance toAvro(String device, double inferenceMs) {
    return ModelProvenance.newBuilder()
        .setName(name)
        .setVersion(version)
        .setSha256(manifestSha256())
        .setDevice(device)
        .setInferenceMs(inferenceMs)
        .build();
  }
}
