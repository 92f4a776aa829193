package io.streamsight.processors.medication.formulary;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamsight.events.FormularyProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Health Canada DPD extract of the shared reference data, read in place: system property
 * {@value #PROPERTY} names the shared folder, else the first parent {@code P} of the working
 * directory with a {@code P/shared/data} folder gives {@code P/shared}. Tests that need the extract
 * call {@link #dpdDir()} or {@link #products()}, which skip them (a JUnit assumption) saying why
 * when it is absent. Contains information licensed under the Open Government Licence – Canada.
 */
public final class DpdTestData {

  public static final String PROPERTY = "streamsight.shared.dir";

  /** Where the extract lies inside the shared folder. */
  public static final String DPD = "data/pharmacy/dpd";

  private static List<FormularyProduct> products;
  private static InMemoryFormulary formulary;

  private DpdTestData() {}

  /** The shared reference-data folder, when one is configured or found. */
  public static Optional<Path> sharedDir() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared").resolve("data"))) {
        return Optional.of(p.resolve("shared"));
      }
    }
    return Optional.empty();
  }

  /** The DPD extract folder; skips the calling test when it is absent. */
  public static Path dpdDir() {
    Optional<Path> dir = sharedDir().map(s -> s.resolve(DPD));
    assumeTrue(
        dir.isPresent() && Files.isRegularFile(dir.get().resolve("marketed").resolve("drug.txt")),
        "the DPD extract (shared/"
            + DPD
            + "/marketed/drug.txt) is absent: set -D"
            + PROPERTY
            + "=<shared folder> or put the shared folder next to the repository");
    return dir.get();
  }

  /** Every product of the extract, read once per test JVM; skips when the extract is absent. */
  public static synchronized List<FormularyProduct> products() {
    Path dir = dpdDir();
    if (products == null) {
      try {
        products = DpdReader.read(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return products;
  }

  /** The extract as an in-memory formulary, built once per test JVM; skips when it is absent. */
  public static synchronized InMemoryFormulary formulary() {
    if (formulary == null) {
      formulary = InMemoryFormulary.of(products());
    }
    return formulary;
  }
}
