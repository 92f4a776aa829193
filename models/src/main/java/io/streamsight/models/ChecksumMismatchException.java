package io.streamsight.models;

import java.io.IOException;
import java.nio.file.Path;

/** A file whose sha256 is not the one the catalogue pins: truncated, corrupt or tampered with. */
public final class ChecksumMismatchException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String expected;
  private final String actual;

  public ChecksumMismatchException(Path file, String expected, String actual) {
    this(file.toString(), file, expected, actual);
  }

  /**
   * @param what what the file is, for the message (a package's coordinates, for instance)
   */
  public ChecksumMismatchException(String what, Path file, String expected, String actual) {
    super(
        "sha256 mismatch for "
            + what
            + ": expected "
            + expected
            + ", got "
            + actual
            + " (truncated, corrupt or tampered with; nothing was installed)");
    this.file = file;
    this.expected = expected;
    this.actual = actual;
  }

  /** The file that did not match. */
  public Path file() {
    return file;
  }

  /** The sha256 the catalogue pins. */
  public String expected() {
    return expected;
  }

  /** The sha256 found. */
  public String actual() {
    return actual;
  }
}
