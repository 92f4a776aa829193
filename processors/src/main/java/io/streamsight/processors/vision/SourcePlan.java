package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the image pipeline does for the images of one source (a camera, a document feed).
 *
 * @param steps the model steps enabled for the source
 * @param blurFaces the privacy switch: emit a copy of every image with its faces blurred (this runs
 *     the face step even when {@code steps} leaves it out)
 */
public record SourcePlan(Set<VisionStep> steps, boolean blurFaces) {

  /** No model step, no blur: the image header only. */
  public static final SourcePlan HEADER_ONLY = new SourcePlan(Set.of(), false);

  public SourcePlan {
    requireNonNull(steps, "steps");
    EnumSet<VisionStep> copy = EnumSet.noneOf(VisionStep.class);
    copy.addAll(steps);
    if (blurFaces) {
      copy.add(VisionStep.FACES);
    }
    steps = java.util.Collections.unmodifiableSet(copy);
  }

  /** A plan from step names as configured ({@code detection}, {@code ocr}, ...). */
  public static SourcePlan of(Collection<String> stepNames, boolean blurFaces) {
    EnumSet<VisionStep> steps = EnumSet.noneOf(VisionStep.class);
    for (String name : stepNames) {
      if (!name.isBlank()) {
        steps.add(VisionStep.parse(name));
      }
    }
    return new SourcePlan(steps, blurFaces);
  }

  /** Whether the step runs for this source. */
  public boolean runs(VisionStep step) {
    return steps.contains(step);
  }

  /** Whether any model step runs, so the image must be decoded for the models. */
  public boolean usesModels() {
    return !steps.isEmpty();
  }

  /** The same plan without the steps that are not available (models not fetched, say). */
  public SourcePlan restrictedTo(Set<VisionStep> available) {
    EnumSet<VisionStep> kept = EnumSet.noneOf(VisionStep.class);
    for (VisionStep step : steps) {
      if (available.contains(step)) {
        kept.add(step);
      }
    }
    return new SourcePlan(kept, blurFaces && available.contains(VisionStep.FACES));
  }
}
