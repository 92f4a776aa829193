package io.streamsight.processors.detection;

import static java.util.Objects.requireNonNull;

import ai.djl.translate.TranslateException;
import io.streamsight.events.Detection;
import io.streamsight.events.ModelProvenance;
import io.streamsight.models.TensorSpec;
import io.streamsight.processors.image.Rect;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.ModelReplicas;
import io.streamsight.processors.inference.PlacedPredictor;
import io.streamsight.processors.inference.PredictionException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Object detection with NanoDet (COCO-80, catalogue model {@value #MODEL}): the model loaded once
 * on every device of its placement and shared by all processor instances, which each take their own
 * {@link ObjectDetector} from {@link #newDetector()}.
 *
 * <p>Each image is stretched to the model's 416x416 input (the resize its reference outputs were
 * measured with), decoded at three strides, filtered by the per-class thresholds and class
 * allow-list of {@link DetectionSettings}, suppressed class by class (plus the cross-class
 * duplicate rule), and returned with boxes in the original image's pixels, clipped to it.
 *
 * <p>Batching: the converted model's batch dimension is fixed at 1, so a micro-batch runs as one
 * predictor call with one forward pass per image (no stacking); were the catalogue's signature to
 * declare a dynamic batch dimension, the batch would be stacked into a single pass. {@link
 * #stacksBatches()} says which.
 */
public final class NanoDet {

  /** The model's catalogue name. */
  public static final String MODEL = "nanodet-coco";

  private final ModelReplicas<BufferedImage, List<Candidate>> replicas;
  private final CatalogueModels models;
  private final DetectionSettings settings;
  private final boolean stacked;

  private NanoDet(
      ModelReplicas<BufferedImage, List<Candidate>> replicas,
      CatalogueModels models,
      DetectionSettings settings,
      boolean stacked) {
    this.replicas = replicas;
    this.models = models;
    this.settings = settings;
    this.stacked = stacked;
  }

  /**
   * Loads the model on every device of {@code placement}. Thread-safe (the registry serialises
   * loads); call once at start-up and share the result.
   *
   * @throws io.streamsight.processors.inference.ModelLoadException when the model is not fetched
   *     (saying how to fetch it), fails its checksum, or cannot be placed on a device
   */
  @SuppressWarnings("unchecked")
  public static NanoDet load(
      ModelRegistry registry,
      CatalogueModels models,
      DevicePlacement placement,
      DetectionSettings settings) {
    requireNonNull(registry, "registry");
    requireNonNull(models, "models");
    requireNonNull(placement, "placement");
    requireNonNull(settings, "settings");
    boolean stacked = dynamicBatch(models);
    NanoDetTranslator translator = new NanoDetTranslator(settings.lowestThreshold(), stacked);
    ModelReplicas<BufferedImage, List<Candidate>> replicas =
        registry.load(
            models.fetchedSpec(MODEL),
            placement,
            BufferedImage.class,
            (Class<List<Candidate>>) (Class<?>) List.class,
            translator);
    return new NanoDet(replicas, models, settings, stacked);
  }

  /** Whether the catalogue declares the model's input batch dimension dynamic (-1). */
  private static boolean dynamicBatch(CatalogueModels models) {
    var signature = models.entry(MODEL).signature();
    if (signature == null || signature.inputs().isEmpty()) {
      return false;
    }
    TensorSpec input = signature.inputs().get(0);
    return !input.shape().isEmpty() && input.shape().get(0) == -1;
  }

  /**
   * The same loaded model with other post-processing settings. The model decodes only candidates
   * above the loaded settings' lowest threshold, so the new ones may not go lower.
   *
   * @throws IllegalArgumentException if a threshold of {@code other} is below that floor
   */
  NanoDet withSettings(DetectionSettings other) {
    if (other.lowestThreshold() < settings.lowestThreshold()) {
      throw new IllegalArgumentException(
          "the model was loaded to decode scores from "
              + settings.lowestThreshold()
              + "; load it again for "
              + other.lowestThreshold());
    }
    return new NanoDet(replicas, models, other, stacked);
  }

  /** A detector with its own predictor on the next replica; one per processor instance. */
  public ObjectDetector newDetector() {
    return new Detector(replicas.newPlacedPredictor());
  }

  public DetectionSettings settings() {
    return settings;
  }

  /** Whether a batch runs as one stacked forward pass (dynamic batch) or one pass per image. */
  public boolean stacksBatches() {
    return stacked;
  }

  /** Provenance for an output record: this model, where it ran and its share of the batch. */
  public ModelProvenance provenance(String device, double inferenceMs) {
    return models.provenance(MODEL, device, inferenceMs);
  }

  /** The product's post-processing of one image's candidates. */
  List<Detection> finish(List<Candidate> candidates, int width, int height) {
    List<Candidate> eligible = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      String label = CocoLabels.NAMES.get(c.label());
      if (settings.reports(label) && c.score() >= settings.threshold(label)) {
        eligible.add(c);
      }
    }
    List<Candidate> kept =
        Suppression.suppress(
            eligible, settings.nmsIou(), settings.duplicateIou(), settings.maxDetections());
    List<Detection> detections = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      Rect box = c.box().scale(width, height).clip(width, height);
      if (box.width() < 1 || box.height() < 1) {
        continue; // entirely outside the image
      }
      detections.add(
          Detection.newBuilder()
              .setLabel(CocoLabels.NAMES.get(c.label()))
              .setScore(c.score())
              .setBox(box.toBox())
              .build());
    }
    return detections;
  }

  private final class Detector implements ObjectDetector {
    private final PlacedPredictor<BufferedImage, List<Candidate>> predictor;

    Detector(PlacedPredictor<BufferedImage, List<Candidate>> predictor) {
      this.predictor = predictor;
    }

    @Override
    public List<List<Detection>> detect(List<BufferedImage> images) {
      if (images.isEmpty()) {
        return List.of();
      }
      List<List<Candidate>> raw;
      try {
        raw = predictor.predictor().batchPredict(images);
      } catch (TranslateException e) {
        throw new PredictionException(MODEL + " failed on a batch of " + images.size(), e);
      }
      List<List<Detection>> results = new ArrayList<>(images.size());
      for (int i = 0; i < images.size(); i++) {
        BufferedImage image = images.get(i);
        results.add(finish(raw.get(i), image.getWidth(), image.getHeight()));
      }
      return results;
    }

    @Override
    public String device() {
      return predictor.device();
    }

    @Override
    public void close() {
      predictor.close();
    }
  }
}
