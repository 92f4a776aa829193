package io.streamsight.bench;

import io.streamsight.models.ModelCache;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.OrtThreads;
import io.streamsight.processors.vision.ImageAnalyzer;
import io.streamsight.processors.vision.ImageWork;
import io.streamsight.processors.vision.SourcePlan;
import io.streamsight.processors.vision.VisionModels;
import io.streamsight.processors.vision.VisionSettings;
import io.streamsight.processors.vision.VisionStep;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Images per second and milliseconds per image of each image processor on its own (detection,
 * faces, ocr, caption = the scene describer), on the CPU, one image per call against micro-batches
 * of 8, over real photos decoded beforehand (decoding is not timed here; {@link ImageLoadRun} times
 * the whole path). ONNX Runtime threads: all cores, as one stream thread gets them.
 *
 * <p>{@code java -cp bench/target/streamsight-bench.jar io.streamsight.bench.VisionProcessorsBench
 * [rounds]} (each round is every photo once; default 3 after one warm-up round)
 */
public final class VisionProcessorsBench {

  private static final int[] BATCHES = {1, 8};

  private VisionProcessorsBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    ImageInspector inspector = new ImageInspector(50L << 20, 40_000_000L);
    List<BufferedImage> photos = new ArrayList<>();
    for (byte[] bytes : BenchPhotos.load()) {
      photos.add(inspector.decode(bytes).image());
    }
    int cores = Runtime.getRuntime().availableProcessors();
    CatalogueModels catalogue = CatalogueModels.bundled(ModelCache.configured().root());
    try (ModelRegistry registry = new ModelRegistry(catalogue.root(), new OrtThreads(cores, 1))) {
      VisionModels models =
          VisionModels.load(
              VisionSettings.defaults(),
              EnumSet.allOf(VisionStep.class),
              registry,
              catalogue,
              step -> DevicePlacement.cpu(step.configName()),
              false);
      System.out.printf(
          "%d photos, %d rounds, %d ONNX Runtime threads%n", photos.size(), rounds, cores);
      for (VisionStep step : VisionStep.values()) {
        for (int batch : BATCHES) {
          double ms = run(models, step, photos, batch, 1); // warm-up
          ms = run(models, step, photos, batch, rounds);
          System.out.printf(
              "%-10s batch %2d  %8.1f images/s  %8.2f ms/image%n",
              step.configName(), batch, 1000 / ms, ms);
        }
      }
    }
  }

  /** Milliseconds per image of one step over {@code rounds} passes of the photos. */
  private static double run(
      VisionModels models, VisionStep step, List<BufferedImage> photos, int batch, int rounds) {
    SourcePlan plan = new SourcePlan(Set.of(step), false);
    try (ImageAnalyzer analyzer = new ImageAnalyzer(only(models, step))) {
      List<ImageWork> works = new ArrayList<>();
      for (BufferedImage photo : photos) {
        works.add(new ImageWork(plan, photo));
      }
      long start = System.nanoTime();
      int images = 0;
      for (int r = 0; r < rounds; r++) {
        for (int from = 0; from < works.size(); from += batch) {
          List<ImageWork> chunk = works.subList(from, Math.min(works.size(), from + batch));
          analyzer.analyze(chunk);
          images += chunk.size();
        }
      }
      return (System.nanoTime() - start) / 1e6 / images;
    }
  }

  private static VisionModels only(VisionModels models, VisionStep step) {
    return VisionModels.of(List.of(models.step(step)));
  }
}
