package io.streamsight.processors.ocr;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the PP-OCR pipeline. {@link #defaults()} are PaddleOCR's own where they exist
 * (binarisation 0.3, box score 0.6, unclip 1.5 widened to RapidOCR's 1.6, angle threshold 0.9, drop
 * score 0.5, batches of 6), with the detector's long side capped at 960 pixels, no scaling up and a
 * 32-pixel white border.
 *
 * @param maxSideLength the detector sees the image scaled down (keeping its aspect ratio) so that
 *     its long side with the border on both ends is at most this, on a canvas whose sides are
 *     rounded up to multiples of 32. Detection time grows with the square of this; on photos it is
 *     most of the time of OCR.
 * @param minSideLength images whose short side is below this are scaled up for the detector until
 *     it reaches this or the long side reaches {@code maxSideLength}: small print in small images
 *     is then found line by line rather than in blocks, at the cost of detection time (0: never
 *     scale up)
 * @param padding white border added around the image before detection, in pixels, so that text
 *     touching an edge (a word cut out of a photo) is still found (0 for none)
 * @param binaryThreshold text probability above which a detector pixel counts as text
 * @param boxThreshold mean text probability of a detected region's pixels needed to keep it
 * @param unclipRatio how far boxes are grown after detection ({@code area * ratio / perimeter})
 * @param classifyAngle whether to run the angle classifier and turn lines read upside down
 * @param angleThreshold the classifier's confidence in 180 degrees needed to turn a line
 * @param recognizer which recognition model reads the lines
 * @param minTextScore recognised lines with a lower confidence are dropped
 * @param recoverSpaces whether to put back the word spaces the recogniser leaves out on Latin text
 *     (see {@link SpaceRecovery})
 * @param classifierBatchSize lines per angle-classifier call
 * @param recognizerBatchSize lines per recogniser call
 */
public record OcrSettings(
    int maxSideLength,
    int minSideLength,
    int padding,
    float binaryThreshold,
    float boxThreshold,
    float unclipRatio,
    boolean classifyAngle,
    float angleThreshold,
    Recognizer recognizer,
    float minTextScore,
    boolean recoverSpaces,
    int classifierBatchSize,
    int recognizerBatchSize) {

  /** The catalogue name of the text detector. */
  public static final String DETECTOR = "ppocr-v4-det";

  /** The catalogue name of the angle classifier. */
  public static final String CLASSIFIER = "ppocr-cls";

  /** The catalogue entry that carries the dictionary, and the dictionary's file name. */
  static final String DICTIONARY = "ppocr_keys_v1.txt";

  /** The recognition models the pipeline can use; both read {@code ppocr_keys_v1.txt}. */
  public enum Recognizer {
    /** PP-OCRv4: the most accurate on characters; leaves out spaces on English more often. */
    V4("ppocr-v4-rec"),
    /** PP-OCRv3: older; keeps word spaces better on photographed pages. */
    V3("ppocr-v3-rec");

    private final String catalogueName;

    Recognizer(String catalogueName) {
      this.catalogueName = catalogueName;
    }

    /** The model's name in the catalogue. */
    public String catalogueName() {
      return catalogueName;
    }
  }

  public OcrSettings {
    requireNonNull(recognizer, "recognizer");
    if (maxSideLength < 32) {
      throw new IllegalArgumentException("maxSideLength must be at least 32: " + maxSideLength);
    }
    if (minSideLength < 0) {
      throw new IllegalArgumentException("minSideLength must not be negative: " + minSideLength);
    }
    if (padding < 0 || padding > 1000) {
      throw new IllegalArgumentException("padding must be in [0, 1000]: " + padding);
    }
    requireFraction("binaryThreshold", binaryThreshold);
    requireFraction("boxThreshold", boxThreshold);
    requireFraction("angleThreshold", angleThreshold);
    requireFraction("minTextScore", minTextScore);
    if (!(unclipRatio > 0 && unclipRatio <= 10)) {
      throw new IllegalArgumentException("unclipRatio must be in (0, 10]: " + unclipRatio);
    }
    if (classifierBatchSize < 1 || recognizerBatchSize < 1) {
      throw new IllegalArgumentException(
          "batch sizes must be at least 1: classifier="
              + classifierBatchSize
              + ", recognizer="
              + recognizerBatchSize);
    }
  }

  /** The defaults: v4 recogniser, angle classification on, long side capped at 960. */
  public static OcrSettings defaults() {
    return new Builder().build();
  }

  /** A builder starting from the {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxSideLength = maxSideLength;
    b.minSideLength = minSideLength;
    b.padding = padding;
    b.binaryThreshold = binaryThreshold;
    b.boxThreshold = boxThreshold;
    b.unclipRatio = unclipRatio;
    b.classifyAngle = classifyAngle;
    b.angleThreshold = angleThreshold;
    b.recognizer = recognizer;
    b.minTextScore = minTextScore;
    b.recoverSpaces = recoverSpaces;
    b.classifierBatchSize = classifierBatchSize;
    b.recognizerBatchSize = recognizerBatchSize;
    return b;
  }

  public OcrSettings withMaxSideLength(int value) {
    return toBuilder().maxSideLength(value).build();
  }

  public OcrSettings withMinSideLength(int value) {
    return toBuilder().minSideLength(value).build();
  }

  public OcrSettings withPadding(int value) {
    return toBuilder().padding(value).build();
  }

  public OcrSettings withClassifyAngle(boolean value) {
    return toBuilder().classifyAngle(value).build();
  }

  public OcrSettings withRecognizer(Recognizer value) {
    return toBuilder().recognizer(value).build();
  }

  /** Settings built field by field, starting from the {@link #defaults()}. */
  public static final class Builder {
    private int maxSideLength = 960;
    private int minSideLength = 0;
    private int padding = 32;
    private float binaryThreshold = 0.3f;
    private float boxThreshold = 0.6f;
    private float unclipRatio = 1.6f;
    private boolean classifyAngle = true;
    private float angleThreshold = 0.9f;
    private Recognizer recognizer = Recognizer.V4;
    private float minTextScore = 0.5f;
    private boolean recoverSpaces = true;
    private int classifierBatchSize = 6;
    private int recognizerBatchSize = 6;

    private Builder() {}

    public Builder maxSideLength(int value) {
      this.maxSideLength = value;
      return this;
    }

    public Builder minSideLength(int value) {
      this.minSideLength = value;
      return this;
    }

    public Builder padding(int value) {
      this.padding = value;
      return this;
    }

    public Builder binaryThreshold(float value) {
      this.binaryThreshold = value;
      return this;
    }

    public Builder boxThreshold(float value) {
      this.boxThreshold = value;
      return this;
    }

    public Builder unclipRatio(float value) {
      this.unclipRatio = value;
      return this;
    }

    public Builder classifyAngle(boolean value) {
      this.classifyAngle = value;
      return this;
    }

    public Builder angleThreshold(float value) {
      this.angleThreshold = value;
      return this;
    }

    public Builder recognizer(Recognizer value) {
      this.recognizer = value;
      return this;
    }

    public Builder minTextScore(float value) {
      this.minTextScore = value;
      return this;
    }

    public Builder recoverSpaces(boolean value) {
      this.recoverSpaces = value;
      return this;
    }

    public Builder classifierBatchSize(int value) {
      this.classifierBatchSize = value;
      return this;
    }

    public Builder recognizerBatchSize(int value) {
      this.recognizerBatchSize = value;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException when a value is out of its range
     */
    public OcrSettings build() {
      return new OcrSettings(
          maxSideLength,
          minSideLength,
          padding,
          binaryThreshold,
          boxThreshold,
          unclipRatio,
          classifyAngle,
          angleThreshold,
          recognizer,
          minTextScore,
          recoverSpaces,
          classifierBatchSize,
          recognizerBatchSize);
    }
  }

  private static void requireFraction(String name, float value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
    }
  }
}
