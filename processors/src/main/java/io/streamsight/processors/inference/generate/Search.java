package io.streamsight.processors.inference.generate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Greedy and beam search over a {@link DecoderSteps}, for a batch of prompts at once, with the
 * semantics of {@code transformers}' {@code generate}: logits processors before choosing, beam
 * scores as summed log-probabilities divided by {@code generatedLength^lengthPenalty} (the
 * end-of-sequence token counted), end-of-sequence candidates accepted only among the best {@code
 * numBeams}, and the three early-stopping rules.
 *
 * <p>Rows whose sequence (greedy) or whose every beam (beam search) is finished leave the batch, so
 * the decoder runs on fewer rows as sequences end.
 */
public final class Search {

  private Search() {}

  /**
   * Generates one sequence per prompt.
   *
   * @param prompts the decoder prompts, one per encoded input, all of one length
   * @param eos tokens that end a sequence
   * @return one result per prompt, in order
   */
  public static List<Generated> generate(
      DecoderSteps steps,
      long[][] prompts,
      SearchSettings settings,
      Set<Long> eos,
      LogitsProcessor processor) {
    requireNonNull(steps, "steps");
    requireNonNull(settings, "settings");
    requireNonNull(eos, "eos");
    requireNonNull(processor, "processor");
    if (prompts.length == 0) {
      return List.of();
    }
    int promptLength = prompts[0].length;
    for (long[] prompt : prompts) {
      if (prompt.length != promptLength || prompt.length == 0) {
        throw new IllegalArgumentException("prompts must be non-empty and of one length");
      }
    }
    return settings.numBeams() == 1
        ? greedy(steps, prompts, settings.maxNewTokens(), eos, processor)
        : beam(steps, prompts, settings, eos, processor);
  }

  private static List<Generated> greedy(
      DecoderSteps steps,
      long[][] prompts,
      int maxNewTokens,
      Set<Long> eos,
      LogitsProcessor processor) {
    int n = prompts.length;
    int promptLength = prompts[0].length;
    long[][] sequences = new long[n][];
    float[][] logProbs = new float[n][0];
    boolean[] finished = new boolean[n];
    for (int i = 0; i < n; i++) {
      sequences[i] = prompts[i].clone();
    }
    int[] active = identity(n);
    int[] parents = identity(n);
    while (active.length > 0) {
      long[][] rows = new long[active.length][];
      for (int j = 0; j < active.length; j++) {
        rows[j] = sequences[active[j]];
      }
      float[][] logits = steps.next(parents, rows);
      int[] stillActive = new int[active.length];
      int[] nextParents = new int[active.length];
      int kept = 0;
      for (int j = 0; j < active.length; j++) {
        int item = active[j];
        float[] row = logits[j];
        processor.process(sequences[item], promptLength, row);
        int token = argmax(row);
        if (row[token] == Float.NEGATIVE_INFINITY) {
          continue; // every token forbidden: stop here, unfinished
        }
        float logProb = (float) (row[token] - logSumExp(row));
        sequences[item] = append(sequences[item], token);
        logProbs[item] = append(logProbs[item], logProb);
        if (eos.contains((long) token)) {
          finished[item] = true;
        } else if (sequences[item].length - promptLength < maxNewTokens) {
          stillActive[kept] = item;
          nextParents[kept] = j;
          kept++;
        }
      }
      active = Arrays.copyOf(stillActive, kept);
      parents = Arrays.copyOf(nextParents, kept);
    }
    List<Generated> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long[] generated = Arrays.copyOfRange(sequences[i], promptLength, sequences[i].length);
      double sum = 0;
      for (float p : logProbs[i]) {
        sum += p;
      }
      out.add(new Generated(generated, logProbs[i], sum, finished[i]));
    }
    return out;
  }

  /** A beam: its sequence, per-token log-probabilities and their sum. */
  @SuppressWarnings("ArrayRecordComponent") // internal, never compared
  private record Beam(long[] sequence, float[] logProbs, double score) {}

  /** A candidate extension of a beam. */
  private record Candidate(int beam, int token, double score) {}

  private static List<Generated> beam(
      DecoderSteps steps,
      long[][] prompts,
      SearchSettings settings,
      Set<Long> eos,
      LogitsProcessor processor) {
    int n = prompts.length;
    int k = settings.numBeams();
    int promptLength = prompts[0].length;
    Hypotheses[] hypotheses = new Hypotheses[n];
    List<List<Beam>> beams = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hypotheses[i] = new Hypotheses(k, settings, promptLength);
      List<Beam> start = new ArrayList<>();
      for (int b = 0; b < k; b++) {
        // Only the first beam is live at the start, so the first step does not pick k copies.
        start.add(new Beam(prompts[i].clone(), new float[0], b == 0 ? 0 : -1e9));
      }
      beams.add(start);
    }
    int[] active = identity(n);
    int[] parents = new int[n * k];
    for (int r = 0; r < parents.length; r++) {
      parents[r] = r / k;
    }
    while (active.length > 0) {
      long[][] rows = new long[active.length * k][];
      for (int a = 0; a < active.length; a++) {
        for (int b = 0; b < k; b++) {
          rows[a * k + b] = beams.get(active[a]).get(b).sequence();
        }
      }
      float[][] logits = steps.next(parents, rows);
      int generatedLength = rows[0].length + 1 - promptLength;
      List<Integer> stillActive = new ArrayList<>();
      List<Integer> nextParents = new ArrayList<>();
      for (int a = 0; a < active.length; a++) {
        int item = active[a];
        List<Beam> current = beams.get(item);
        float[][] logProbs = new float[k][];
        for (int b = 0; b < k; b++) {
          float[] row = logits[a * k + b];
          processor.process(current.get(b).sequence(), promptLength, row);
          logProbs[b] = logSoftmax(row);
        }
        List<Candidate> top = topCandidates(current, logProbs, 2 * k);
        List<Beam> next = new ArrayList<>(k);
        List<Integer> nextRows = new ArrayList<>(k);
        for (int rank = 0; rank < top.size() && next.size() < k; rank++) {
          Candidate c = top.get(rank);
          Beam parent = current.get(c.beam());
          Beam extended =
              new Beam(
                  append(parent.sequence(), c.token()),
                  append(parent.logProbs(), logProbs[c.beam()][c.token()]),
                  c.score());
          if (eos.contains((long) c.token())) {
            if (rank < k) {
              hypotheses[item].add(extended, generatedLength, true);
            }
          } else {
            next.add(extended);
            nextRows.add(a * k + c.beam());
          }
        }
        double best = top.isEmpty() ? Double.NEGATIVE_INFINITY : top.get(0).score();
        boolean done = next.isEmpty() || hypotheses[item].isDone(best, generatedLength);
        if (!done && generatedLength >= settings.maxNewTokens()) {
          for (Beam b : next) {
            hypotheses[item].add(b, generatedLength, false);
          }
          done = true;
        }
        if (done) {
          continue;
        }
        while (next.size() < k) {
          // Fewer live candidates than beams (most tokens forbidden): pad with dead copies.
          Beam first = next.get(0);
          next.add(new Beam(first.sequence(), first.logProbs(), Double.NEGATIVE_INFINITY));
          nextRows.add(nextRows.get(0));
        }
        beams.set(item, next);
        stillActive.add(item);
        nextParents.addAll(nextRows);
      }
      active = stillActive.stream().mapToInt(Integer::intValue).toArray();
      parents = nextParents.stream().mapToInt(Integer::intValue).toArray();
    }
    List<Generated> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(hypotheses[i].best());
    }
    return out;
  }

  /**
   * The {@code count} best (beam, token) pairs by summed score, best first; ties keep the earlier
   * beam and token first. Forbidden ({@code -∞}) pairs are never candidates.
   */
  private static List<Candidate> topCandidates(List<Beam> beams, float[][] logProbs, int count) {
    double[] scores = new double[count];
    int[] beamOf = new int[count];
    int[] tokenOf = new int[count];
    int filled = 0;
    for (int b = 0; b < beams.size(); b++) {
      double base = beams.get(b).score();
      float[] row = logProbs[b];
      for (int v = 0; v < row.length; v++) {
        double s = base + row[v];
        if (s == Double.NEGATIVE_INFINITY || (filled == count && s <= scores[count - 1])) {
          continue;
        }
        int at = Math.min(filled, count - 1);
        while (at > 0 && scores[at - 1] < s) {
          scores[at] = scores[at - 1];
          beamOf[at] = beamOf[at - 1];
          tokenOf[at] = tokenOf[at - 1];
          at--;
        }
        scores[at] = s;
        beamOf[at] = b;
        tokenOf[at] = v;
        filled = Math.min(count, filled + 1);
      }
    }
    List<Candidate> out = new ArrayList<>(filled);
    for (int i = 0; i < filled; i++) {
      out.add(new Candidate(beamOf[i], tokenOf[i], scores[i]));
    }
    return out;
  }

  /** The finished candidates of one input (transformers' {@code BeamHypotheses}). */
  private static final class Hypotheses {
    private final int size;
    private final SearchSettings settings;
    private final int promptLength;
    private final List<Generated> kept = new ArrayList<>();
    private double worst = 1e9;

    Hypotheses(int size, SearchSettings settings, int promptLength) {
      this.size = size;
      this.settings = settings;
      this.promptLength = promptLength;
    }

    void add(Beam beam, int generatedLength, boolean finished) {
      double score = beam.score() / Math.pow(generatedLength, settings.lengthPenalty());
      if (kept.size() < size || score > worst) {
        long[] generated =
            Arrays.copyOfRange(beam.sequence(), promptLength, beam.sequence().length);
        kept.add(new Generated(generated, beam.logProbs(), score, finished));
        if (kept.size() > size) {
          int worstAt = 0;
          for (int i = 1; i < kept.size(); i++) {
            if (kept.get(i).score() < kept.get(worstAt).score()) {
              worstAt = i;
            }
          }
          kept.remove(worstAt);
          worst = kept.stream().mapToDouble(Generated::score).min().orElse(1e9);
        } else {
          worst = Math.min(score, worst);
        }
      }
    }

    boolean isDone(double bestRunningSum, int generatedLength) {
      if (kept.size() < size) {
        return false;
      }
      double penalty = settings.lengthPenalty();
      return switch (settings.earlyStopping()) {
        case EARLY -> true;
        case HEURISTIC -> worst >= bestRunningSum / Math.pow(generatedLength, penalty);
        case NEVER ->
            worst
                >= bestRunningSum
                    / Math.pow(penalty > 0 ? settings.maxNewTokens() : generatedLength, penalty);
      };
    }

    Generated best() {
      Generated best = null;
      for (Generated g : kept) {
        if (best == null || g.score() > best.score()) {
          best = g;
        }
      }
      return best != null ? best : new Generated(new long[0], new float[0], 0, false);
    }
  }

  static int argmax(float[] row) {
    int best = 0;
    for (int v = 1; v < row.length; v++) {
      if (row[v] > row[best]) {
        best = v;
      }
    }
    return best;
  }

  static double logSumExp(float[] row) {
    float max = Float.NEGATIVE_INFINITY;
    for (float x : row) {
      max = Math.max(max, x);
    }
    if (max == Float.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double sum = 0;
    for (float x : row) {
      sum += Math.exp(x - max);
    }
    return max + Math.log(sum);
  }

  static float[] logSoftmax(float[] row) {
    double lse = logSumExp(row);
    float[] out = new float[row.length];
    for (int v = 0; v < row.length; v++) {
      out[v] = (float) (row[v] - lse);
    }
    return out;
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static long[] append(long[] a, long v) {
    long[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }

  private static float[] append(float[] a, float v) {
    float[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }
}
