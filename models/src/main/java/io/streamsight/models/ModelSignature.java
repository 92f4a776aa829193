package io.streamsight.models;

import java.util.List;

/** The inputs and outputs of a model's ONNX graph, in the order ONNX Runtime lists them. */
public record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

  public ModelSignature {
    inputs = inputs == null ? null : List.copyOf(inputs);
    outputs = outputs == null ? null : List.copyOf(outputs);
  }

  void validate() {
    Checks.require(inputs != null && !inputs.isEmpty(), "signature.inputs is empty");
    Checks.require(outputs != null && !outputs.isEmpty(), "signature.outputs is empty");
    inputs.forEach(t -> t.validate("signature.inputs"));
    outputs.forEach(t -> t.validate("signature.outputs"));
  }
}
