package io.streamsight.bench;

import io.streamsight.processors.caption.CaptionSettings;
import io.streamsight.processors.caption.Captioner;
import io.streamsight.processors.caption.OnnxCaptioner;
import io.streamsight.processors.caption.TinyCaptionerAccess;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.OrtThreads;
import io.streamsight.processors.inference.generate.TinyExport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Decoder steps per second of encoder-decoder generation with and without the key/value cache, on
 * the tiny generated captioner of the processors' tests (a 4-dim, 2-layer table model): greedy
 * captions take 5 steps, 2-beam ones 10 steps of 2 rows, and the score counts steps (so steps/ms).
 * One ONNX Runtime thread.
 *
 * <p>The tiny model's steps cost almost nothing, so this measures the runtime's own overhead per
 * step (tensor creation, cache hand-over, reordering beams, the search) and the no-cache path's
 * quadratic re-running; it says nothing about a real model's speed, where the decoder's matrix work
 * dominates and the cache saves far more.
 *
 * <p>{@code java -jar bench/target/streamsight-bench.jar GenerationBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GenerationBenchmark {

  @Param({"true", "false"})
  private boolean cache;

  private Path dir;
  private ModelRegistry registry;
  private Captioner greedy;
  private Captioner beams;
  private List<BufferedImage> image;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("generation-bench");
    Path folder = TinyCaptionerAccess.write(dir.resolve("tiny"), TinyExport.Layout.WITH_PAST);
    registry =
        new ModelRegistry(Files.createDirectories(dir.resolve("cache")), new OrtThreads(1, 1));
    CaptionSettings settings = CaptionSettings.defaults().withCache(cache);
    DevicePlacement cpu = DevicePlacement.cpu("bench");
    greedy = OnnxCaptioner.load(folder, registry, cpu, settings).newCaptioner();
    beams = OnnxCaptioner.load(folder, registry, cpu, settings.withBeams(2)).newCaptioner();
    BufferedImage red = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = red.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    image = List.of(red);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    greedy.close();
    beams.close();
    registry.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** "a red cat sat" and the end: 5 steps. */
  @Benchmark
  @OperationsPerInvocation(5)
  public List<String> greedySteps() {
    return greedy.caption(image);
  }

  /** "a red cat on the mat by the door" and the end, 2 beams: 10 steps. */
  @Benchmark
  @OperationsPerInvocation(10)
  public List<String> beamSteps() {
    return beams.caption(image);
  }
}
