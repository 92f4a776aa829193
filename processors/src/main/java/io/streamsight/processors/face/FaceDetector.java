package io.streamsight.processors.face;

import io.streamsight.events.Face;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * Finds faces in images: one per processor instance (stream task) or thread, from {@link
 * BlazeFace#newDetector()}. Not thread-safe; close it with its owner.
 */
public interface FaceDetector extends AutoCloseable {

  /**
   * Detects faces in a batch of images.
   *
   * @return one list per image, in order: faces best first, boxes and landmarks in the image's
   *     pixels (boxes clipped to the image)
   * @throws io.streamsight.processors.inference.PredictionException when a model call fails
   */
  List<List<Face>> detect(List<BufferedImage> images);

  /**
   * Milliseconds each model spent on the last {@link #detect} call, by catalogue name, in the order
   * they ran (one entry, or two when both models run).
   */
  Map<String, Double> lastMillis();

  /** Where this detector's models run: {@code cpu} or {@code gpu:N}. */
  String device();

  @Override
  void close();
}
