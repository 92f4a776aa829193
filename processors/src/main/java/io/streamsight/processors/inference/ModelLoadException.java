package io.streamsight.processors.inference;

/**
 * A model could not be loaded: missing or tampered file, a device this machine does not have, or a
 * file ONNX Runtime cannot read. Thrown at start-up, never per record, so it stops the instance.
 */
public final class ModelLoadException extends RuntimeException {

  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
