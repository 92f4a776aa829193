package io.streamsight.processors.audio.asr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pronunciations for words the pronouncing dictionary lacks (most drug names: "cephalexin",
 * "atorvastatin"), learnt from the dictionary itself, the way Festival's and Sphinx's letter-to-
 * sound rules were built.
 *
 * <p>Training: every dictionary word is aligned letter by letter with its phones, each letter
 * emitting nothing, one phone or two ("x" → K S), by hard EM (Viterbi alignment under the current
 * letter→phones probabilities, re-estimated from the alignments, {@value #ITERATIONS} times).
 * Prediction: each letter's phones are those seen most often for the letter in the widest context
 * (up to {@value #WIDTH} letters on each side, word boundaries included) that occurred in training,
 * backing off to narrower contexts, down to the letter alone. Between two symmetric contexts the
 * back-off also tries the lopsided ones (two letters before and one after, and the reverse; one
 * before or one after) and takes the one whose most frequent output is the more certain: without
 * them, "pred" in "prednisone" backed off to "red", whose "e" is mostly silent ("colored"), and
 * drug names lost their vowels. On dictionary words held out of training it gets about 90% of
 * phones right (see {@code LetterToSoundTest}); a grammar recogniser only needs a pronunciation
 * closer to the spoken word than to the grammar's other words.
 *
 * <p>Immutable once trained; thread-safe.
 */
public final class LetterToSound {

  static final int ITERATIONS = 4;
  static final int WIDTH = 3;
  private static final int LETTERS = 26;
  private static final int BOUNDARY = 26;

  /**
   * Context shapes (letters before, letters after), most specific first. Two neighbours of the same
   * total width that are mirror images compete: the more certain one wins.
   */
  private static final int[][] SHAPES = {
    {3, 3}, {2, 2}, {2, 1}, {1, 2}, {1, 1}, {1, 0}, {0, 1}, {0, 0}
  };

  private final String[] phoneNames;

  /** Per shape, context key → the most frequent output there and how certain it is. */
  private final List<Map<Long, Choice>> tables;

  /**
   * @param output 0: nothing, 1..P: a phone, else a pair of phones
   * @param share the share of the context's occurrences that had this output
   */
  private record Choice(int output, float share) {}

  private LetterToSound(String[] phoneNames, List<Map<Long, Choice>> tables) {
    this.phoneNames = phoneNames;
    this.tables = tables;
  }

  /**
   * Learns from a pronouncing dictionary.
   *
   * @param entries word → phones; words with characters other than a-z are skipped
   */
  public static LetterToSound train(Map<String, List<String>> entries) {
    Map<String, Integer> phoneIds = new HashMap<>();
    List<String> names = new ArrayList<>(List.of(""));
    List<int[]> words = new ArrayList<>();
    List<int[]> phones = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : entries.entrySet()) {
      String w = e.getKey();
      List<String> p = e.getValue();
      if (w.isEmpty() || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
        continue;
      }
      if (p.isEmpty() || p.size() > 2 * w.length()) {
        continue;
      }
      words.add(w.chars().map(c -> c - 'a').toArray());
      int[] ids = new int[p.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] =
            phoneIds.computeIfAbsent(
                p.get(i),
                name -> {
                  names.add(name);
                  return names.size() - 1;
                });
      }
      phones.add(ids);
    }
    int phoneCount = names.size() - 1;
    int outputs = 1 + phoneCount + phoneCount * phoneCount;

    double[][] logP = initial(words, phones, phoneCount, outputs);
    int[][] aligned = new int[words.size()][];
    for (int it = 0; it < ITERATIONS; it++) {
      double[][] counts = new double[LETTERS][outputs];
      for (int i = 0; i < words.size(); i++) {
        aligned[i] = align(words.get(i), phones.get(i), logP, phoneCount);
        if (aligned[i] != null) {
          for (int k = 0; k < aligned[i].length; k++) {
            counts[words.get(i)[k]][aligned[i][k]]++;
          }
        }
      }
      logP = normalise(counts, 0);
    }

    List<Map<Long, Choice>> tables = new ArrayList<>();
    for (int[] shape : SHAPES) {
      Map<Long, Map<Integer, Integer>> counts = new HashMap<>();
      for (int i = 0; i < words.size(); i++) {
        if (aligned[i] == null) {
          continue;
        }
        int[] padded = pad(words.get(i));
        for (int k = 0; k < aligned[i].length; k++) {
          counts
              .computeIfAbsent(key(padded, k, shape[0], shape[1]), x -> new HashMap<>(4))
              .merge(aligned[i][k], 1, Integer::sum);
        }
      }
      Map<Long, Choice> best = new HashMap<>();
      for (Map.Entry<Long, Map<Integer, Integer>> e : counts.entrySet()) {
        int bestOutput = -1;
        int bestCount = -1;
        int total = 0;
        for (Map.Entry<Integer, Integer> c : e.getValue().entrySet()) {
          total += c.getValue();
          if (c.getValue() > bestCount || (c.getValue() == bestCount && c.getKey() < bestOutput)) {
            bestOutput = c.getKey();
            bestCount = c.getValue();
          }
        }
        best.put(e.getKey(), new Choice(bestOutput, (float) bestCount / total));
      }
      tables.add(best);
    }
    return new LetterToSound(names.toArray(String[]::new), tables);
  }

  /**
   * The predicted phones of a word; characters other than the letters a-z are ignored.
   *
   * @return phones, e.g. {@code [S EH F AH L EH K S IH N]}; empty when the word has no letters
   */
  public List<String> phones(String word) {
    int[] letters =
        word.toLowerCase(Locale.ROOT)
            .chars()
            .filter(c -> c >= 'a' && c <= 'z')
            .map(c -> c - 'a')
            .toArray();
    int[] padded = pad(letters);
    int phoneCount = phoneNames.length - 1;
    List<String> out = new ArrayList<>();
    for (int k = 0; k < letters.length; k++) {
      int output = predict(padded, k);
      if (output == 0) {
        continue;
      }
      if (output <= phoneCount) {
        out.add(phoneNames[output]);
      } else {
        int pair = output - 1 - phoneCount;
        out.add(phoneNames[1 + pair / phoneCount]);
        out.add(phoneNames[1 + pair % phoneCount]);
      }
    }
    return out;
  }

  /** The output of the letter at {@code k}: from the most specific context seen in training. */
  private int predict(int[] padded, int k) {
    for (int s = 0; s < SHAPES.length; s++) {
      Choice choice = tables.get(s).get(key(padded, k, SHAPES[s][0], SHAPES[s][1]));
      boolean mirrored =
          s + 1 < SHAPES.length
              && SHAPES[s][0] == SHAPES[s + 1][1]
              && SHAPES[s][1] == SHAPES[s + 1][0]
              && SHAPES[s][0] != SHAPES[s][1];
      if (mirrored) {
        s++;
        Choice other = tables.get(s).get(key(padded, k, SHAPES[s][0], SHAPES[s][1]));
        if (other != null && (choice == null || other.share() > choice.share())) {
          choice = other;
        }
      }
      if (choice != null) {
        return choice.output();
      }
    }
    return 0; // a letter never seen alone cannot occur: the shape {0, 0} covers a-z
  }

  private static int[] pad(int[] word) {
    int[] padded = new int[word.length + 2 * WIDTH];
    Arrays.fill(padded, BOUNDARY);
    System.arraycopy(word, 0, padded, WIDTH, word.length);
    return padded;
  }

  /** The letter at {@code k} with {@code before} and {@code after} neighbours, 5 bits a letter. */
  private static long key(int[] padded, int k, int before, int after) {
    long key = before * (WIDTH + 1L) + after;
    for (int i = k + WIDTH - before; i <= k + WIDTH + after; i++) {
      key = key << 5 | padded[i];
    }
    return key;
  }

  /** Output id of a pair of phone ids (1-based). */
  private static int pair(int first, int second, int phoneCount) {
    return 1 + phoneCount + (first - 1) * phoneCount + (second - 1);
  }

  /** Co-occurrence: each letter is associated with every phone and pair of its word. */
  private static double[][] initial(
      List<int[]> words, List<int[]> phones, int phoneCount, int outputs) {
    double[][] counts = new double[LETTERS][outputs];
    for (int i = 0; i < words.size(); i++) {
      int[] p = phones.get(i);
      double share = 1.0 / (2 * p.length + 1);
      for (int letter : words.get(i)) {
        counts[letter][0] += share;
        for (int j = 0; j < p.length; j++) {
          counts[letter][p[j]] += share;
          if (j + 1 < p.length) {
            // Pairs start rarer: most letters emit one phone.
            counts[letter][pair(p[j], p[j + 1], phoneCount)] += share * 0.1;
          }
        }
      }
    }
    return normalise(counts, 1e-6);
  }

  private static double[][] normalise(double[][] counts, double floor) {
    double[][] logP = new double[counts.length][];
    for (int l = 0; l < counts.length; l++) {
      double total = 0;
      for (double c : counts[l]) {
        total += c;
      }
      logP[l] = new double[counts[l].length];
      for (int o = 0; o < counts[l].length; o++) {
        double c = counts[l][o] + floor * total;
        logP[l][o] = c > 0 && total > 0 ? Math.log(c / total) : Double.NEGATIVE_INFINITY;
      }
    }
    return logP;
  }

  /** The most likely alignment: the output of each letter, or null when none exists. */
  private static int[] align(int[] word, int[] phones, double[][] logP, int phoneCount) {
    int n = word.length;
    int m = phones.length;
    double[][] best = new double[n + 1][m + 1];
    int[][] from = new int[n + 1][m + 1];
    for (double[] row : best) {
      Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    best[0][0] = 0;
    for (int i = 1; i <= n; i++) {
      double[] letter = logP[word[i - 1]];
      for (int j = 0; j <= m; j++) {
        for (int take = 0; take <= 2 && take <= j; take++) {
          double prev = best[i - 1][j - take];
          if (prev == Double.NEGATIVE_INFINITY) {
            continue;
          }
          double score = prev + letter[output(phones, j, take, phoneCount)];
          if (score > best[i][j]) {
            best[i][j] = score;
            from[i][j] = take;
          }
        }
      }
    }
    if (best[n][m] == Double.NEGATIVE_INFINITY) {
      return null;
    }
    int[] out = new int[n];
    int j = m;
    for (int i = n; i >= 1; i--) {
      int take = from[i][j];
      out[i - 1] = output(phones, j, take, phoneCount);
      j -= take;
    }
    return out;
  }

  /** The output that emits the {@code take} phones ending at {@code j}. */
  private static int output(int[] phones, int j, int take, int phoneCount) {
    return switch (take) {
      case 0 -> 0;
      case 1 -> phones[j - 1];
      default -> pair(phones[j - 2], phones[j - 1], phoneCount);
    };
  }
}
