package io.streamsight.models;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One model of the catalogue: where it comes from, which files it is made of, how its ONNX file is
 * made, and what that file's graph takes and gives.
 *
 * @param name unique id, also the model's folder in the cache
 * @param version the model's own release (PP-OCRv4, v5, ...), for people; the package version pins
 *     the bytes
 * @param task what the model does, for people
 * @param licence SPDX id of the package's licence (and upstream's when it differs, in notes)
 * @param optional true when no Streamsight feature needs it: a missing optional model does not fail
 *     {@code verify}
 * @param source the package the files come from
 * @param files files taken from the package, each pinned by sha256
 * @param model file name of the entry's ONNX file in the cache: one of {@code files}, or the
 *     converter's output when {@code conversion} is set
 * @param conversion how the ONNX file is made from {@code files}; null when a file is used as is
 * @param signature the ONNX graph's inputs and outputs
 * @param notes pre-processing and decoding facts a processor needs (layout, normalisation)
 */
public record ModelEntry(
    String name,
    String version,
    String task,
    String licence,
    boolean optional,
    ModelSource source,
    List<ModelFile> files,
    String model,
    Conversion conversion,
    ModelSignature signature,
    String notes) {

  public ModelEntry {
    files = files == null ? null : List.copyOf(files);
  }

  /** The conversion, when the ONNX file is made by a converter. */
  public Optional<Conversion> converted() {
    return Optional.ofNullable(conversion);
  }

  /**
   * The pinned sha256 of the ONNX file: the file's own for a file used as is, the conversion's
   * (empty while not pinned) for a converted one.
   */
  public Optional<String> modelSha256() {
    if (conversion != null) {
      return conversion.pinnedSha256();
    }
    return files.stream().filter(f -> f.fileName().equals(model)).map(ModelFile::sha256).findAny();
  }

  /** Checks that every field is present and consistent; throws naming the entry and the field. */
  void validate() {
    try {
      Checks.require(
          name != null && name.matches("[a-z0-9][a-z0-9.-]*"), "name must be [a-z0-9.-]");
      Checks.require(version != null && !version.isBlank(), "version is missing");
      Checks.require(task != null && !task.isBlank(), "task is missing");
      Checks.require(licence != null && !licence.isBlank(), "licence is missing");
      Checks.require(source != null, "source is missing");
      source.validate();
      Checks.require(files != null && !files.isEmpty(), "files is empty");
      Set<String> names = new HashSet<>();
      for (ModelFile file : files) {
        file.validate();
        Checks.require(names.add(file.fileName()), "two files are named " + file.fileName());
      }
      Checks.requireFileName(model, "model");
      if (conversion == null) {
        Checks.require(names.contains(model), "model " + model + " is not one of files");
      } else {
        conversion.validate();
        Checks.require(
            names.contains(conversion.from()),
            "conversion.from " + conversion.from() + " is not one of files");
        Checks.require(!names.contains(model), "model " + model + " would overwrite a source file");
      }
      Checks.require(signature != null, "signature is missing");
      signature.validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("catalogue entry '" + name + "': " + e.getMessage(), e);
    }
  }
}
