package io.streamsight.processors.vision;

import io.streamsight.events.ModelProvenance;
import io.streamsight.processors.face.FaceBlur;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the model steps on a batch of decoded images, each image only through the steps its source's
 * plan enables, in {@link VisionStep} order; then blurs the faces of the images whose source has
 * the privacy switch on. One per processor instance (it holds that instance's predictors); not
 * thread-safe; close it with the instance.
 */
public final class ImageAnalyzer implements AutoCloseable {

  /** Name of the blur step in provenance records. */
  public static final String BLUR_STEP = "face-blur";

  private final Map<VisionStep, ImageStep.Runner> runners = new EnumMap<>(VisionStep.class);

  /** Opens a runner (its own predictors) for every loaded step. */
  public ImageAnalyzer(VisionModels models) {
    try {
      for (VisionStep kind : models.available()) {
        runners.put(kind, models.step(kind).open());
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Runs every step on the images whose plan asks for it. A step that is in a plan but not loaded
   * is skipped (plans are restricted to the loaded steps at start-up).
   */
  public void analyze(List<ImageWork> images) {
    for (Map.Entry<VisionStep, ImageStep.Runner> entry : runners.entrySet()) {
      List<ImageWork> subset = new ArrayList<>(images.size());
      for (ImageWork work : images) {
        if (work.plan().runs(entry.getKey())) {
          subset.add(work);
        }
      }
      if (!subset.isEmpty()) {
        entry.getValue().run(subset);
      }
    }
    for (ImageWork work : images) {
      if (work.plan().blurFaces() && runners.containsKey(VisionStep.FACES)) {
        long start = System.nanoTime();
        work.setRedacted(FaceBlur.blur(work.original(), work.faces()));
        work.addModel(
            ModelProvenance.newBuilder()
                .setName(BLUR_STEP)
                .setVersion("1")
                .setSha256(null)
                .setDevice("cpu")
                .setInferenceMs((System.nanoTime() - start) / 1e6)
                .build());
      }
    }
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (ImageStep.Runner runner : runners.values()) {
      try {
        runner.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    runners.clear();
    if (first != null) {
      throw first;
    }
  }
}
