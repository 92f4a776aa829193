package io.streamsight.processors.inference;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.ModelProvenance;
import io.streamsight.models.EntryStatus;
import io.streamsight.models.ModelCache;
import io.streamsight.models.ModelCatalogue;
import io.streamsight.models.ModelEntry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The model catalogue seen from a processor: a model is asked for by its catalogue name, and comes
 * back as the {@link ModelSpec} the {@link ModelRegistry} loads (file relative to the cache, pinned
 * sha256), plus its side files (the OCR dictionary, a tokenizer), checked against their pins.
 *
 * <p>The cache root must be the one the registry loads from ({@code models.dir}).
 */
public final class CatalogueModels {

  private final ModelCatalogue catalogue;
  private final ModelCache cache;

  public CatalogueModels(ModelCatalogue catalogue, Path cacheRoot) {
    this.catalogue = requireNonNull(catalogue, "catalogue");
    this.cache = new ModelCache(requireNonNull(cacheRoot, "cacheRoot"));
  }

  /** The bundled catalogue over the cache at {@code cacheRoot}. */
  public static CatalogueModels bundled(Path cacheRoot) {
    return new CatalogueModels(ModelCatalogue.bundled(), cacheRoot);
  }

  /** The catalogue entry, for its version, notes and signature. */
  public ModelEntry entry(String name) {
    return catalogue
        .find(name)
        .orElseThrow(() -> new ModelLoadException("no model named " + name + " in the catalogue"));
  }

  /**
   * What the registry loads for the entry: {@code <name>/<package version>/<model file>}, with the
   * model file's pinned sha256 (the converted file's, for converted models).
   */
  public ModelSpec spec(String name) {
    ModelEntry entry = entry(name);
    String sha256 =
        entry
            .modelSha256()
            .orElseThrow(
                () -> new ModelLoadException("model " + name + " has no pinned sha256 yet"));
    Path relative = cache.root().relativize(cache.modelPath(entry));
    return new ModelSpec(name, relative, sha256);
  }

  /**
   * As {@link #spec}, after checking that every file of the entry is in the cache and matches its
   * pin: what a processor loads at start-up, so that a model that was never fetched fails with the
   * command that fetches it rather than with a missing-file error.
   *
   * @throws ModelLoadException saying what is missing and how to fetch it
   */
  public ModelSpec fetchedSpec(String name) {
    require(entry(name));
    return spec(name);
  }

  /**
   * A side file of an entry (by file name, e.g. {@code ppocr_keys_v1.txt}), after every file of the
   * entry was checked against its pin.
   *
   * @throws ModelLoadException saying what is missing and how to fetch it
   */
  public Path file(String name, String fileName) {
    ModelEntry entry = entry(name);
    require(entry);
    boolean listed = entry.files().stream().anyMatch(f -> f.fileName().equals(fileName));
    if (!listed) {
      throw new ModelLoadException("model " + name + " has no file " + fileName);
    }
    return cache.path(entry, fileName);
  }

  /** True when every file of the entry is in the cache and matches its pin. */
  public boolean available(String name) {
    try {
      return cache.status(entry(name)).usable();
    } catch (IOException e) {
      return false;
    }
  }

  /** Why the entry is not usable, for a test's skip message or a start-up error. */
  public String describe(String name) {
    try {
      EntryStatus status = cache.status(entry(name));
      return "model " + name + " in " + cache.entryDir(entry(name)) + ": " + status.describe();
    } catch (IOException e) {
      return "model " + name + ": " + e.getMessage();
    }
  }

  /**
   * Provenance for an output record: the entry's name and version, the model file's sha256, where
   * it ran and the time spent on this record.
   */
  public ModelProvenance provenance(String name, String device, double inferenceMs) {
    ModelEntry entry = entry(name);
    return ModelProvenance.newBuilder()
        .setName(name)
        .setVersion(entry.version())
        .setSha256(entry.modelSha256().orElse(null))
        .setDevice(device)
        .setInferenceMs(inferenceMs)
        .build();
  }

  /** The cache root. */
  public Path root() {
    return cache.root();
  }

  private void require(ModelEntry entry) {
    try {
      cache.require(entry);
    } catch (IOException e) {
      throw new ModelLoadException(
          e.getMessage() + " (run `bin/streamsight models fetch " + entry.name() + "`)", e);
    }
  }
}
