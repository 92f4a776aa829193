package io.streamsight.processors.inference;

import static java.util.Objects.requireNonNull;

/**
 * Inference failed for one record on its own, after its batch failed and was retried record by
 * record. Thrown by {@link MicroBatchProcessor} so the processing exception handler dead-letters
 * the record; it carries the record as it was buffered, because the handler's context belongs to
 * whatever triggered the batch (another record, or a punctuation with no source record at all).
 * {@link InferenceDeadLetterHandler} builds the dead-letter record from it.
 *
 * <p>The message names the source (topic, partition, offset) and the processor, never the content.
 */
public final class InferenceFailedException extends RuntimeException {

  private final transient BufferedRecord record;
  private final String storeName;

  public InferenceFailedException(String storeName, BufferedRecord record, Throwable cause) {
    super(
        "inference failed in the batch of buffer "
            + storeName
            + " for the record from "
            + record.source()
            + ": "
            + cause.getClass().getName(),
        cause);
    this.storeName = requireNonNull(storeName, "storeName");
    this.record = requireNonNull(record, "record");
  }

  /** The failed record as buffered: serialized key and value, timestamp, headers, source. */
  public BufferedRecord record() {
    return record;
  }

  /** The buffer store of the processor whose batch failed. */
  public String storeName() {
    return storeName;
  }
}
