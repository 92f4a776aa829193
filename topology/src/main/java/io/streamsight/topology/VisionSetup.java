package io.streamsight.topology;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.vision.SourcePlans;
import io.streamsight.processors.vision.VisionModels;
import io.streamsight.topology.config.StreamsightConfig;

/**
 * The image model steps a configuration asks for, loaded: the models of every step some source uses
 * ({@code image.processors}, {@code source.<id>.image.processors}, the privacy switch), each on its
 * {@code processor.<step>.device}, and the per-source plans restricted to the steps that loaded
 * (with {@code image.models.missing=skip}, a step whose model is not fetched is dropped for every
 * source, and said so in the log).
 *
 * @param plans what runs for each source
 * @param models the loaded steps
 */
public record VisionSetup(SourcePlans plans, VisionModels models) {

  public VisionSetup {
    requireNonNull(plans, "plans");
    requireNonNull(models, "models");
  }

  /**
   * Loads what {@code config} asks for through {@code registry} (which owns the models).
   *
   * @throws io.streamsight.processors.inference.ModelLoadException when a model cannot be loaded
   *     and {@code image.models.missing} is {@code fail}
   */
  public static VisionSetup load(StreamsightConfig config, ModelRegistry registry) {
    SourcePlans plans = config.imagePlans();
    VisionModels models =
        VisionModels.load(
            config.visionSettings(),
            plans.stepsInUse(),
            registry,
            CatalogueModels.bundled(config.modelsDir()),
            step -> config.devicePlacement(step.configName()),
            config.skipUnavailableImageModels());
    return new VisionSetup(plans.restrictedTo(models.available()), models);
  }
}
