package io.streamsight.processors.caption;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.generate.EncoderOutput;
import io.streamsight.processors.inference.generate.FolderProvenance;
import io.streamsight.processors.inference.generate.Generated;
import io.streamsight.processors.inference.generate.LogitsProcessor;
import io.streamsight.processors.inference.generate.SearchSettings;
import io.streamsight.processors.inference.generate.Seq2SeqModel;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image captioning with an ONNX vision encoder-decoder (ViT-GPT2 and alike) in the folder layout
 * Hugging Face Optimum exports: {@code encoder_model.onnx}, the decoder(s) ({@link Seq2SeqModel}),
 * {@code config.json}, {@code generation_config.json}, {@code tokenizer.json} and {@code
 * preprocessor_config.json} (see {@link ImagePreprocessor}).
 *
 * <p>Load once per model and placement ({@link #load}, at start-up; every problem with the folder
 * is a {@link ModelLoadException} then), share it, and give each processor instance its own {@link
 * #newCaptioner()}. Captions start from the config's decoder start token, apply the config's
 * suppressed and forced tokens and {@code no_repeat_ngram_size}, and are decoded without special
 * tokens, whitespace-trimmed.
 */
public final class OnnxCaptioner {

  private static final Logger LOG = LoggerFactory.getLogger(OnnxCaptioner.class);

  private final Seq2SeqModel model;
  private final ImagePreprocessor preprocessor;
  private final CaptionSettings settings;
  private final SearchSettings search;
  private final LogitsProcessor processor;

  private OnnxCaptioner(
      Seq2SeqModel model, ImagePreprocessor preprocessor, CaptionSettings settings) {
    this.model = model;
    this.preprocessor = preprocessor;
    this.settings = settings;
    this.search = settings.generation().resolve(model.config(), 1);
    this.processor = LogitsProcessor.chain(model.config().processors(true));
  }

  /**
   * Loads the export in {@code folder} through the registry (which closes it) on every device of
   * the placement.
   *
   * @throws ModelLoadException naming the folder and file when a file is missing or does not fit
   *     (an encoder whose input is not {@code [batch, 3, height, width]} of the preprocessor's
   *     size, a decoder without logits, ...)
   */
  public static OnnxCaptioner load(
      Path folder, ModelRegistry registry, DevicePlacement placement, CaptionSettings settings) {
    requireNonNull(settings, "settings");
    ImagePreprocessor preprocessor = ImagePreprocessor.read(folder);
    Seq2SeqModel model = Seq2SeqModel.load(folder, registry, placement);
    long[] shape = model.encoderInputShape();
    if (shape.length != 4
        || (shape[1] > 0 && shape[1] != 3)
        || (shape[2] > 0 && shape[2] != preprocessor.outputHeight())
        || (shape[3] > 0 && shape[3] != preprocessor.outputWidth())) {
      throw new ModelLoadException(
          Seq2SeqModel.ENCODER
              + " of "
              + model.name()
              + " takes "
              + model.encoderInput()
              + " of shape "
              + Arrays.toString(shape)
              + ", but preprocessor_config.json makes [batch, 3, "
              + preprocessor.outputHeight()
              + ", "
              + preprocessor.outputWidth()
              + "] images");
    }
    OnnxCaptioner captioner = new OnnxCaptioner(model, preprocessor, settings);
    LOG.info(
        "captioning model {} loaded from {} ({}, {} beam(s), up to {} tokens, cache {})",
        model.name(),
        folder,
        model.decoders(),
        captioner.search.numBeams(),
        captioner.search.maxNewTokens(),
        captioner.search.useCache() && model.hasCache());
    return captioner;
  }

  /** A captioner for one processor instance, on the placement's next device (round-robin). */
  public Captioner newCaptioner() {
    return new Session(model.newRunner());
  }

  /** The model's name (its folder's name). */
  public String name() {
    return model.name();
  }

  /** SHA-256 of every file of the folder that was read, for output records. */
  public FolderProvenance provenance() {
    return model.provenance();
  }

  /** The search every caption uses, settings applied over the model's generation config. */
  public SearchSettings search() {
    return search;
  }

  private final class Session implements Captioner {
    private final Seq2SeqModel.Runner runner;
    private boolean closed;

    Session(Seq2SeqModel.Runner runner) {
      this.runner = runner;
    }

    @Override
    public List<String> caption(List<BufferedImage> images) {
      requireNonNull(images, "images");
      if (closed) {
        throw new IllegalStateException("captioner is closed");
      }
      List<String> captions = new ArrayList<>(images.size());
      for (int from = 0; from < images.size(); from += settings.maxBatch()) {
        List<BufferedImage> chunk =
            images.subList(from, Math.min(images.size(), from + settings.maxBatch()));
        captions.addAll(captionBatch(chunk));
      }
      return captions;
    }

    private List<String> captionBatch(List<BufferedImage> images) {
      long[] shape = {images.size(), 3, preprocessor.outputHeight(), preprocessor.outputWidth()};
      long[][] prompts = new long[images.size()][];
      Arrays.fill(prompts, new long[] {model.config().decoderStartTokenId()});
      List<Generated> generated;
      try (EncoderOutput encoded = runner.encode(preprocessor.toTensor(images), shape)) {
        generated = runner.generate(encoded, prompts, search, processor);
      }
      List<String> out = new ArrayList<>(generated.size());
      for (Generated g : generated) {
        out.add(model.tokenizer().decode(g.text(), true).strip());
      }
      return out;
    }

    @Override
    public String device() {
      return runner.device();
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
