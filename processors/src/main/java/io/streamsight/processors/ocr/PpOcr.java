package io.streamsight.processors.ocr;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.ModelReplicas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The PP-OCRv4 pipeline, loaded once and shared: DB text detection ({@code ppocr-v4-det}), the
 * 0/180-degree line classifier ({@code ppocr-cls}, when {@link OcrSettings#classifyAngle()}) and a
 * CTC recogniser ({@code ppocr-v4-rec} or {@code ppocr-v3-rec}) over {@code ppocr_keys_v1.txt}.
 * Everything around the models (resizing, box extraction, perspective crops, decoding, reading
 * order) is plain Java.
 *
 * <p>Thread-safe: the models are owned by the {@link ModelRegistry} and closed with it; each
 * processor instance (stream thread) takes its own {@link #newReader()} and closes it.
 */
public final class PpOcr {

  private final OcrSettings settings;
  private final ModelReplicas<List<Tensor>, List<Tensor>> detector;
  private final ModelReplicas<List<Tensor>, List<Tensor>> classifier;
  private final ModelReplicas<List<Tensor>, List<Tensor>> recognizer;
  private final CtcDecoder decoder;

  private PpOcr(
      OcrSettings settings,
      ModelReplicas<List<Tensor>, List<Tensor>> detector,
      ModelReplicas<List<Tensor>, List<Tensor>> classifier,
      ModelReplicas<List<Tensor>, List<Tensor>> recognizer,
      CtcDecoder decoder) {
    this.settings = settings;
    this.detector = detector;
    this.classifier = classifier;
    this.recognizer = recognizer;
    this.decoder = decoder;
  }

  /**
   * Loads the detector, the classifier (only when angle classification is on) and the chosen
   * recogniser on the placement's devices, and reads the dictionary.
   *
   * @throws ModelLoadException when a model or the dictionary is missing, tampered with or
   *     unreadable, or a device is not available
   */
  public static PpOcr load(
      ModelRegistry registry,
      CatalogueModels models,
      DevicePlacement placement,
      OcrSettings settings) {
    requireNonNull(registry, "registry");
    requireNonNull(models, "models");
    requireNonNull(placement, "placement");
    requireNonNull(settings, "settings");
    String rec = settings.recognizer().catalogueName();
    Path dictionary = models.file(rec, OcrSettings.DICTIONARY);
    CtcDecoder decoder;
    try {
      decoder = CtcDecoder.load(dictionary);
    } catch (IOException e) {
      throw new ModelLoadException("cannot read the OCR dictionary " + dictionary, e);
    }
    TensorBatchTranslator translator = new TensorBatchTranslator();
    var detector = registry.loadBatching(models.spec(OcrSettings.DETECTOR), placement, translator);
    var classifier =
        settings.classifyAngle()
            ? registry.loadBatching(models.spec(OcrSettings.CLASSIFIER), placement, translator)
            : null;
    var recognizer = registry.loadBatching(models.spec(rec), placement, translator);
    return new PpOcr(settings, detector, classifier, recognizer, decoder);
  }

  /**
   * A reader with its own predictors: one per processor instance or thread, never shared; close it
   * when the processor closes.
   */
  public TextReader newReader() {
    return new TextReader(
        settings,
        detector.newPredictor(),
        classifier == null ? null : classifier.newPredictor(),
        recognizer.newPredictor(),
        decoder);
  }

  public OcrSettings settings() {
    return settings;
  }

  /** The catalogue names of the models that run, in pipeline order. */
  public List<String> modelNames() {
    return classifier == null
        ? List.of(OcrSettings.DETECTOR, settings.recognizer().catalogueName())
        : List.of(
            OcrSettings.DETECTOR, OcrSettings.CLASSIFIER, settings.recognizer().catalogueName());
  }
}
