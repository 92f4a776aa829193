package io.streamsight.processors.medication.sig;

import static java.util.Objects.requireNonNull;

/**
 * A sig the parser cannot read completely. The parser never returns a partial result: every token
 * of a sig must be explained by the grammar, so the first span it cannot explain is reported here,
 * with its character offsets in the original sig ({@code start} inclusive, {@code end} exclusive).
 *
 * <p>The message names the span, e.g. {@code Could not read "qzz" at 10-13}. It contains sig text,
 * which is health data: log {@link #start()}, {@link #end()} and an order id, never the message or
 * the sig.
 */
public final class UnparseableSigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String sig;
  private final int start;
  private final int end;

  /**
   * @param sig the whole sig as given to the parser
   * @param start offset of the first character that could not be read
   * @param end offset just past the span that could not be read
   * @param why what the grammar expected there, appended to the message; may be empty
   */
  public UnparseableSigException(String sig, int start, int end, String why) {
    super(message(sig, start, end, why));
    this.sig = requireNonNull(sig, "sig");
    this.start = start;
    this.end = end;
  }

  private static String message(String sig, int start, int end, String why) {
    String span = sig.substring(start, end);
    String text = "Could not read \"" + span + "\" at " + start + "-" + end;
    return why == null || why.isEmpty() ? text : text + " (" + why + ")";
  }

  /** The whole sig as given to the parser. */
  public String sig() {
    return sig;
  }

  /** Offset of the first character of the unreadable span. */
  public int start() {
    return start;
  }

  /** Offset just past the unreadable span. */
  public int end() {
    return end;
  }

  /** The unreadable text itself: {@code sig().substring(start(), end())}. */
  public String span() {
    return sig.substring(start, end);
  }
}
