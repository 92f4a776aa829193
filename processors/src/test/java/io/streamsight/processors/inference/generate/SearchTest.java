package io.streamsight.processors.inference.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Greedy and beam search on a decoder made of probability tables (next token by last token), which
 * also checks that the search's {@code parents} describe how every row continues the one before.
 */
class SearchTest {

  private static final int V = 10;
  private static final long EOS = 0;

  /** A decoder whose next-token distribution depends on the last token only. */
  private static final class TableSteps implements DecoderSteps {
    private final Map<Long, double[]> rows = new HashMap<>();
    private final long[][] inputs;
    private long[][] previous;
    int calls;

    TableSteps(long[]... inputs) {
      this.inputs = inputs;
    }

    TableSteps row(long token, double... probabilities) {
      rows.put(token, probabilities);
      return this;
    }

    @Override
    public float[][] next(int[] parents, long[][] sequences) {
      for (int i = 0; i < sequences.length; i++) {
        long[] before = previous == null ? inputs[parents[i]] : previous[parents[i]];
        assertThat(Arrays.copyOf(sequences[i], before.length))
            .as("row %d continues row %d", i, parents[i])
            .containsExactly(before);
      }
      previous = sequences;
      calls++;
      float[][] logits = new float[sequences.length][V];
      for (int i = 0; i < sequences.length; i++) {
        double[] p = rows.getOrDefault(sequences[i][sequences[i].length - 1], one(EOS));
        for (int v = 0; v < V; v++) {
          logits[i][v] =
              v < p.length && p[v] > 0 ? (float) Math.log(p[v]) : Float.NEGATIVE_INFINITY;
        }
      }
      return logits;
    }

    /** Starts a new run: the next call is a first step again. */
    @Override
    public void close() {
      previous = null;
    }
  }

  private static double[] one(long token) {
    double[] p = new double[V];
    p[(int) token] = 1;
    return p;
  }

  private static double[] probs(Object... tokenThenProbability) {
    double[] p = new double[V];
    for (int i = 0; i < tokenThenProbability.length; i += 2) {
      p[(Integer) tokenThenProbability[i]] = (Double) tokenThenProbability[i + 1];
    }
    return p;
  }

  private static List<Generated> run(
      TableSteps steps, SearchSettings settings, Set<Long> eos, long[]... prompts) {
    try (steps) {
      return Search.generate(steps, prompts, settings, eos, LogitsProcessor.NONE);
    }
  }

  @Test
  void shouldTakeTheLikeliestTokenPerRowAndDropFinishedRows() {
    // 1 → 2 → 3 → end; 4 → end; 5 → 6 → end.
    TableSteps steps =
        new TableSteps(new long[] {1}, new long[] {4}, new long[] {5})
            .row(1, probs(2, .7, 3, .3))
            .row(2, probs(3, .9, 0, .1))
            .row(3, probs(0, .8, 2, .2))
            .row(4, probs(0, .6, 1, .4))
            .row(5, probs(6, 1.0))
            .row(6, probs(0, 1.0));

    List<Generated> out =
        run(
            steps,
            SearchSettings.greedy(10),
            Set.of(EOS),
            new long[] {1},
            new long[] {4},
            new long[] {5});

    assertThat(out.get(0).tokens()).containsExactly(2, 3, 0);
    assertThat(out.get(1).tokens()).containsExactly(0);
    assertThat(out.get(2).tokens()).containsExactly(6, 0);
    assertThat(out.get(0).text()).containsExactly(2, 3);
    assertThat(out).allMatch(Generated::finished);
    assertThat(out.get(0).logProbs())
        .containsExactly((float) Math.log(.7), (float) Math.log(.9), (float) Math.log(.8));
    assertThat(out.get(0).confidence())
        .isCloseTo(Math.cbrt(.7 * .9 * .8), org.assertj.core.api.Assertions.within(1e-6));
    assertThat(steps.calls).isEqualTo(3);
  }

  @Test
  void shouldStopAtTheMaximumNumberOfNewTokensUnfinished() {
    TableSteps steps = new TableSteps(new long[] {1}).row(1, probs(1, 1.0));

    Generated out = run(steps, SearchSettings.greedy(4), Set.of(EOS), new long[] {1}).get(0);

    assertThat(out.tokens()).containsExactly(1, 1, 1, 1);
    assertThat(out.finished()).isFalse();
    assertThat(out.text()).hasSize(4);
  }

  @Test
  void shouldFindTheSequenceGreedySearchMisses() {
    // Greedy: 2 (.6) then end (.3); beam: 3 (.4) then 4 (1.0) then end (1.0).
    TableSteps steps =
        new TableSteps(new long[] {1}, new long[] {1})
            .row(1, probs(2, .6, 3, .4))
            .row(2, probs(0, .3, 5, .35, 6, .35))
            .row(3, probs(4, 1.0))
            .row(4, probs(0, 1.0));
    SearchSettings beams = SearchSettings.greedy(10).withBeams(2);

    assertThat(run(steps, SearchSettings.greedy(10), Set.of(EOS), new long[] {1}).get(0).tokens())
        .containsExactly(2, 5, 0);
    List<Generated> out = run(steps, beams, Set.of(EOS), new long[] {1}, new long[] {1});
    assertThat(out).extracting(g -> Arrays.toString(g.tokens())).containsOnly("[3, 4, 0]");
    assertThat(out.get(0).score())
        .isCloseTo(Math.log(.4) / 3, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void shouldFavourLongerSequencesWithAPositiveLengthPenalty() {
    TableSteps steps =
        new TableSteps(new long[] {1})
            .row(1, probs(0, .4, 2, .6))
            .row(2, probs(3, 1.0))
            .row(3, probs(0, .5, 6, .5))
            .row(6, probs(0, 1.0));
    SearchSettings beams = SearchSettings.greedy(10).withBeams(2);

    Generated neutral = run(steps, withPenalty(beams, 0), Set.of(EOS), new long[] {1}).get(0);
    Generated longer = run(steps, withPenalty(beams, 1), Set.of(EOS), new long[] {1}).get(0);

    assertThat(neutral.tokens()).containsExactly(0);
    assertThat(longer.tokens()).containsExactly(2, 3, 6, 0);
  }

  @Test
  void shouldStopBeamSearchByEachEarlyStoppingRule() {
    // Two ends at once (.45 and .35, ids 0 and 9), or the long way: 2 (.2), 3 (.55), then certain.
    TableSteps steps =
        new TableSteps(new long[] {1})
            .row(1, probs(0, .45, 9, .35, 2, .2))
            .row(2, probs(3, .55, 0, .45))
            .row(3, probs(4, 1.0))
            .row(4, probs(5, 1.0))
            .row(5, probs(0, 1.0));
    Set<Long> ends = Set.of(EOS, 9L);
    SearchSettings beams = SearchSettings.greedy(10).withBeams(2);

    // After step 2 the long way scores (ln .2 + ln .55) / 2 = -1.10, below the worst end (-1.05).
    assertThat(
            run(steps, withStopping(beams, EarlyStopping.HEURISTIC), ends, new long[] {1})
                .get(0)
                .tokens())
        .containsExactly(0);
    assertThat(
            run(steps, withStopping(beams, EarlyStopping.EARLY), ends, new long[] {1})
                .get(0)
                .tokens())
        .containsExactly(0);
    // "never" compares at the maximum length (10), where it could still win, and it does: -0.44.
    assertThat(
            run(steps, withStopping(beams, EarlyStopping.NEVER), ends, new long[] {1})
                .get(0)
                .tokens())
        .containsExactly(2, 3, 4, 5, 0);
  }

  @Test
  void shouldApplyLogitsProcessorsBeforeChoosing() {
    TableSteps steps =
        new TableSteps(new long[] {1})
            .row(1, probs(2, .5, 3, .3, 0, .2))
            .row(2, probs(2, .6, 0, .4))
            .row(3, probs(2, .9, 0, .1));

    long[] suppressed =
        Search.generate(
                steps,
                new long[][] {{1}},
                SearchSettings.greedy(10),
                Set.of(EOS),
                LogitsProcessor.chain(
                    List.of(
                        LogitsProcessor.suppressAtBegin(new long[] {2}),
                        LogitsProcessor.noRepeatNgram(1))))
            .get(0)
            .tokens();

    // Not 2 first (begin-suppressed): 3; then 2; then not 2 again (no repeated 1-gram): end.
    assertThat(suppressed).containsExactly(3, 2, 0);
  }

  @Test
  void shouldForceTokensAtPositionsAndSuppressOthers() {
    float[] logits = {1, 2, 3, 4};
    LogitsProcessor.forceAt(Map.of(2, 0L)).process(new long[] {5, 6}, 1, logits);
    assertThat(logits)
        .containsExactly(
            0f, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);

    float[] other = {1, 2, 3, 4};
    LogitsProcessor.suppress(new long[] {3, 99}).process(new long[] {5}, 1, other);
    assertThat(other).containsExactly(1f, 2f, 3f, Float.NEGATIVE_INFINITY);
  }

  private static SearchSettings withPenalty(SearchSettings s, double penalty) {
    return new SearchSettings(s.numBeams(), s.maxNewTokens(), penalty, s.earlyStopping(), true);
  }

  private static SearchSettings withStopping(SearchSettings s, EarlyStopping rule) {
    return new SearchSettings(s.numBeams(), s.maxNewTokens(), s.lengthPenalty(), rule, true);
  }
}
