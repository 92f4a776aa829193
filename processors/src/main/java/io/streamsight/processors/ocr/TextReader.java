package io.streamsight.processors.ocr;

import static java.util.Objects.requireNonNull;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.streamsight.events.TextRegion;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the text of images with its own predictors of the shared {@link PpOcr} models. Not
 * thread-safe: one per processor instance; close it in the processor's {@code close()}.
 *
 * <p>Per call: each image is detected on its own (its size decides the detector's input); the lines
 * of all images are then classified and recognised together, in batches of lines of similar aspect
 * ratio padded to a common width.
 */
public final class TextReader implements AutoCloseable {

  /** Height of the line images the classifier and recogniser take. */
  static final int LINE_HEIGHT = 48;

  /** Width of the classifier's input. */
  static final int CLASSIFIER_WIDTH = 192;

  /**
   * How much more confident the reading of a line as cut out must be than its reading turned by 180
   * degrees to overrule the classifier.
   */
  static final float KEEP_UPRIGHT_MARGIN = 0.05f;

  /**
   * Most columns of line image (lines times the batch's width) in one recogniser call: six lines of
   * PaddleOCR's default width of 320. On a CPU, larger batches of long lines ran slower per line
   * than one at a time (0.8x the time of single calls at width 160, 1.3x at width 800).
   */
  static final int RECOGNIZER_BATCH_COLUMNS = 6 * 320;

  /** Most classifier windows per line. */
  static final int CLASSIFIER_WINDOWS = 3;

  // PaddleOCR's normalisation of the detector's input, per channel in B, G, R order.
  private static final float[] DET_MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] DET_STD = {0.229f, 0.224f, 0.225f};

  private final OcrSettings settings;
  private final Predictor<List<Tensor>, List<Tensor>> detector;
  private final Predictor<List<Tensor>, List<Tensor>> classifier;
  private final Predictor<List<Tensor>, List<Tensor>> recognizer;
  private final CtcDecoder decoder;
  private final DbPostProcess postProcess;
  private final SpaceRecovery spaces;

  TextReader(
      OcrSettings settings,
      Predictor<List<Tensor>, List<Tensor>> detector,
      Predictor<List<Tensor>, List<Tensor>> classifier,
      Predictor<List<Tensor>, List<Tensor>> recognizer,
      CtcDecoder decoder) {
    this.settings = requireNonNull(settings, "settings");
    this.detector = requireNonNull(detector, "detector");
    this.classifier = classifier;
    this.recognizer = requireNonNull(recognizer, "recognizer");
    this.decoder = requireNonNull(decoder, "decoder");
    this.postProcess =
        new DbPostProcess(
            settings.binaryThreshold(), settings.boxThreshold(), settings.unclipRatio(), 3, 1000);
    this.spaces = new SpaceRecovery(decoder);
  }

  /** One detected line on its way through classification and recognition. */
  private static final class Line {
    final int image;
    final Quad box;
    final Pixels pixels;
    boolean upsideDown;
    String text = "";
    float score;

    Line(int image, Quad box, Pixels pixels) {
      this.image = image;
      this.box = box;
      this.pixels = pixels;
    }
  }

  /**
   * Reads every image.
   *
   * @return one result per image, in order
   * @throws IllegalStateException when a model fails to run
   */
  public List<OcrResult> read(List<BufferedImage> images) {
    requireNonNull(images, "images");
    int n = images.size();
    double[] detMs = new double[n];
    double[] clsMs = new double[n];
    double[] recMs = new double[n];
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      Pixels pixels = Pixels.of(requireNonNull(images.get(i), "image"));
      for (Quad box : detect(pixels)) {
        lines.add(new Line(i, box, LineCrop.crop(pixels, box, LINE_HEIGHT)));
      }
      detMs[i] = (System.nanoTime() - start) / 1e6;
    }
    if (classifier != null && !lines.isEmpty()) {
      long start = System.nanoTime();
      classify(lines);
      share((System.nanoTime() - start) / 1e6, lines, l -> 1, clsMs);
    }
    if (!lines.isEmpty()) {
      long start = System.nanoTime();
      recognize(lines);
      share(
          (System.nanoTime() - start) / 1e6,
          lines,
          l -> l.pixels.width * (l.upsideDown ? 2 : 1),
          recMs);
    }
    List<OcrResult> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int image = i;
      List<Line> read =
          lines.stream()
              .filter(l -> l.image == image)
              .filter(l -> !l.text.isBlank() && l.score >= settings.minTextScore())
              .toList();
      results.add(result(read, detMs[i], clsMs[i], recMs[i]));
    }
    return results;
  }

  private OcrResult result(List<Line> read, double detMs, double clsMs, double recMs) {
    List<List<Integer>> order = ReadingOrder.lines(read.stream().map(l -> l.box).toList());
    List<TextRegion> regions = new ArrayList<>();
    StringBuilder full = new StringBuilder();
    for (List<Integer> row : order) {
      if (full.length() > 0) {
        full.append('\n');
      }
      for (int k = 0; k < row.size(); k++) {
        Line line = read.get(row.get(k));
        if (k > 0) {
          full.append(' ');
        }
        full.append(line.text);
        regions.add(new TextRegion(line.text, line.score, line.box.points()));
      }
    }
    List<OcrResult.ModelTime> timings = new ArrayList<>();
    timings.add(new OcrResult.ModelTime(OcrSettings.DETECTOR, detMs));
    if (classifier != null) {
      timings.add(new OcrResult.ModelTime(OcrSettings.CLASSIFIER, clsMs));
    }
    timings.add(new OcrResult.ModelTime(settings.recognizer().catalogueName(), recMs));
    return new OcrResult(regions, full.toString(), timings);
  }

  /**
   * Text boxes of one image, in its pixel coordinates. The image is scaled (only when its long side
   * is over the cap, or its short side under {@code minSideLength}) keeping its aspect ratio, and
   * placed on a white canvas with the padding on every side, whose sides are rounded up to
   * multiples of 32 (PaddleOCR stretches the image to such sides instead; an image that needs no
   * scaling is then not resampled at all).
   */
  List<Quad> detect(Pixels image) {
    int pad = settings.padding();
    int room = Math.max(32, settings.maxSideLength() - 2 * pad);
    double scale =
        Math.min(
            (double) room / Math.max(image.width, image.height),
            Math.max(1.0, (double) settings.minSideLength() / Math.min(image.width, image.height)));
    int cw = Math.max(1, (int) Math.round(image.width * scale));
    int ch = Math.max(1, (int) Math.round(image.height * scale));
    Pixels content = image.resized(cw, ch);
    int w = (cw + 2 * pad + 31) / 32 * 32;
    int h = (ch + 2 * pad + 31) / 32 * 32;
    int plane = w * h;
    float[] input = new float[3 * plane];
    for (int c = 0; c < 3; c++) {
      Arrays.fill(input, c * plane, (c + 1) * plane, (1f - DET_MEAN[c]) / DET_STD[c]);
    }
    for (int y = 0; y < ch; y++) {
      int from = y * cw;
      int to = (y + pad) * w + pad;
      for (int x = 0; x < cw; x++) {
        int p = content.rgb[from + x];
        input[to + x] = ((p & 0xff) / 255f - DET_MEAN[0]) / DET_STD[0];
        input[plane + to + x] = ((p >>> 8 & 0xff) / 255f - DET_MEAN[1]) / DET_STD[1];
        input[2 * plane + to + x] = ((p >>> 16 & 0xff) / 255f - DET_MEAN[2]) / DET_STD[2];
      }
    }
    Tensor map = run(detector, List.of(new Tensor(input, 3, h, w)), "detector").get(0);
    if (map.size() != plane) {
      throw new IllegalStateException(
          "detector returned " + map.size() + " values for a " + w + "x" + h + " input");
    }
    double sx = (double) image.width / cw;
    double sy = (double) image.height / ch;
    DbPostProcess.Mapping mapping =
        new DbPostProcess.Mapping(sx, sy, pad * sx, pad * sy, image.width, image.height);
    return postProcess.boxes(map.values(), w, h, mapping);
  }

  /**
   * Marks the lines the classifier reads as upside down (PaddleOCR's label "180"). PaddleOCR
   * squeezes a long line into the classifier's 192 pixels, which makes it call many lines of a
   * printed page upside down; here a long line is classified on up to {@value #CLASSIFIER_WINDOWS}
   * windows of 192 pixels at its own scale, spread along it, and the mean decides.
   */
  private void classify(List<Line> lines) {
    List<Tensor> inputs = new ArrayList<>();
    int[] owner = new int[lines.size() * CLASSIFIER_WINDOWS];
    for (int i = 0; i < lines.size(); i++) {
      Pixels p = lines.get(i).pixels;
      int windows =
          Math.min(CLASSIFIER_WINDOWS, (p.width + CLASSIFIER_WIDTH - 1) / CLASSIFIER_WIDTH);
      for (int k = 0; k < windows; k++) {
        int x =
            windows == 1
                ? 0
                : (int) Math.round((double) k * (p.width - CLASSIFIER_WIDTH) / (windows - 1));
        owner[inputs.size()] = i;
        inputs.add(lineTensor(p, x, CLASSIFIER_WIDTH));
      }
    }
    double[] upsideDown = new double[lines.size()];
    int[] count = new int[lines.size()];
    int batch = settings.classifierBatchSize();
    for (int from = 0; from < inputs.size(); from += batch) {
      List<Tensor> chunk = inputs.subList(from, Math.min(inputs.size(), from + batch));
      List<Tensor> outputs = run(classifier, chunk, "angle classifier");
      for (int k = 0; k < chunk.size(); k++) {
        Tensor p = outputs.get(k);
        if (p.size() != 2) {
          throw new IllegalStateException("angle classifier output is not [2]");
        }
        upsideDown[owner[from + k]] += p.get(1);
        count[owner[from + k]]++;
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      lines.get(i).upsideDown = upsideDown[i] / count[i] >= settings.angleThreshold();
    }
  }

  /** One line image to recognise: a line as cut out, or turned by 180 degrees. */
  private static final class Job {
    final Line line;
    final Pixels pixels;
    CtcDecoder.Decoded decoded;

    Job(Line line, Pixels pixels) {
      this.line = line;
      this.pixels = pixels;
    }
  }

  /**
   * Recognises the lines in batches of similar width, each padded to its widest line, of at most
   * {@link OcrSettings#recognizerBatchSize()} lines and {@value #RECOGNIZER_BATCH_COLUMNS} columns
   * in all (a longer line goes alone). A line the classifier calls upside down is read both ways
   * and the turned reading is kept unless the reading as cut out is clearly more confident ({@value
   * #KEEP_UPRIGHT_MARGIN} more): one wrong call of the classifier then costs a second recognition,
   * not the line.
   */
  private void recognize(List<Line> lines) {
    List<Job> jobs = new ArrayList<>();
    for (Line line : lines) {
      jobs.add(new Job(line, line.pixels));
      if (line.upsideDown) {
        jobs.add(new Job(line, line.pixels.rotated180()));
      }
    }
    List<Job> byWidth = new ArrayList<>(jobs);
    byWidth.sort(Comparator.comparingInt(j -> j.pixels.width));
    int batch = settings.recognizerBatchSize();
    for (int from = 0, to; from < byWidth.size(); from = to) {
      // Up to the batch size, as long as the padded batch stays within the column budget.
      to = from + 1;
      while (to < byWidth.size()
          && to - from < batch
          && (to - from + 1) * byWidth.get(to).pixels.width <= RECOGNIZER_BATCH_COLUMNS) {
        to++;
      }
      List<Job> chunk = byWidth.subList(from, to);
      int width = chunk.get(chunk.size() - 1).pixels.width;
      List<Tensor> inputs = new ArrayList<>(chunk.size());
      for (Job job : chunk) {
        inputs.add(lineTensor(job.pixels, width));
      }
      List<Tensor> outputs = run(recognizer, inputs, "recognizer");
      for (int k = 0; k < chunk.size(); k++) {
        Tensor out = outputs.get(k);
        if (out.shape().length != 2) {
          throw new IllegalStateException("recognizer output is not [steps, classes]");
        }
        int steps = out.dim(0);
        int own =
            (int) Math.min(steps, Math.ceil((double) chunk.get(k).pixels.width * steps / width));
        chunk.get(k).decoded = decoder.decode(out.data(), out.offset(), own, out.dim(1));
      }
    }
    for (int i = 0; i < jobs.size(); i++) {
      Job chosen = jobs.get(i);
      if (chosen.line.upsideDown) {
        Job turned = jobs.get(++i);
        if (turned.decoded.score() + KEEP_UPRIGHT_MARGIN >= chosen.decoded.score()) {
          chosen = turned;
        }
      }
      Line line = chosen.line;
      line.text = settings.recoverSpaces() ? spaces.recover(chosen.decoded) : chosen.decoded.text();
      line.score = chosen.decoded.score();
    }
  }

  /** A line image as the recogniser's input: {@code [3, 48, width]}, B, G, R, zero-padded. */
  static Tensor lineTensor(Pixels line, int width) {
    return lineTensor(line, 0, width);
  }

  /**
   * Columns {@code [x, x + width)} of a line image as a model input {@code [3, 48, width]} in B, G,
   * R order scaled to [-1, 1]; columns past the line's end are 0 (PaddleOCR's padding).
   */
  static Tensor lineTensor(Pixels line, int x0, int width) {
    int h = line.height;
    float[] data = new float[3 * h * width];
    int plane = h * width;
    int columns = Math.min(width, line.width - x0);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < columns; x++) {
        int p = line.rgb[y * line.width + x0 + x];
        int i = y * width + x;
        data[i] = (p & 0xff) / 127.5f - 1f;
        data[plane + i] = (p >>> 8 & 0xff) / 127.5f - 1f;
        data[2 * plane + i] = (p >>> 16 & 0xff) / 127.5f - 1f;
      }
    }
    return new Tensor(data, 3, h, width);
  }

  private static List<Tensor> run(
      Predictor<List<Tensor>, List<Tensor>> predictor, List<Tensor> inputs, String what) {
    try {
      List<Tensor> outputs = predictor.predict(inputs);
      if (outputs.size() != inputs.size()) {
        throw new IllegalStateException(
            "OCR " + what + " returned " + outputs.size() + " results for " + inputs.size());
      }
      return outputs;
    } catch (TranslateException e) {
      throw new IllegalStateException("OCR " + what + " failed", e);
    }
  }

  /** Shares {@code ms} out between the images of the lines, in proportion to each line's weight. */
  private static void share(
      double ms, List<Line> lines, java.util.function.ToIntFunction<Line> weight, double[] out) {
    double total = lines.stream().mapToInt(weight).sum();
    if (total <= 0) {
      return;
    }
    for (Line line : lines) {
      out[line.image] += ms * weight.applyAsInt(line) / total;
    }
  }

  @Override
  public void close() {
    detector.close();
    if (classifier != null) {
      classifier.close();
    }
    recognizer.close();
  }
}
