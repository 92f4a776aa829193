package io.streamsight.processors.payload;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.ClaimCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where payloads too large to travel inline go: a folder of files named after their SHA-256, which
 * {@link PayloadResolver} reads back through the {@link ClaimCheck} (file URI, sha256, size).
 * Writing is idempotent (the same bytes land in the same file) and atomic (a temporary file moved
 * into place), so concurrent writers and readers never see half a payload. Thread-safe.
 */
public final class ClaimCheckStore {

  private final Path dir;
  private final int thresholdBytes;

  /**
   * @param dir the claim-check folder ({@code claimcheck.dir}), created on first use
   * @param thresholdBytes payloads larger than this are stored ({@code claimcheck.threshold.bytes})
   */
  public ClaimCheckStore(Path dir, int thresholdBytes) {
    this.dir = requireNonNull(dir, "dir");
    if (thresholdBytes < 0) {
      throw new IllegalArgumentException("threshold must not be negative: " + thresholdBytes);
    }
    this.thresholdBytes = thresholdBytes;
  }

  /**
   * An event's payload: the bytes inline up to the threshold, else a claim check to a stored copy.
   *
   * @throws UncheckedIOException when the copy cannot be written
   */
  public Object payload(byte[] bytes) {
    return bytes.length <= thresholdBytes ? ByteBuffer.wrap(bytes) : store(bytes);
  }

  /** Stores the bytes (once) and returns their claim check. */
  public ClaimCheck store(byte[] bytes) {
    String sha256 = PayloadResolver.sha256Hex(bytes);
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(sha256);
      if (!Files.exists(target)) {
        Path tmp = Files.createTempFile(dir, sha256, ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      return ClaimCheck.newBuilder()
          .setUri(target.toAbsolutePath().toUri().toString())
          .setSha256(sha256)
          .setSizeBytes(bytes.length)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store claim-checked payload in " + dir, e);
    }
  }
}
