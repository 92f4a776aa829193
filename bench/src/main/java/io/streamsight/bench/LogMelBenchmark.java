package io.streamsight.bench;

import io.streamsight.processors.audio.whisper.LogMelSpectrogram;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whisper's log-mel front end in Java (80 bands, 400-point FFT every 10 ms, one 30-second window):
 * milliseconds per window holding {@code seconds} of audio (the rest is padding, whose frames are
 * skipped). Real-time factor = score / (seconds × 1000).
 *
 * <p>{@code java -jar bench/target/streamsight-bench.jar LogMelBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogMelBenchmark {

  @Param({"5", "30"})
  private int seconds;

  private final LogMelSpectrogram features = new LogMelSpectrogram(80, 16000, 160, 400, 30);
  private float[] audio;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(1);
    audio = new float[seconds * 16000];
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (float) (0.1 * random.nextGaussian() + 0.3 * Math.sin(i * 0.17));
    }
  }

  @Benchmark
  public float[] window() {
    return features.extract(audio, 0, audio.length);
  }
}
