package io.streamsight.processors.audio.whisper;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.inference.generate.DecoderSteps;
import io.streamsight.processors.inference.generate.EncoderOutput;
import io.streamsight.processors.inference.generate.Generated;
import io.streamsight.processors.inference.generate.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Whisper for one processor instance: used by one thread at a time, closed in the processor's
 * {@code close()}. Each clip is cut into consecutive windows of {@code chunk_length} seconds; the
 * windows of all clips of a call are encoded and decoded together, up to {@link
 * WhisperSettings#maxBatch()} at a time.
 */
public final class WhisperSession implements AutoCloseable {

  private final WhisperRecognizer recognizer;
  private final Seq2SeqModel.Runner runner;
  private boolean closed;

  WhisperSession(WhisperRecognizer recognizer, Seq2SeqModel.Runner runner) {
    this.recognizer = recognizer;
    this.runner = runner;
  }

  /** One 30-second (or shorter) piece of a clip. */
  private record Window(int clip, int from, int length) {}

  /** What the decoder made of one window. */
  private record Decoded(Window window, long language, Generated generated) {}

  /**
   * Transcribes one clip.
   *
   * @param mono16kHz mono samples at the model's sampling rate ({@link
   *     WhisperRecognizer#sampleRate()}, 16 kHz), nominally in [-1, 1]
   * @throws io.streamsight.processors.inference.generate.GenerationException if the model fails to
   *     run
   */
  public Recognition transcribe(float[] mono16kHz) {
    return transcribeAll(List.of(mono16kHz)).get(0);
  }

  /** Transcribes several clips, their windows batched together; one result per clip, in order. */
  public List<Recognition> transcribeAll(List<float[]> clips) {
    requireNonNull(clips, "clips");
    if (closed) {
      throw new IllegalStateException("Whisper session is closed");
    }
    int windowSamples = recognizer.features().samples();
    List<Window> windows = new ArrayList<>();
    for (int c = 0; c < clips.size(); c++) {
      float[] clip = requireNonNull(clips.get(c), "clip");
      for (int from = 0; from < clip.length; from += windowSamples) {
        windows.add(new Window(c, from, Math.min(windowSamples, clip.length - from)));
      }
    }
    List<Decoded> decoded = new ArrayList<>(windows.size());
    int batch = recognizer.settings().maxBatch();
    for (int from = 0; from < windows.size(); from += batch) {
      decoded.addAll(decode(clips, windows.subList(from, Math.min(windows.size(), from + batch))));
    }
    List<Recognition> out = new ArrayList<>(clips.size());
    for (int c = 0; c < clips.size(); c++) {
      List<Decoded> ofClip = new ArrayList<>();
      for (Decoded d : decoded) {
        if (d.window().clip() == c) {
          ofClip.add(d);
        }
      }
      out.add(assemble(ofClip, clips.get(c).length));
    }
    return out;
  }

  private List<Decoded> decode(List<float[]> clips, List<Window> windows) {
    LogMelSpectrogram features = recognizer.features();
    int size = features.featureSize() * features.frames();
    float[] input = new float[windows.size() * size];
    for (int i = 0; i < windows.size(); i++) {
      Window w = windows.get(i);
      features.extract(clips.get(w.clip()), w.from(), w.length(), input, i * size);
    }
    long[] shape = {windows.size(), features.featureSize(), features.frames()};
    try (EncoderOutput encoded = runner.encode(input, shape)) {
      long[] languages = languages(encoded, windows.size());
      long[][] prompts = new long[windows.size()][];
      for (int i = 0; i < prompts.length; i++) {
        prompts[i] = recognizer.prompt(languages[i]);
      }
      List<Generated> generated =
          runner.generate(encoded, prompts, recognizer.search(), recognizer.processor());
      List<Decoded> out = new ArrayList<>(windows.size());
      for (int i = 0; i < windows.size(); i++) {
        out.add(new Decoded(windows.get(i), languages[i], generated.get(i)));
      }
      return out;
    }
  }

  /**
   * Each window's language token: the configured one, or the likeliest language token after {@code
   * <|startoftranscript|>}; -1 for English-only models.
   */
  private long[] languages(EncoderOutput encoded, int count) {
    WhisperTokens tokens = recognizer.tokens();
    long[] out = new long[count];
    if (!tokens.multilingual()) {
      Arrays.fill(out, -1);
      return out;
    }
    Long forced = recognizer.forcedLanguage();
    if (forced != null) {
      Arrays.fill(out, forced);
      return out;
    }
    int[] rows = new int[count];
    long[][] sot = new long[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = i;
      sot[i] = new long[] {tokens.startOfTranscript()};
    }
    try (DecoderSteps steps = runner.decoder(encoded, false)) {
      float[][] logits = steps.next(rows, sot);
      for (int i = 0; i < count; i++) {
        long best = -1;
        for (long id : tokens.languages().values()) {
          if (id < logits[i].length && (best < 0 || logits[i][(int) id] > logits[i][(int) best])) {
            best = id;
          }
        }
        out[i] = best;
      }
    }
    return out;
  }

  private Recognition assemble(List<Decoded> windows, int clipSamples) {
    if (windows.isEmpty()) {
      return new Recognition("", List.of(), 0, null);
    }
    double rate = recognizer.sampleRate();
    StringBuilder text = new StringBuilder();
    List<Recognition.Segment> segments = new ArrayList<>();
    double logProbSum = 0;
    int tokenCount = 0;
    for (Decoded d : windows) {
      double start = d.window().from() / rate;
      double end = Math.min(d.window().from() + d.window().length(), clipSamples) / rate;
      long[] tokens = d.generated().text();
      float[] logProbs = d.generated().logProbs();
      for (float p : logProbs) {
        logProbSum += p;
      }
      tokenCount += logProbs.length;
      text.append(decode(withoutTimestamps(tokens)));
      if (recognizer.settings().timestamps()) {
        segments.addAll(timestamped(tokens, logProbs, start, end));
      } else {
        String windowText = decode(tokens).strip();
        if (!windowText.isEmpty()) {
          segments.add(new Recognition.Segment(start, end, windowText, d.generated().confidence()));
        }
      }
    }
    double confidence = tokenCount == 0 ? 0 : Math.exp(logProbSum / tokenCount);
    return new Recognition(
        text.toString().strip(), segments, confidence, languageCode(windows.get(0).language()));
  }

  /** Splits a window's tokens at Whisper's timestamp pairs. */
  private List<Recognition.Segment> timestamped(
      long[] tokens, float[] logProbs, double offset, double windowEnd) {
    WhisperTokens special = recognizer.tokens();
    double precision = recognizer.timePrecision();
    List<Recognition.Segment> out = new ArrayList<>();
    double segmentStart = offset;
    boolean open = false;
    int first = 0;
    for (int i = 0; i < tokens.length; i++) {
      if (!special.isTimestamp(tokens[i])) {
        continue;
      }
      double time = offset + (tokens[i] - special.timestampBegin()) * precision;
      if (open || i > first) {
        addSegment(out, tokens, logProbs, first, i + 1, segmentStart, Math.min(time, windowEnd));
        open = false;
        first = i + 1;
        segmentStart = time;
      } else {
        open = true;
        segmentStart = time;
        first = i;
      }
    }
    if (first < tokens.length) {
      addSegment(out, tokens, logProbs, first, tokens.length, segmentStart, windowEnd);
    }
    return out;
  }

  private void addSegment(
      List<Recognition.Segment> out,
      long[] tokens,
      float[] logProbs,
      int from,
      int to,
      double start,
      double end) {
    long[] span = Arrays.copyOfRange(tokens, from, to);
    String text = decode(withoutTimestamps(span)).strip();
    if (text.isEmpty()) {
      return;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += logProbs[i];
    }
    out.add(
        new Recognition.Segment(start, Math.max(start, end), text, Math.exp(sum / (to - from))));
  }

  private long[] withoutTimestamps(long[] tokens) {
    return Arrays.stream(tokens).filter(t -> !recognizer.tokens().isTimestamp(t)).toArray();
  }

  private String decode(long[] tokens) {
    return recognizer.tokenizer().decode(withoutTimestamps(tokens), true);
  }

  private String languageCode(long token) {
    if (!recognizer.tokens().multilingual()) {
      return "en";
    }
    for (Map.Entry<String, Long> e : recognizer.tokens().languages().entrySet()) {
      if (e.getValue() == token) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Where the model runs: {@code cpu} or {@code gpu:N}. */
  public String device() {
    return runner.device();
  }

  @Override
  public void close() {
    closed = true;
  }
}
