package io.streamsight.processors.ocr;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy CTC decoding of the PP-OCR recogniser's output over {@code ppocr_keys_v1.txt}: per time
 * step the most probable class; runs of one class collapse to one character; class 0 is the blank,
 * class {@code i} in {@code 1..N} is line {@code i} of the dictionary, class {@code N + 1} a space.
 * The confidence is the mean probability of the kept characters (at the first step of each), as
 * PaddleOCR computes it.
 */
final class CtcDecoder {

  private final String[] symbols;

  /**
   * @param dictionary one symbol per line, in class order (class 1 is the first line)
   */
  CtcDecoder(List<String> dictionary) {
    requireNonNull(dictionary, "dictionary");
    symbols = new String[dictionary.size() + 2];
    symbols[0] = "";
    for (int i = 0; i < dictionary.size(); i++) {
      symbols[i + 1] = dictionary.get(i);
    }
    symbols[symbols.length - 1] = " ";
  }

  static CtcDecoder load(Path dictionary) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(dictionary, StandardCharsets.UTF_8));
    // The file ends without a newline; a trailing empty line would be no symbol.
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return new CtcDecoder(lines);
  }

  /** Number of classes the model must output: blank, the dictionary, space. */
  int classes() {
    return symbols.length;
  }

  /** One emitted character: class, first and last time step of its run, probability at first. */
  record Emission(int symbol, int first, int last, float prob) {}

  /**
   * Text, confidence, the characters' positions in time steps and the space class's probability at
   * every step.
   */
  static final class Decoded {
    private final String text;
    private final float score;
    private final List<Emission> emissions;
    private final float[] spaceProb;

    Decoded(String text, float score, List<Emission> emissions, float[] spaceProb) {
      this.text = text;
      this.score = score;
      this.emissions = List.copyOf(emissions);
      this.spaceProb = spaceProb.clone();
    }

    String text() {
      return text;
    }

    float score() {
      return score;
    }

    List<Emission> emissions() {
      return emissions;
    }

    /** Probability of the space class at step {@code t}. */
    float spaceProb(int t) {
      return spaceProb[t];
    }

    int steps() {
      return spaceProb.length;
    }
  }

  /**
   * Decodes one line.
   *
   * @param probs {@code [steps, classes]} probabilities, row-major
   * @param steps time steps to read (the line's own width; later steps are batch padding)
   */
  Decoded decode(float[] probs, int steps, int classes) {
    return decode(probs, 0, steps, classes);
  }

  /** Decodes one line whose probabilities start at {@code offset} of {@code probs}. */
  Decoded decode(float[] probs, int offset, int steps, int classes) {
    if (classes != symbols.length) {
      throw new IllegalArgumentException(
          "recogniser has " + classes + " classes, the dictionary gives " + symbols.length);
    }
    List<Emission> emissions = new ArrayList<>();
    float[] spaceProb = new float[steps];
    int previous = 0;
    for (int t = 0; t < steps; t++) {
      int row = offset + t * classes;
      spaceProb[t] = probs[row + classes - 1];
      int best = 0;
      float bestProb = probs[row];
      for (int c = 1; c < classes; c++) {
        float p = probs[row + c];
        if (p > bestProb) {
          bestProb = p;
          best = c;
        }
      }
      if (best != 0) {
        if (best == previous) {
          Emission last = emissions.get(emissions.size() - 1);
          emissions.set(emissions.size() - 1, new Emission(best, last.first(), t, last.prob()));
        } else {
          emissions.add(new Emission(best, t, t, bestProb));
        }
      }
      previous = best;
    }
    StringBuilder text = new StringBuilder();
    double sum = 0;
    for (Emission e : emissions) {
      text.append(symbols[e.symbol()]);
      sum += e.prob();
    }
    float score = emissions.isEmpty() ? 0 : (float) (sum / emissions.size());
    return new Decoded(text.toString().strip(), score, emissions, spaceProb);
  }

  /** The class of the space. */
  int space() {
    return symbols.length - 1;
  }

  String symbol(int cls) {
    return symbols[cls];
  }
}
