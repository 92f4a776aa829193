package io.streamsight.processors.inference;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import java.util.List;

/**
 * One model loaded on every device of a {@link DevicePlacement}, owned by the {@link ModelRegistry}
 * that loaded it. Processors never close it; they close their predictors.
 *
 * @param <I> what one prediction takes (for batching translators, a list of records' inputs)
 * @param <O> what one prediction returns
 */
public final class ModelReplicas<I, O> {

  private final String name;
  private final DevicePlacement placement;
  private final List<ZooModel<I, O>> models;

  ModelReplicas(String name, DevicePlacement placement, List<ZooModel<I, O>> models) {
    this.name = name;
    this.placement = placement;
    this.models = List.copyOf(models);
  }

  /**
   * A new predictor on the next replica (round-robin over the placement's devices). Call once per
   * processor instance, in {@code init}, and close it in the processor's {@code close}: a predictor
   * is not thread-safe and must never be shared between stream threads or created per record.
   */
  public Predictor<I, O> newPredictor() {
    return models.get(placement.nextIndex()).newPredictor();
  }

  /**
   * As {@link #newPredictor()}, with the device the chosen replica runs on ({@code cpu} or {@code
   * gpu:N}), which output records name in their provenance.
   */
  public PlacedPredictor<I, O> newPlacedPredictor() {
    int index = placement.nextIndex();
    return new PlacedPredictor<>(
        models.get(index).newPredictor(), DevicePlacement.describe(placement.devices().get(index)));
  }

  public String name() {
    return name;
  }

  /** The loaded replicas, for tests that inspect their native resources. */
  List<ZooModel<I, O>> replicas() {
    return models;
  }

  /** The devices the replicas run on, one per replica. */
  public List<Device> devices() {
    return placement.devices();
  }
}
