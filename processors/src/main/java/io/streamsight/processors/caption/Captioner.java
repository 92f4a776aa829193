package io.streamsight.processors.caption;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Writes one caption per image. One instance per processor instance, used by one thread at a time;
 * close it in the processor's {@code close()}.
 */
public interface Captioner extends AutoCloseable {

  /**
   * One caption per image, in order; the images run as one batch (or as few as the settings allow).
   *
   * @throws io.streamsight.processors.inference.generate.GenerationException if the model fails to
   *     run
   */
  List<String> caption(List<BufferedImage> images);

  /** Where the model runs: {@code cpu} or {@code gpu:N}. */
  default String device() {
    return "cpu";
  }

  @Override
  void close();
}
