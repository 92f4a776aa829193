package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.Detection;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.detection.ObjectDetector;
import java.util.List;

/** The object detection step: NanoDet. */
public final class DetectionStep implements ImageStep {

  private final NanoDet model;

  public DetectionStep(NanoDet model) {
    this.model = requireNonNull(model, "model");
  }

  @Override
  public VisionStep kind() {
    return VisionStep.DETECTION;
  }

  @Override
  public Runner open() {
    ObjectDetector detector = model.newDetector();
    return new Runner() {
      @Override
      public void run(List<ImageWork> images) {
        long start = System.nanoTime();
        List<List<Detection>> found =
            detector.detect(images.stream().map(ImageWork::image).toList());
        double share = (System.nanoTime() - start) / 1e6 / images.size();
        for (int i = 0; i < images.size(); i++) {
          images.get(i).setDetections(found.get(i));
          images.get(i).addModel(model.provenance(detector.device(), share));
        }
      }

      @Override
      public void close() {
        detector.close();
      }
    };
  }
}
