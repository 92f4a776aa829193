package io.streamsight.processors.inference;

/**
 * A model call failed (DJL's {@code TranslateException}, an ONNX Runtime error): unchecked, so that
 * model wrappers keep plain signatures. In a {@link MicroBatchProcessor} it fails the batch, which
 * is then retried record by record and dead-letters the record that fails alone.
 */
public class PredictionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PredictionException(String message, Throwable cause) {
    super(message, cause);
  }
}
