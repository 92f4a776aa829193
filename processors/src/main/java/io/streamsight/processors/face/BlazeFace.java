package io.streamsight.processors.face;

import static java.util.Objects.requireNonNull;

import ai.djl.translate.TranslateException;
import io.streamsight.events.Face;
import io.streamsight.events.ModelProvenance;
import io.streamsight.events.Point;
import io.streamsight.processors.image.Rect;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.ModelReplicas;
import io.streamsight.processors.inference.PlacedPredictor;
import io.streamsight.processors.inference.PredictionException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Face detection with MediaPipe's BlazeFace: the short-range model ({@value #FRONT}, 128x128, for
 * faces that fill part of the frame), the full-range one ({@value #BACK}, 256x256, which also finds
 * small and distant faces), or both with their faces merged. Loaded once on the placement's devices
 * and shared; each processor instance takes its own {@link FaceDetector}.
 *
 * <p>Per model: letterbox to the square input, decode scores and boxes against MediaPipe's SSD
 * anchors, keep candidates above the threshold, map them back to image pixels. The candidates of
 * every model that ran then go through MediaPipe's weighted suppression together (a face seen by
 * both models becomes one face, averaged by score). Output faces carry their box (clipped to the
 * image), score and six landmarks: right eye, left eye, nose tip, mouth, right ear tragion, left
 * ear tragion (the subject's right and left).
 */
public final class BlazeFace {

  /** Catalogue name of the short-range (front camera) model. */
  public static final String FRONT = "blazeface-front-128";

  /** Catalogue name of the full-range (back camera) model. */
  public static final String BACK = "blazeface-back-256";

  private final Map<String, ModelReplicas<BufferedImage, List<FaceCandidate>>> replicas;
  private final CatalogueModels models;
  private final FaceSettings settings;

  private BlazeFace(
      Map<String, ModelReplicas<BufferedImage, List<FaceCandidate>>> replicas,
      CatalogueModels models,
      FaceSettings settings) {
    this.replicas = replicas;
    this.models = models;
    this.settings = settings;
  }

  /**
   * Loads the model(s) of {@link FaceSettings#models()} on every device of {@code placement}.
   * Thread-safe; call once at start-up and share the result.
   *
   * @throws io.streamsight.processors.inference.ModelLoadException when a model is not fetched
   *     (saying how to fetch it), fails its checksum, or cannot be placed
   */
  @SuppressWarnings("unchecked")
  public static BlazeFace load(
      ModelRegistry registry,
      CatalogueModels models,
      DevicePlacement placement,
      FaceSettings settings) {
    requireNonNull(registry, "registry");
    requireNonNull(models, "models");
    requireNonNull(placement, "placement");
    requireNonNull(settings, "settings");
    Map<String, ModelReplicas<BufferedImage, List<FaceCandidate>>> loaded = new LinkedHashMap<>();
    for (String name : settings.models().catalogueNames()) {
      SsdAnchors anchors = name.equals(FRONT) ? SsdAnchors.FRONT_128 : SsdAnchors.BACK_256;
      BlazeFaceTranslator translator =
          new BlazeFaceTranslator(
              anchors, settings.scoreThreshold(), models.takesDynamicBatch(name));
      loaded.put(
          name,
          registry.load(
              models.fetchedSpec(name),
              placement,
              BufferedImage.class,
              (Class<List<FaceCandidate>>) (Class<?>) List.class,
              translator));
    }
    return new BlazeFace(loaded, models, settings);
  }

  /** A detector with its own predictors on the next replica; one per processor instance. */
  public FaceDetector newDetector() {
    Map<String, PlacedPredictor<BufferedImage, List<FaceCandidate>>> predictors =
        new LinkedHashMap<>();
    try {
      replicas.forEach((name, model) -> predictors.put(name, model.newPlacedPredictor()));
    } catch (RuntimeException e) {
      predictors.values().forEach(PlacedPredictor::close);
      throw e;
    }
    return new Detector(predictors);
  }

  public FaceSettings settings() {
    return settings;
  }

  /** Provenance for one of this detector's models (a catalogue name from {@code lastMillis}). */
  public ModelProvenance provenance(String model, String device, double inferenceMs) {
    return models.provenance(model, device, inferenceMs);
  }

  /** Suppression and conversion of one image's candidates, already in image pixels. */
  List<Face> finish(List<FaceCandidate> candidates, int width, int height) {
    List<Face> faces = new ArrayList<>();
    for (FaceCandidate c :
        FaceCandidate.weightedSuppression(candidates, settings.nmsIou(), settings.maxFaces())) {
      Rect box = c.box.clip(width, height);
      if (box.width() < 1 || box.height() < 1) {
        continue;
      }
      List<Point> landmarks = new ArrayList<>(FaceCandidate.LANDMARKS);
      for (int k = 0; k < FaceCandidate.LANDMARKS; k++) {
        landmarks.add(Point.newBuilder().setX(c.landmarkX(k)).setY(c.landmarkY(k)).build());
      }
      faces.add(
          Face.newBuilder().setBox(box.toBox()).setScore(c.score).setLandmarks(landmarks).build());
    }
    return faces;
  }

  private final class Detector implements FaceDetector {
    private final Map<String, PlacedPredictor<BufferedImage, List<FaceCandidate>>> predictors;
    private final Map<String, Double> lastMillis = new LinkedHashMap<>();

    Detector(Map<String, PlacedPredictor<BufferedImage, List<FaceCandidate>>> predictors) {
      this.predictors = predictors;
    }

    @Override
    public List<List<Face>> detect(List<BufferedImage> images) {
      lastMillis.clear();
      List<List<FaceCandidate>> perImage = new ArrayList<>(images.size());
      for (int i = 0; i < images.size(); i++) {
        perImage.add(new ArrayList<>());
      }
      for (var entry : predictors.entrySet()) {
        long start = System.nanoTime();
        List<List<FaceCandidate>> raw;
        try {
          raw = entry.getValue().predictor().batchPredict(images);
        } catch (TranslateException e) {
          throw new PredictionException(
              entry.getKey() + " failed on a batch of " + images.size(), e);
        }
        for (int i = 0; i < images.size(); i++) {
          BufferedImage image = images.get(i);
          // Undo the letterbox: the square of side max(w, h) centred on the image.
          float side = Math.max(image.getWidth(), image.getHeight());
          float dx = (image.getWidth() - side) / 2;
          float dy = (image.getHeight() - side) / 2;
          for (FaceCandidate c : raw.get(i)) {
            perImage.get(i).add(c.map(side, dx, dy));
          }
        }
        lastMillis.put(entry.getKey(), (System.nanoTime() - start) / 1e6);
      }
      List<List<Face>> results = new ArrayList<>(images.size());
      for (int i = 0; i < images.size(); i++) {
        results.add(finish(perImage.get(i), images.get(i).getWidth(), images.get(i).getHeight()));
      }
      return results;
    }

    @Override
    public Map<String, Double> lastMillis() {
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lastMillis));
    }

    @Override
    public String device() {
      return predictors.values().iterator().next().device();
    }

    @Override
    public void close() {
      predictors.values().forEach(PlacedPredictor::close);
    }
  }
}
