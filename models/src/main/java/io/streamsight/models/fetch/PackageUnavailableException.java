package io.streamsight.models.fetch;

import java.io.IOException;

/**
 * A package that cannot be obtained here and now: no npm or Maven, a registry out of reach, an
 * offline build without it in the local cache. Not an integrity problem: nothing was installed.
 */
public final class PackageUnavailableException extends IOException {

  private static final long serialVersionUID = 1L;

  public PackageUnavailableException(String message) {
    super(message);
  }

  public PackageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
