package io.streamsight.processors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamsight.models.ModelCache;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.OrtThreads;

/**
 * The real models of the catalogue, from the verified model cache the build fills ({@code mvn
 * verify} fetches them at generate-test-resources). Tests that need a model call {@link #require},
 * which skips the test (a JUnit assumption) saying what is missing, on machines that could not
 * fetch it.
 */
public final class TestModels {

  private TestModels() {}

  /** The bundled catalogue over the configured cache (system property, environment, default). */
  public static CatalogueModels catalogue() {
    return CatalogueModels.bundled(ModelCache.configured().root());
  }

  /** The catalogue, after checking that the named models are fetched; skips the test otherwise. */
  public static CatalogueModels require(String... names) {
    CatalogueModels models = catalogue();
    for (String name : names) {
      assumeTrue(
          models.available(name),
          () -> models.describe(name) + " (run `bin/streamsight models fetch " + name + "`)");
    }
    return models;
  }

  /** A registry over the configured cache with the given ONNX Runtime threads; close it after. */
  public static ModelRegistry registry(int intraOpThreads) {
    return new ModelRegistry(catalogue().root(), new OrtThreads(intraOpThreads, 1));
  }
}
