package io.streamsight.processors.inference;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a test can see of native memory: DJL's live tensors, and the process's resident set. */
final class NativeResources {

  static final Path PROC_STATUS = Path.of("/proc/self/status");

  private NativeResources() {}

  /** Tensors still attached to the model's manager or any manager under it (predictors). */
  static int liveArrays(ZooModel<?, ?> model) {
    return ((BaseNDManager) model.getNDManager()).getManagedArrays().size();
  }

  /** VmRSS of this process in KiB, from /proc/self/status (Linux). */
  static long residentKib() {
    try {
      for (String line : Files.readAllLines(PROC_STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no VmRSS in " + PROC_STATUS);
  }
}
