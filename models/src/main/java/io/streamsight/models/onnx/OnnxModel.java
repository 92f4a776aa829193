package io.streamsight.models.onnx;

import io.streamsight.models.onnx.proto.ModelProto;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A built ONNX model. Its bytes are a deterministic function of how it was built, so their sha256
 * can be pinned.
 */
public final class OnnxModel {
  private final ModelProto proto;

  OnnxModel(ModelProto proto) {
    this.proto = proto;
  }

  /** Wraps a parsed or hand-built model proto. */
  public static OnnxModel of(ModelProto proto) {
    return new OnnxModel(proto);
  }

  /** Reads an ONNX file written by us or anyone else (fields outside our subset are kept). */
  public static OnnxModel read(Path file) throws IOException {
    return new OnnxModel(ModelProto.parseFrom(Files.readAllBytes(file)));
  }

  /** The underlying message, for inspection. */
  public ModelProto proto() {
    return proto;
  }

  /** The serialised model. */
  public byte[] toByteArray() {
    return proto.toByteArray();
  }

  /**
   * Writes the model to {@code file}, creating parent directories; the file is replaced atomically
   * where the file system allows, so readers never see half a model.
   */
  public void writeTo(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, absolute.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        proto.writeTo(out);
      }
      try {
        Files.move(
            tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Lower-case hex sha256 of {@link #toByteArray()}. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
