package io.streamsight.processors.ocr;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.ModelProvenance;
import io.streamsight.events.TextRegion;
import io.streamsight.processors.inference.CatalogueModels;
import java.util.List;

/**
 * The text read from one image.
 *
 * @param regions the text lines in reading order (top to bottom, left to right within a line), each
 *     with its text, recognition confidence and polygon (four corners in original pixels, clockwise
 *     from the top-left)
 * @param fullText the regions' text in reading order: regions on one line joined by a space, lines
 *     by a newline; empty when nothing was read
 * @param timings milliseconds spent on this image per model (detector, classifier when it ran,
 *     recogniser), including each stage's pre- and post-processing; a batch's time is shared out
 *     between its images
 */
public record OcrResult(List<TextRegion> regions, String fullText, List<ModelTime> timings) {

  /**
   * Time one model spent on one image.
   *
   * @param model the model's catalogue name ({@code ppocr-v4-det}, {@code ppocr-cls}, ...)
   * @param ms wall-clock milliseconds
   */
  public record ModelTime(String model, double ms) {
    public ModelTime {
      requireNonNull(model, "model");
    }
  }

  public OcrResult {
    regions = List.copyOf(regions);
    requireNonNull(fullText, "fullText");
    timings = List.copyOf(timings);
  }

  /** One provenance entry per model that ran, for an output record. */
  public List<ModelProvenance> provenance(CatalogueModels models, String device) {
    return timings.stream().map(t -> models.provenance(t.model(), device, t.ms())).toList();
  }
}
