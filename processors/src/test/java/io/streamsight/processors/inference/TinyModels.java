package io.streamsight.processors.inference;

import io.streamsight.models.onnx.ElementType;
import io.streamsight.models.onnx.OnnxGraph;
import io.streamsight.models.onnx.OnnxModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Tiny deterministic ONNX models written with the models module's writer, and their exact outputs
 * computed in Java.
 */
public final class TinyModels {

  private TinyModels() {}

  /** {@code y = x·W + b} with {@code x: [batch, in]}, {@code W: [in, out]}, {@code b: [out]}. */
  public static OnnxModel linear(int in, int out) {
    return OnnxGraph.builder("linear")
        .input("x", ElementType.FLOAT, "batch", in)
        .initializer("W", ElementType.FLOAT, new int[] {in, out}, weights(in, out))
        .initializer("b", ElementType.FLOAT, new int[] {out}, bias(out))
        .node("MatMul", List.of("x", "W"), List.of("xw"))
        .node("Add", List.of("xw", "b"), List.of("y"))
        .output("y", ElementType.FLOAT, "batch", out)
        .build();
  }

  /** Writes {@link #linear} to {@code cacheDir/linear-<in>x<out>.onnx} and returns its spec. */
  public static ModelSpec writeLinear(Path cacheDir, int in, int out) {
    OnnxModel model = linear(in, out);
    Path file = Path.of("linear-" + in + "x" + out + ".onnx");
    try {
      model.writeTo(cacheDir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ModelSpec("linear-" + in + "x" + out, file, model.sha256());
  }

  /** What {@link #linear} computes for one row, in float arithmetic. */
  public static float[] expectedLinear(float[] x, int out) {
    float[] w = weights(x.length, out);
    float[] y = bias(out);
    for (int j = 0; j < out; j++) {
      for (int i = 0; i < x.length; i++) {
        y[j] += x[i] * w[i * out + j];
      }
    }
    return y;
  }

  /** A deterministic input row: {@code seed} spreads rows apart. */
  public static float[] row(int in, int seed) {
    float[] x = new float[in];
    for (int i = 0; i < in; i++) {
      x[i] = ((seed * 31 + i * 7) % 17 - 8) / 8f;
    }
    return x;
  }

  private static float[] weights(int in, int out) {
    float[] w = new float[in * out];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        w[i * out + j] = ((i * 5 + j * 3) % 11 - 5) / 10f;
      }
    }
    return w;
  }

  private static float[] bias(int out) {
    float[] b = new float[out];
    for (int j = 0; j < out; j++) {
      b[j] = j / 4f - 0.5f;
    }
    return b;
  }
}
