package io.streamsight.models;

import java.util.List;

/**
 * One input or output of a model, as ONNX Runtime reports it.
 *
 * @param name the tensor's name in the graph
 * @param type ONNX element type in lower case: {@code float}, {@code int64}, ...
 * @param shape dimensions; -1 where the dimension is dynamic (batch, height, sequence...)
 */
public record TensorSpec(String name, String type, List<Long> shape) {

  public TensorSpec {
    shape = shape == null ? null : List.copyOf(shape);
  }

  void validate(String where) {
    Checks.require(name != null && !name.isBlank(), where + ".name is missing");
    Checks.require(type != null && !type.isBlank(), where + " " + name + ": type is missing");
    Checks.require(shape != null, where + " " + name + ": shape is missing (use [] for a scalar)");
    Checks.require(
        shape.stream().allMatch(d -> d != null && (d == -1 || d > 0)),
        where + " " + name + ": every dimension must be positive or -1, not " + shape);
  }

  @Override
  public String toString() {
    return name + " " + type + shape;
  }
}
