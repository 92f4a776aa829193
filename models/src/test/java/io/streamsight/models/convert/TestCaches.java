package io.streamsight.models.convert;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamsight.models.ModelCache;
import io.streamsight.models.ModelCatalogue;
import io.streamsight.models.ModelEntry;
import io.streamsight.models.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the model cache and the real test media, skipping (a JUnit assumption) with a
 * reason and a how-to when they are absent.
 *
 * <p>Models: system property {@code streamsight.models.dir}, else {@code STREAMSIGHT_MODELS_DIR},
 * else {@code ~/.cache/streamsight/models}; an npm package is extracted under {@code
 * <cache>/npm/<name>@<version>/package/}. Media: {@code streamsight.media.dir}, else {@code
 * STREAMSIGHT_MEDIA_DIR}, else {@code ~/.cache/streamsight/media} (filled by bin/fetch-media).
 */
final class TestCaches {
  private TestCaches() {}

  /**
   * The folder where the fetch step put a catalogue entry's verified source files (the TF.js graph
   * and its weight shards); skips when they are not all there.
   */
  static Path fetchedSources(String entryName) {
    ModelEntry entry = ModelCatalogue.bundled().find(entryName).orElseThrow();
    ModelCache cache = ModelCache.configured();
    Path dir = cache.entryDir(entry);
    for (ModelFile file : entry.files()) {
      Path path = cache.path(entry, Path.of(file.path()).getFileName().toString());
      assumeTrue(
          Files.isRegularFile(path),
          "model source "
              + path
              + " is not in the model cache (run: bin/streamsight models fetch)");
    }
    return dir;
  }

  /** A darknet sample photo such as person.jpg; skips when absent. */
  static Path darknetPhoto(String name) {
    Path file =
        dir("streamsight.media.dir", "STREAMSIGHT_MEDIA_DIR", "media")
            .resolve("usr/share/darknet/data")
            .resolve(name);
    assumeTrue(
        Files.isRegularFile(file),
        "real media " + file + " is absent (get it with bin/fetch-media)");
    return file;
  }

  private static Path dir(String property, String env, String leaf) {
    String configured = System.getProperty(property);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(env);
    }
    if (configured == null || configured.isBlank()) {
      return Path.of(System.getProperty("user.home"), ".cache", "streamsight", leaf);
    }
    return Path.of(configured);
  }
}
