package io.streamsight.processors.payload;

import io.streamsight.events.ClaimCheck;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns an event payload, inline {@link ByteBuffer} bytes or a {@link ClaimCheck}, into the bytes
 * it stands for, refusing anything larger than {@code maxBytes}.
 *
 * <p>Claim checks are supported for {@code file:} URIs only ({@code file:///abs/path}); the
 * declared size is checked against the limit before anything is read, the file's size against the
 * declaration before it is read, and the SHA-256 after. A missing file is a {@link Reason#MISSING}
 * rejection (claims are written before their event is published, so a missing one will not appear
 * later); any other I/O failure is an infrastructure problem and surfaces as {@link
 * UncheckedIOException}, not as a rejection.
 *
 * <p>Stateless and thread-safe: one instance can serve every stream task.
 */
public final class PayloadResolver {

  /** Largest array the JVM reliably allocates. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final long maxBytes;

  /**
   * @param maxBytes largest payload accepted, inline or by claim check; 1 to {@code
   *     Integer.MAX_VALUE - 8}
   */
  public PayloadResolver(long maxBytes) {
    if (maxBytes < 1 || maxBytes > MAX_ARRAY) {
      throw new IllegalArgumentException(
          "maxBytes must be between 1 and " + MAX_ARRAY + ": " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The limit this resolver enforces, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Returns the bytes of an event payload.
   *
   * <p>For inline bytes the result may share the buffer's backing array (no copy when the buffer
   * wraps a whole array, as Avro's decoder produces); callers must not modify it. The buffer's
   * position is left untouched.
   *
   * @param payload a {@link ByteBuffer} or a {@link ClaimCheck}, as in the events' payload union
   * @return the payload bytes, at most {@link #maxBytes()} long
   * @throws RejectedInputException {@link Reason#OVERSIZE} above the limit; {@link Reason#EMPTY}
   *     for a null payload; {@link Reason#UNSUPPORTED} for another payload type, a malformed URI or
   *     a scheme other than {@code file}; {@link Reason#CHECKSUM_MISMATCH} when a claimed file's
   *     size or SHA-256 differs from the claim; {@link Reason#MISSING} when the claimed file does
   *     not exist
   * @throws UncheckedIOException when a claimed file exists but cannot be read
   */
  public byte[] resolve(Object payload) {
    if (payload == null) {
      throw new RejectedInputException(Reason.EMPTY, "event has no payload");
    }
    if (payload instanceof ByteBuffer buffer) {
      return inline(buffer);
    }
    if (payload instanceof ClaimCheck claim) {
      return claimed(claim);
    }
    throw new RejectedInputException(
        Reason.UNSUPPORTED,
        "payload of type " + payload.getClass().getName() + " is neither bytes nor a claim check");
  }

  private byte[] inline(ByteBuffer buffer) {
    int size = buffer.remaining();
    if (size > maxBytes) {
      throw oversize("inline payload", size);
    }
    if (buffer.hasArray()
        && buffer.arrayOffset() == 0
        && buffer.position() == 0
        && size == buffer.array().length) {
      return buffer.array();
    }
    byte[] bytes = new byte[size];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private byte[] claimed(ClaimCheck claim) {
    if (claim.getSizeBytes() > maxBytes) {
      throw oversize("claim check " + claim.getUri() + " declares a payload", claim.getSizeBytes());
    }
    Path path = filePath(claim.getUri());
    byte[] bytes;
    try {
      long actual = Files.size(path);
      if (actual > maxBytes) {
        throw oversize("claimed file " + claim.getUri(), actual);
      }
      if (actual != claim.getSizeBytes()) {
        throw sizeMismatch(claim, actual);
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new RejectedInputException(
          Reason.MISSING, "claimed file " + claim.getUri() + " does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read claimed file " + claim.getUri(), e);
    }
    // The file may have changed between size() and the read; the digest below would catch it too,
    // but the size message is the clearer one.
    if (bytes.length != claim.getSizeBytes()) {
      throw sizeMismatch(claim, bytes.length);
    }
    String digest = sha256Hex(bytes);
    if (!digest.equalsIgnoreCase(claim.getSha256())) {
      throw new RejectedInputException(
          Reason.CHECKSUM_MISMATCH,
          "claim check "
              + claim.getUri()
              + " declares sha256 "
              + claim.getSha256()
              + " but the file's is "
              + digest);
    }
    return bytes;
  }

  private static Path filePath(String uriText) {
    URI uri;
    try {
      uri = new URI(uriText);
    } catch (URISyntaxException e) {
      throw new RejectedInputException(
          Reason.UNSUPPORTED, "claim check URI is malformed: " + e.getReason(), e);
    }
    String scheme = uri.getScheme();
    if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals("file")) {
      throw new RejectedInputException(
          Reason.UNSUPPORTED,
          // The URI itself stays out of the message: other schemes' URIs can carry signed tokens.
          "claim check scheme '"
              + (scheme == null ? "" : scheme)
              + "' is not supported (only file: URIs are)");
    }
    try {
      return Path.of(uri);
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw new RejectedInputException(
          Reason.UNSUPPORTED,
          "claim check file URI must be absolute with no host, file:///path: " + uriText,
          e);
    }
  }

  private RejectedInputException oversize(String what, long size) {
    return new RejectedInputException(
        Reason.OVERSIZE,
        what + " of " + size + " bytes exceeds the limit of " + maxBytes + " bytes");
  }

  private static RejectedInputException sizeMismatch(ClaimCheck claim, long actual) {
    return new RejectedInputException(
        Reason.CHECKSUM_MISMATCH,
        "claim check "
            + claim.getUri()
            + " declares "
            + claim.getSizeBytes()
            + " bytes but the file has "
            + actual);
  }

  /**
   * Lower-case hexadecimal SHA-256 of {@code bytes}, the digest format of every {@code sha256}
   * field in the event schemas.
   */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
