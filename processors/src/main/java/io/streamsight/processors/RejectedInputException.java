package io.streamsight.processors;

import static java.util.Objects.requireNonNull;

/**
 * An input record that no retry can fix: too large, undecodable, truncated, in an unsupported
 * format, or not matching its own checksum.
 *
 * <p>Processors throw it and never catch it. The processing exception handler sends the
 * <em>source</em> record to the dead-letter queue with {@link #getMessage()} in its {@code
 * __streams.errors.message} header, so the message is what a user reads to learn why their record
 * was refused: it names the limit or the fact that failed, with numbers, and never contains payload
 * bytes or text content (health data). {@link #reason()} is the same fact as a short stable code
 * for dashboards and alerts.
 *
 * <p>Infrastructure failures (a claim-check store that cannot be read, out of memory) are not
 * rejected inputs and are never reported with this exception.
 */
public class RejectedInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why an input was rejected, as a stable machine-readable code. */
  public enum Reason {
    /** Larger than a configured limit: bytes, pixels or characters. */
    OVERSIZE,
    /** Not in a format that can be read: no decoder recognises it, or the decoder fails. */
    UNDECODABLE,
    /** Recognised, but shorter than its own header says (a cut-off upload or stream). */
    TRUNCATED,
    /**
     * A valid format or reference this pipeline deliberately does not handle (a codec, a URI
     * scheme).
     */
    UNSUPPORTED,
    /** The bytes differ from the size or SHA-256 their claim check declares. */
    CHECKSUM_MISMATCH,
    /** The payload a claim check points to does not exist. */
    MISSING,
    /** Nothing left to process: no value, no bytes, or text that is empty after normalisation. */
    EMPTY
  }

  private final Reason reason;

  /**
   * @param reason the machine-readable code
   * @param message the human-readable reason; must not contain payload or text content
   */
  public RejectedInputException(Reason reason, String message) {
    super(message);
    this.reason = requireNonNull(reason, "reason");
  }

  /**
   * @param reason the machine-readable code
   * @param message the human-readable reason; must not contain payload or text content
   * @param cause the decoder's own exception, kept for stack traces
   */
  public RejectedInputException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = requireNonNull(reason, "reason");
  }

  /** The machine-readable code of the reason. */
  public Reason reason() {
    return reason;
  }
}
