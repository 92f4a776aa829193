package io.streamsight.processors.medication.sig;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the public sig test sets in the shared reference data, which is never copied into the
 * repository: system property {@value #PROPERTY} (the {@code shared} directory), else the first
 * parent {@code P} of the working directory that has {@code P/shared/data}. Tests that need the
 * data skip, saying why, when it is absent.
 */
public final class SharedSigData {

  public static final String PROPERTY = "streamsight.shared.dir";

  private SharedSigData() {}

  /** {@code shared/data/pharmacy/sigs}; skips the calling test when it cannot be found. */
  public static Path sigs() {
    Path shared = sharedDir();
    assumeTrue(
        shared != null,
        "shared reference data not found: set -D"
            + PROPERTY
            + "=<dir> or place it at ../shared next to the repository");
    Path sigs = shared.resolve("data").resolve("pharmacy").resolve("sigs");
    assumeTrue(Files.isDirectory(sigs), "public sig test sets absent at " + sigs);
    return sigs;
  }

  private static Path sharedDir() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      return Files.isDirectory(p.resolve("data")) ? p : null;
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared").resolve("data"))) {
        return p.resolve("shared");
      }
    }
    return null;
  }
}
