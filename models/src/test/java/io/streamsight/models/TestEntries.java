package io.streamsight.models;

import java.util.List;

/** Small catalogue entries for tests, around files the tests make themselves. */
public final class TestEntries {

  public static final ModelSignature SIGNATURE =
      new ModelSignature(
          List.of(new TensorSpec("x", "float", List.of(-1L, 3L))),
          List.of(new TensorSpec("y", "float", List.of(-1L, 2L))));

  private TestEntries() {}

  /** An entry whose model is its first file, used as is. */
  public static ModelEntry plain(String name, ModelSource source, ModelFile... files) {
    return new ModelEntry(
        name,
        "v1",
        "a test model",
        "MIT",
        false,
        source,
        List.of(files),
        files[0].fileName(),
        null,
        SIGNATURE,
        "none");
  }

  /** An entry whose model {@code <name>.onnx} is converted from its first file. */
  public static ModelEntry converted(
      String name, ModelSource source, String converter, String sha256, ModelFile... files) {
    return new ModelEntry(
        name,
        "v1",
        "a test model",
        "MIT",
        false,
        source,
        List.of(files),
        name + ".onnx",
        new Conversion(converter, files[0].fileName(), sha256),
        SIGNATURE,
        "none");
  }
}
