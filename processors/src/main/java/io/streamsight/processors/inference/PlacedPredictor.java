package io.streamsight.processors.inference;

import static java.util.Objects.requireNonNull;

import ai.djl.inference.Predictor;

/**
 * A predictor of one replica and the device that replica runs on. Same rules as the predictor: one
 * per processor instance, never shared between threads, closed with the processor.
 *
 * @param predictor the predictor
 * @param device where it runs: {@code cpu} or {@code gpu:N}
 */
public record PlacedPredictor<I, O>(Predictor<I, O> predictor, String device)
    implements AutoCloseable {

  public PlacedPredictor {
    requireNonNull(predictor, "predictor");
    requireNonNull(device, "device");
  }

  @Override
  public void close() {
    predictor.close();
  }
}
