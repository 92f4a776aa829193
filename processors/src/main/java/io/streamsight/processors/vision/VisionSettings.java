package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.caption.CaptionSettings;
import io.streamsight.processors.detection.DetectionSettings;
import io.streamsight.processors.face.FaceSettings;
import io.streamsight.processors.ocr.OcrSettings;
import java.nio.file.Path;

/**
 * The settings of every image model step.
 *
 * @param detection object detection thresholds and filters
 * @param faces which face model(s) run, and their thresholds
 * @param ocr the PP-OCR pipeline's settings
 * @param captionModelDir an ONNX encoder-decoder export to caption with, or null for the scene
 *     describer
 * @param caption search settings of the captioning model (unused by the scene describer)
 */
public record VisionSettings(
    DetectionSettings detection,
    FaceSettings faces,
    OcrSettings ocr,
    Path captionModelDir,
    CaptionSettings caption) {

  public VisionSettings {
    requireNonNull(detection, "detection");
    requireNonNull(faces, "faces");
    requireNonNull(ocr, "ocr");
    requireNonNull(caption, "caption");
  }

  /** Every default: NanoDet, both BlazeFace models, PP-OCRv4, the scene describer. */
  public static VisionSettings defaults() {
    return new VisionSettings(
        DetectionSettings.defaults(),
        FaceSettings.defaults(),
        OcrSettings.defaults(),
        null,
        CaptionSettings.defaults());
  }
}
