package io.streamsight.bench;

import io.streamsight.processors.medication.sig.ParsedSig;
import io.streamsight.processors.medication.sig.SigParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput of the pharmacy sig parser on typical community-pharmacy sigs: each
 * invocation parses the next sig of a fixed mix (shorthand, tapers, eye drops, as-needed with a
 * maximum, split daily doses) into FHIR dosages, instructions and notes. The target is 100,000 sigs
 * per second on one thread.
 *
 * <p>{@code java -jar bench/target/streamsight-bench.jar SigParserBenchmark -wi 2 -i 3 -f 1}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class SigParserBenchmark {

  private static final String[] SIGS = {
    "t1t po tid x10d",
    "amoxicillin 250mg t tid x10d #30",
    "1-2 tabs po q4-6h prn pain max 8/d",
    "2 tabs daily x3d then 1 tab daily x3d",
    "1 gtt ou qid x 7 days",
    "take 1 tablet by mouth twice daily with food",
    "2 puffs inh qid prn sob",
    "2 in the morning and 1 at night",
    "apply a thin layer to affected area bid x 2 wk",
    "1 cap po od",
    "10 units sc qhs",
    "5 mL po tid x 10 days",
    "1/2 tab po daily",
    "1 tab po q8h x7d m21",
    "cephalexin t1t qid",
    "instill 2 drops in each eye twice daily",
  };

  private final SigParser parser = new SigParser();
  private int next;

  @Benchmark
  public ParsedSig parse() {
    String sig = SIGS[next];
    next = next + 1 == SIGS.length ? 0 : next + 1;
    return parser.parse(sig);
  }
}
