package io.streamsight.models;

import java.io.IOException;

/**
 * A model that is not in the cache with its pinned sha256. Thrown at load time, so start-up stops
 * with the reason and the command that fixes it.
 */
public final class ModelUnavailableException extends IOException {

  private static final long serialVersionUID = 1L;

  public ModelUnavailableException(String message) {
    super(message);
  }
}
