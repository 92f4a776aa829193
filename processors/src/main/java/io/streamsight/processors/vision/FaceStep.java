package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.Face;
import io.streamsight.processors.face.BlazeFace;
import io.streamsight.processors.face.FaceDetector;
import java.util.List;
import java.util.Map;

/** The face step: BlazeFace, one or both models (one provenance entry per model). */
public final class FaceStep implements ImageStep {

  private final BlazeFace model;

  public FaceStep(BlazeFace model) {
    this.model = requireNonNull(model, "model");
  }

  @Override
  public VisionStep kind() {
    return VisionStep.FACES;
  }

  @Override
  public Runner open() {
    FaceDetector detector = model.newDetector();
    return new Runner() {
      @Override
      public void run(List<ImageWork> images) {
        List<List<Face>> found = detector.detect(images.stream().map(ImageWork::image).toList());
        Map<String, Double> millis = detector.lastMillis();
        for (int i = 0; i < images.size(); i++) {
          ImageWork work = images.get(i);
          work.setFaces(found.get(i));
          millis.forEach(
              (name, ms) ->
                  work.addModel(model.provenance(name, detector.device(), ms / images.size())));
        }
      }

      @Override
      public void close() {
        detector.close();
      }
    };
  }
}
