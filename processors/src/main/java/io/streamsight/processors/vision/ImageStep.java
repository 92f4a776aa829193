package io.streamsight.processors.vision;

/**
 * One model step of the image pipeline, loaded once and shared by every processor instance: a small
 * wrapper around its model that knows how to put the model's results on an {@link ImageWork}.
 */
public interface ImageStep {

  /** Which step this is. */
  VisionStep kind();

  /**
   * A runner with its own predictors, for one processor instance (or one thread); close it with the
   * instance.
   */
  Runner open();

  /** One processor instance's use of a step. Not thread-safe. */
  interface Runner extends AutoCloseable {

    /**
     * Runs the step on a batch of images and records the results and provenance on each (each
     * image's provenance carries its share of the batch's time).
     *
     * @throws io.streamsight.processors.inference.PredictionException or another runtime exception
     *     when the model fails; the caller retries record by record
     */
    void run(java.util.List<ImageWork> images);

    @Override
    void close();
  }
}
