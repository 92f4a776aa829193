package io.streamsight.bench;

import ai.djl.inference.Predictor;
import io.streamsight.models.onnx.ElementType;
import io.streamsight.models.onnx.OnnxGraph;
import io.streamsight.models.onnx.OnnxModel;
import io.streamsight.processors.inference.DenseBatchTranslator;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.ModelReplicas;
import io.streamsight.processors.inference.ModelSpec;
import io.streamsight.processors.inference.OrtThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second through a tiny ONNX model ({@code y = x·W + b}, 64 → 16) by the inference
 * runtime, one record per prediction against micro-batches of 8 and 32: each invocation pushes
 * {@value #RECORDS} records, so the score is records/ms whatever the batch. One ONNX Runtime
 * thread, as one stream thread on a busy machine would have.
 *
 * <p>{@code java -jar bench/target/streamsight-bench.jar InferenceBatchBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InferenceBatchBenchmark {

  private static final int IN = 64;
  private static final int OUT = 16;
  private static final int RECORDS = 32;

  @Param({"1", "8", "32"})
  private int batch;

  private Path cache;
  private ModelRegistry registry;
  private Predictor<List<float[]>, List<float[]>> predictor;
  private List<List<float[]>> batches;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    cache = Files.createTempDirectory("inference-bench");
    float[] w = new float[IN * OUT];
    for (int i = 0; i < w.length; i++) {
      w[i] = (i % 13 - 6) / 10f;
    }
    OnnxModel model =
        OnnxGraph.builder("linear")
            .input("x", ElementType.FLOAT, "batch", IN)
            .initializer("W", ElementType.FLOAT, new int[] {IN, OUT}, w)
            .initializer("b", ElementType.FLOAT, new int[] {OUT}, new float[OUT])
            .node("MatMul", List.of("x", "W"), List.of("xw"))
            .node("Add", List.of("xw", "b"), List.of("y"))
            .output("y", ElementType.FLOAT, "batch", OUT)
            .build();
    model.writeTo(cache.resolve("linear.onnx"));
    registry = new ModelRegistry(cache, new OrtThreads(1, 1));
    ModelReplicas<List<float[]>, List<float[]>> replicas =
        registry.loadBatching(
            new ModelSpec("linear", Path.of("linear.onnx"), model.sha256()),
            DevicePlacement.cpu("bench"),
            new DenseBatchTranslator(IN));
    predictor = replicas.newPredictor();
    batches = new ArrayList<>();
    for (int start = 0; start < RECORDS; start += batch) {
      List<float[]> rows = new ArrayList<>();
      for (int r = start; r < start + batch; r++) {
        float[] row = new float[IN];
        for (int i = 0; i < IN; i++) {
          row[i] = ((r * 31 + i * 7) % 17 - 8) / 8f;
        }
        rows.add(row);
      }
      batches.add(rows);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    predictor.close();
    registry.close();
    Files.deleteIfExists(cache.resolve("linear.onnx"));
    Files.deleteIfExists(cache);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public int records() throws Exception {
    int rows = 0;
    for (List<float[]> rowsOfBatch : batches) {
      rows += predictor.predict(rowsOfBatch).size();
    }
    return rows;
  }
}
