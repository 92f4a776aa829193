package io.streamsight.processors.inference.generate;

import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.OrtThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of tests on tiny exports: a temporary folder and a one-thread registry, closed after. */
public abstract class TinyModelTest {

  @TempDir protected Path dir;
  protected ModelRegistry registry;

  @BeforeEach
  protected void openRegistry() throws IOException {
    registry =
        new ModelRegistry(Files.createDirectories(dir.resolve("cache")), new OrtThreads(1, 1));
  }

  @AfterEach
  protected void closeRegistry() {
    registry.close();
  }
}
