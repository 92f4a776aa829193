package io.streamsight.models.convert;

import java.io.IOException;

/** A source model that cannot be converted: an unsupported op or attribute, or a malformed file. */
public class ConversionException extends IOException {
  private static final long serialVersionUID = 1L;

  public ConversionException(String message) {
    super(message);
  }

  public ConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
