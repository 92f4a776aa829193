package io.streamsight.processors.medication;

/**
 * One thing validation found, for a pharmacist to act on.
 *
 * @param type machine-readable type, e.g. {@code DinNotFoundError}
 * @param message what is wrong and, where known, what would fit
 * @param level how serious it is
 */
public record Finding(String type, String message, Level level) {

  /** Critical findings reject an order; warnings send it to review; info is informative. */
  public enum Level {
    CRITICAL,
    WARNING,
    INFO
  }

  static Finding critical(String type, String message) {
    return new Finding(type, message, Level.CRITICAL);
  }

  static Finding warning(String type, String message) {
    return new Finding(type, message, Level.WARNING);
  }

  static Finding info(String type, String message) {
    return new Finding(type, message, Level.INFO);
  }
}
