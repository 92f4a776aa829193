package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.caption.OnnxCaptioner;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.face.BlazeFace;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.ocr.OcrSettings;
import io.streamsight.processors.ocr.PpOcr;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded model steps of the image pipeline, shared by every processor instance (and by the
 * {@code enrich-image} command). Each step's model is loaded once, on its own device placement
 * ({@code processor.<step>.device}); the registry owns the models and closes them.
 */
public final class VisionModels {

  private static final Logger LOG = LoggerFactory.getLogger(VisionModels.class);

  private final Map<VisionStep, ImageStep> steps;
  private final List<String> skipped;

  VisionModels(Map<VisionStep, ImageStep> steps, List<String> skipped) {
    this.steps = Collections.unmodifiableMap(new EnumMap<>(steps));
    this.skipped = List.copyOf(skipped);
  }

  /** Steps built by hand (tests, tools). */
  public static VisionModels of(List<ImageStep> steps) {
    Map<VisionStep, ImageStep> byKind = new EnumMap<>(VisionStep.class);
    steps.forEach(s -> byKind.put(s.kind(), s));
    return new VisionModels(byKind, List.of());
  }

  /**
   * Loads the models of {@code wanted}.
   *
   * @param placements the device placement of each step
   * @param skipUnavailable when a step's model is not in the cache (not fetched, or not matching
   *     its pin) or the caption folder does not exist: true leaves the step out and logs why (see
   *     {@link #skipped()}); false fails
   * @throws ModelLoadException when a model cannot be loaded (and may not be skipped), saying how
   *     to fetch it where that is the problem
   */
  public static VisionModels load(
      VisionSettings settings,
      Set<VisionStep> wanted,
      ModelRegistry registry,
      CatalogueModels catalogue,
      Function<VisionStep, DevicePlacement> placements,
      boolean skipUnavailable) {
    requireNonNull(settings, "settings");
    requireNonNull(registry, "registry");
    requireNonNull(catalogue, "catalogue");
    Map<VisionStep, ImageStep> loaded = new EnumMap<>(VisionStep.class);
    List<String> skipped = new ArrayList<>();
    for (VisionStep step : VisionStep.values()) {
      if (!wanted.contains(step)) {
        continue;
      }
      String missing = missing(step, settings, catalogue);
      if (missing != null && skipUnavailable) {
        String reason = step.configName() + " disabled: " + missing;
        LOG.warn("{}", reason);
        skipped.add(reason);
        continue;
      }
      if (missing != null) {
        throw new ModelLoadException(
            "image processor " + step.configName() + " cannot start: " + missing);
      }
      DevicePlacement placement = placements.apply(step);
      loaded.put(step, loadStep(step, settings, registry, catalogue, placement));
    }
    return new VisionModels(loaded, skipped);
  }

  private static ImageStep loadStep(
      VisionStep step,
      VisionSettings settings,
      ModelRegistry registry,
      CatalogueModels catalogue,
      DevicePlacement placement) {
    return switch (step) {
      case DETECTION ->
          new DetectionStep(NanoDet.load(registry, catalogue, placement, settings.detection()));
      case FACES -> new FaceStep(BlazeFace.load(registry, catalogue, placement, settings.faces()));
      case OCR ->
          new OcrStep(
              PpOcr.load(registry, catalogue, placement, settings.ocr()), catalogue, placement);
      case CAPTION ->
          settings.captionModelDir() == null
              ? CaptionStep.describer()
              : CaptionStep.model(
                  OnnxCaptioner.load(
                      settings.captionModelDir(), registry, placement, settings.caption()));
    };
  }

  /** Why the step's model cannot be loaded from the cache, or null when it can be tried. */
  private static String missing(
      VisionStep step, VisionSettings settings, CatalogueModels catalogue) {
    List<String> names =
        switch (step) {
          case DETECTION -> List.of(NanoDet.MODEL);
          case FACES -> settings.faces().models().catalogueNames();
          case OCR -> ocrModels(settings.ocr());
          case CAPTION -> List.of();
        };
    for (String name : names) {
      if (!catalogue.available(name)) {
        return catalogue.describe(name) + " (`bin/streamsight models fetch " + name + "`)";
      }
    }
    if (step == VisionStep.CAPTION
        && settings.captionModelDir() != null
        && !Files.isDirectory(settings.captionModelDir())) {
      return "caption.model.dir " + settings.captionModelDir() + " is not a folder";
    }
    return null;
  }

  private static List<String> ocrModels(OcrSettings ocr) {
    List<String> names = new ArrayList<>();
    names.add(OcrSettings.DETECTOR);
    if (ocr.classifyAngle()) {
      names.add(OcrSettings.CLASSIFIER);
    }
    names.add(ocr.recognizer().catalogueName());
    return names;
  }

  /** The steps that are loaded. */
  public Set<VisionStep> available() {
    return steps.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(steps.keySet()));
  }

  /** The loaded step, or null. */
  public ImageStep step(VisionStep kind) {
    return steps.get(kind);
  }

  /** Why each skipped step was left out (empty when none was). */
  public List<String> skipped() {
    return skipped;
  }
}
