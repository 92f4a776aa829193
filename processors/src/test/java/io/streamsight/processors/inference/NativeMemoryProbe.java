package io.streamsight.processors.inference;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child-JVM side of {@code NativeMemoryIT}: runs batched predictions on the tiny linear model and
 * prints the resident set (VmRSS) after warm-up and after every 2,000 further predictions, with the
 * live DJL tensor count, as {@code rss_kib=<after warm-up>,<...>,<after all>
 * arrays=<before>,<after>}.
 *
 * <p>Arguments: {@code clean|leaky}, warm-up predictions, measured predictions.
 */
public final class NativeMemoryProbe {

  private static final int IN = 256;
  private static final int OUT = 64;
  private static final int BATCH = 8;
  private static final int SAMPLE_EVERY = 2_000;

  private NativeMemoryProbe() {}

  public static void main(String[] args) throws Exception {
    boolean leaky = args[0].equals("leaky");
    int warmUp = Integer.parseInt(args[1]);
    int predictions = Integer.parseInt(args[2]);
    Path cache = Files.createTempDirectory("native-memory-probe");
    ModelSpec spec = TinyModels.writeLinear(cache, IN, OUT);
    try (ModelRegistry registry = new ModelRegistry(cache, new OrtThreads(1, 1))) {
      ModelReplicas<List<float[]>, List<float[]>> model =
          registry.loadBatching(
              spec,
              DevicePlacement.cpu("probe"),
              leaky ? new LeakyTranslator(IN) : new DenseBatchTranslator(IN));
      ZooModel<?, ?> replica = model.replicas().get(0);
      List<float[]> batch = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        batch.add(TinyModels.row(IN, i));
      }
      List<Long> rss = new ArrayList<>();
      try (Predictor<List<float[]>, List<float[]>> predictor = model.newPredictor()) {
        for (int i = 0; i < warmUp; i++) {
          predictor.predict(batch);
        }
        int arraysBefore = NativeResources.liveArrays(replica);
        rss.add(settledResidentKib());
        for (int i = 1; i <= predictions; i++) {
          predictor.predict(batch);
          if (i % SAMPLE_EVERY == 0 || i == predictions) {
            rss.add(settledResidentKib());
          }
        }
        int arraysAfter = NativeResources.liveArrays(replica);
        System.out.println(
            "rss_kib="
                + rss.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow()
                + " arrays="
                + arraysBefore
                + ","
                + arraysAfter);
      }
    }
  }

  /** RSS after a collection, so direct buffers that are garbage are freed first. */
  @SuppressWarnings("SystemGC")
  private static long settledResidentKib() throws InterruptedException {
    System.gc();
    Thread.sleep(100);
    return NativeResources.residentKib();
  }
}
