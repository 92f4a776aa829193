package io.streamsight.processors.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Finding a model's outputs in what DJL's ONNX Runtime engine returns. */
public final class NamedOutputs {

  private NamedOutputs() {}

  /**
   * The output called {@code name} in the graph, else the one at {@code position} in the model's
   * signature (engines do not all name their outputs).
   */
  public static NDArray get(NDList outputs, String name, int position) {
    NDArray named = outputs.get(name);
    return named != null ? named : outputs.get(position);
  }
}
