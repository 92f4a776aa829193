package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.ocr.OcrResult;
import io.streamsight.processors.ocr.PpOcr;
import io.streamsight.processors.ocr.TextReader;
import java.util.List;

/** The OCR step: PP-OCR (detector, angle classifier, recogniser; one provenance entry each). */
public final class OcrStep implements ImageStep {

  private final PpOcr model;
  private final CatalogueModels catalogue;
  private final String device;

  /**
   * @param placement where the OCR models were loaded, named in provenance (the reader does not say
   *     which replica it took, so a multi-device placement is named whole)
   */
  public OcrStep(PpOcr model, CatalogueModels catalogue, DevicePlacement placement) {
    this.model = requireNonNull(model, "model");
    this.catalogue = requireNonNull(catalogue, "catalogue");
    this.device = placement.toString();
  }

  @Override
  public VisionStep kind() {
    return VisionStep.OCR;
  }

  @Override
  public Runner open() {
    TextReader reader = model.newReader();
    return new Runner() {
      @Override
      public void run(List<ImageWork> images) {
        List<OcrResult> results = reader.read(images.stream().map(ImageWork::image).toList());
        for (int i = 0; i < images.size(); i++) {
          ImageWork work = images.get(i);
          OcrResult result = results.get(i);
          work.setText(result.regions(), result.fullText());
          result.provenance(catalogue, device).forEach(work::addModel);
        }
      }

      @Override
      public void close() {
        reader.close();
      }
    };
  }
}
