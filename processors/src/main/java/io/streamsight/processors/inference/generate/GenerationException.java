package io.streamsight.processors.inference.generate;

/**
 * ONNX Runtime failed while encoding or generating (a record's input it could not run, or a device
 * failure). Per call, never at load: callers such as a micro-batch processor retry the records one
 * by one and dead-letter the one that fails alone.
 */
public final class GenerationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
