package io.streamsight.models;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns a model's package files into an ONNX file (TensorFlow.js graph models, for instance).
 * Implementations are found by {@link #name()} through {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/io.streamsight.models.ModelConverter} line), see {@link ModelConverters}.
 *
 * <p>The fetcher calls {@link #convert} only once every source file is in {@code sourceDir} with
 * its pinned sha256, and checks the result's sha256 (when pinned) before the file takes its place
 * in the cache.
 */
public interface ModelConverter {

  /** The name catalogue entries use in {@code conversion.converter}, e.g. tfjs-graph-to-onnx. */
  String name();

  /**
   * Converts one model.
   *
   * @param sourceDir folder holding every file of the entry (the model file and its weights)
   * @param sourceFile file name, inside {@code sourceDir}, of the file to convert
   * @param target where to write the ONNX file: an empty file under a temporary name (overwrite it,
   *     e.g. {@code Files.newOutputStream(target)}), which the fetcher checks and moves into place;
   *     write nothing else
   * @throws IOException when the source cannot be read or converted; the message says why
   */
  void convert(Path sourceDir, String sourceFile, Path target) throws IOException;
}
