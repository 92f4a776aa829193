package io.streamsight.processors.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No per-record native leak, measured where it shows: the resident set of a child JVM whose heap is
 * fixed and pre-touched ({@code -Xms = -Xmx}, {@code AlwaysPreTouch}), so that heap growth cannot
 * pass for native growth. After 10,000 warm-up predictions (JIT, ONNX Runtime's arena and glibc's
 * pools reach their steady size; before that, RSS still climbs by up to 10 MiB), 10,000 more
 * batched predictions (batch 8, a 256→64 linear model) may grow RSS by at most {@value
 * #MAX_GROWTH_MIB} MiB: that is under 1 KiB per prediction, while leaking one prediction's input
 * tensor alone costs 8 KiB. The control run with a translator that allocates from the predictor's
 * manager must exceed the same bound, or the bound proves nothing.
 */
class NativeMemoryIT {

  private static final int WARM_UP = 10_000;
  private static final int PREDICTIONS = 10_000;
  private static final long MAX_GROWTH_MIB = 8;
  private static final Pattern RESULT = Pattern.compile("rss_kib=([0-9,]+) arrays=(\\d+),(\\d+)");

  @Test
  void shouldKeepResidentMemoryFlatOverTenThousandPredictions(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isReadable(NativeResources.PROC_STATUS), "needs /proc/self/status (Linux)");

    Probe clean = probe("clean", dir.resolve("clean.log"));
    Probe leaky = probe("leaky", dir.resolve("leaky.log"));

    // For the record (failsafe keeps it in the report's -output.txt).
    System.out.printf(
        "clean: rss KiB %s, tensors %d -> %d%nleaky: rss KiB %s, tensors %d -> %d%n",
        Arrays.toString(clean.rss),
        clean.arraysBefore(),
        clean.arraysAfter(),
        Arrays.toString(leaky.rss),
        leaky.arraysBefore(),
        leaky.arraysAfter());
    assertThat(clean.arraysAfter()).isEqualTo(clean.arraysBefore());
    assertThat(clean.growthMib())
        .as("RSS after warm-up and every 2,000 predictions, KiB: %s", Arrays.toString(clean.rss))
        .isLessThanOrEqualTo(MAX_GROWTH_MIB);
    assertThat(leaky.arraysAfter()).isGreaterThanOrEqualTo(leaky.arraysBefore() + PREDICTIONS);
    assertThat(leaky.growthMib())
        .as("the control leak, KiB: %s", Arrays.toString(leaky.rss))
        .isGreaterThan(MAX_GROWTH_MIB);
  }

  private record Probe(long[] rss, int arraysBefore, int arraysAfter) {
    long growthMib() {
      return (rss[rss.length - 1] - rss[0]) / 1024;
    }
  }

  private static Probe probe(String mode, Path log) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xms96m",
            "-Xmx96m",
            "-XX:+AlwaysPreTouch",
            "-XX:+UseSerialGC",
            // Room for the control's leaked input buffers, so it leaks instead of failing.
            "-XX:MaxDirectMemorySize=512m",
            "-cp",
            System.getProperty("java.class.path"),
            NativeMemoryProbe.class.getName(),
            mode,
            Integer.toString(WARM_UP),
            Integer.toString(PREDICTIONS));
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    Process child = builder.start();
    try {
      assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("probe %s finishes", mode).isTrue();
    } finally {
      child.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as("probe %s exit code, output:%n%s", mode, output).isZero();
    Matcher result = RESULT.matcher(output);
    assertThat(result.find()).as("probe %s output:%n%s", mode, output).isTrue();
    long[] rss = Arrays.stream(result.group(1).split(",")).mapToLong(Long::parseLong).toArray();
    return new Probe(rss, Integer.parseInt(result.group(2)), Integer.parseInt(result.group(3)));
  }
}
