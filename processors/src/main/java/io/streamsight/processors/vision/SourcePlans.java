package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The plan of every source: one default, and overrides by source id. Immutable and thread-safe.
 *
 * @param defaults the plan of every source without an override
 * @param bySource overrides by source id ({@code ImageEvent.sourceId})
 */
public record SourcePlans(SourcePlan defaults, Map<String, SourcePlan> bySource) {

  public SourcePlans {
    requireNonNull(defaults, "defaults");
    bySource = Map.copyOf(bySource);
  }

  /** Every source gets the same plan. */
  public static SourcePlans uniform(SourcePlan plan) {
    return new SourcePlans(plan, Map.of());
  }

  /** The plan of a source; the default when the id is null or has no override. */
  public SourcePlan forSource(String sourceId) {
    return sourceId == null ? defaults : bySource.getOrDefault(sourceId, defaults);
  }

  /** Every step some source runs: the models that must be loaded. */
  public Set<VisionStep> stepsInUse() {
    EnumSet<VisionStep> used = EnumSet.noneOf(VisionStep.class);
    used.addAll(defaults.steps());
    bySource.values().forEach(p -> used.addAll(p.steps()));
    return used;
  }

  /** The same plans without the steps that are not available. */
  public SourcePlans restrictedTo(Set<VisionStep> available) {
    Map<String, SourcePlan> restricted = new LinkedHashMap<>();
    bySource.forEach((source, plan) -> restricted.put(source, plan.restrictedTo(available)));
    return new SourcePlans(defaults.restrictedTo(available), restricted);
  }
}
