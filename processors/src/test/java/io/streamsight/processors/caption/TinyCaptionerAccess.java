package io.streamsight.processors.caption;

import io.streamsight.processors.inference.generate.TinyExport;
import java.nio.file.Path;

/** The tiny captioner folder for tests of other packages. */
public final class TinyCaptionerAccess {
  private TinyCaptionerAccess() {}

  public static Path write(Path folder, TinyExport.Layout layout) {
    return TinyCaptioner.write(folder, layout);
  }
}
