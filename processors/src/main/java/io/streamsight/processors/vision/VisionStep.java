package io.streamsight.processors.vision;

import java.util.Locale;

/**
 * The model steps of the image pipeline, in the order they run on an image: the caption comes last
 * because the scene describer writes it from the other steps' results.
 */
public enum VisionStep {
  /** Objects (NanoDet, COCO-80). */
  DETECTION,
  /** Faces (BlazeFace), and the face blur of the privacy switch. */
  FACES,
  /** Text (PP-OCR). */
  OCR,
  /** One sentence: the scene describer, or an ONNX captioning model. */
  CAPTION;

  /**
   * The name in configuration ({@code image.processors}, {@code processor.<name>.device}) and in
   * logs: {@code detection}, {@code faces}, {@code ocr}, {@code caption}.
   */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The step called {@code name} (any case, surrounding spaces ignored).
   *
   * @throws IllegalArgumentException for any other name, listing the valid ones
   */
  public static VisionStep parse(String name) {
    for (VisionStep step : values()) {
      if (step.configName().equalsIgnoreCase(name.strip())) {
        return step;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not an image processor (detection, faces, ocr, caption)");
  }
}
