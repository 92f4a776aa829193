package io.streamsight.bench;

import io.streamsight.processors.image.ImageInspector;
import io.streamsight.topology.samples.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The image-header step (header read, pixel guard, verifying decode, sha256) against a bare {@code
 * ImageIO.read} of the same bytes, the least any image consumer pays.
 *
 * <p>{@code java -jar bench/target/streamsight-bench.jar ImageInspectorBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImageInspectorBenchmark {

  private final ImageInspector inspector = new ImageInspector(50L << 20, 40_000_000L);
  private final byte[] png = SampleMedia.signPng();
  private final byte[] jpeg = SampleMedia.gradientJpeg();

  @Benchmark
  public Object inspectPng() {
    return inspector.inspect(png);
  }

  @Benchmark
  public BufferedImage baselineDecodePng() throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Benchmark
  public Object inspectJpeg() {
    return inspector.inspect(jpeg);
  }

  @Benchmark
  public BufferedImage baselineDecodeJpeg() throws IOException {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }
}
