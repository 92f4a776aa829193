package io.streamsight.models;

import java.io.IOException;
import java.nio.file.Path;

public interface ModelConverter {
  String name();

  void convert(Path sourceDir, String sourceFile, Path target) throws IOException;
}
