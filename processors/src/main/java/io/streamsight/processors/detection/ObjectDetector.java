package io.streamsight.processors.detection;

import io.streamsight.events.Detection;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds objects in images: one per processor instance (stream task) or thread, from {@link
 * NanoDet#newDetector()}. Not thread-safe; close it with its owner.
 */
public interface ObjectDetector extends AutoCloseable {

  /**
   * Detects objects in a batch of images.
   *
   * @param images decoded images of any size and type
   * @return one list per image, in order: detections best first, boxes in the image's pixels,
   *     clipped to it
   * @throws io.streamsight.processors.inference.PredictionException when the model call fails
   */
  List<List<Detection>> detect(List<BufferedImage> images);

  /** Where this detector's model replica runs: {@code cpu} or {@code gpu:N}. */
  String device();

  /** Releases the predictor; the shared model stays loaded. */
  @Override
  void close();
}
