package io.streamsight.processors.inference;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * When a {@link MicroBatchProcessor} runs a batch.
 *
 * @param maxSize a batch runs as soon as this many records are buffered (at least 1)
 * @param maxDelay a buffered record waits at most about this long (wall clock) for its batch; the
 *     buffer is checked at this interval, so the wait is between 0 and {@code maxDelay} plus one
 *     poll loop of the stream thread
 */
public record BatchSettings(int maxSize, Duration maxDelay) {

  public static final int DEFAULT_MAX_SIZE = 8;
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(50);

  public BatchSettings {
    requireNonNull(maxDelay, "maxDelay");
    if (maxSize < 1) {
      throw new IllegalArgumentException("batch max size must be at least 1: " + maxSize);
    }
    if (maxDelay.toMillis() < 1) {
      throw new IllegalArgumentException("batch max delay must be at least 1 ms: " + maxDelay);
    }
  }

  public static BatchSettings defaults() {
    return new BatchSettings(DEFAULT_MAX_SIZE, DEFAULT_MAX_DELAY);
  }
}
