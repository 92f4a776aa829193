package io.streamsight.processors.inference.generate;

import static io.streamsight.models.onnx.ElementType.BOOL;
import static io.streamsight.models.onnx.ElementType.FLOAT;
import static io.streamsight.models.onnx.ElementType.INT64;

import io.streamsight.models.onnx.OnnxGraph;
import io.streamsight.models.onnx.OnnxModel;
import io.streamsight.models.onnx.TensorData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Tiny decoders in the input/output layout of Hugging Face Optimum exports, whose logits are set by
 * tables, so a test knows what greedy and beam search must produce.
 *
 * <p>The logits of a position are the sum of three terms:
 *
 * <ul>
 *   <li>a table row chosen by the current token ({@code token → state → row}): a bigram model;
 *   <li>the pooled encoder output times a projection (mean over the encoder sequence for the GPT-2
 *       style, max for the Whisper style): what the input (image, audio) says;
 *   <li>the sum of the embeddings of every token so far times a history matrix: what was said
 *       before, which only a correctly fed, reordered and indexed key/value cache preserves.
 * </ul>
 *
 * <p>The cache holds the token embeddings: layer {@code l}'s key is the embedding times a
 * permutation {@code R_l} (identity, then reversed), its value the negated key, and the history
 * term undoes both, so feeding a layer's key as another layer's, or a key as a value, changes the
 * answer. The with-past decoder appends the new token's key to the past; the merged decoder
 * multiplies the past by {@code use_cache_branch} first (so a wrong branch loses the history). In
 * the Whisper style the encoder output is also cached ({@code present.N.encoder.*}) and the
 * with-past decoder reads it from there instead of taking {@code encoder_hidden_states}.
 */
public final class TinyDecoder {

  /** Names and cache layout of the export. */
  public enum Style {
    /** {@code past_key_values.N.key}; {@code encoder_hidden_states} at every step (ViT-GPT2). */
    GPT2,
    /** {@code past_key_values.N.decoder.key} and {@code .encoder.key} (Whisper, BART). */
    WHISPER
  }

  public static final int HEADS = 2;
  public static final int HEAD_SIZE = 2;
  public static final int DK = HEADS * HEAD_SIZE;
  public static final int LAYERS = 2;

  /** A logit low enough to never win, high enough to stay finite after additions. */
  public static final float NEG = -1e4f;

  private TinyDecoder() {}

  /** The tables behind the logits. */
  public static final class Tables {
    final int vocab;
    final int states;
    final int encoderDim;
    final int[] stateOf;
    final float[] stateLogits;
    final float[] embedding;
    final float[] history;
    final float[] projection;

    /**
     * @param vocab logits per position
     * @param states table rows; state 0 is every token not given another
     * @param encoderDim the encoder's hidden size (must be {@link #DK} for the Whisper style)
     */
    public Tables(int vocab, int states, int encoderDim) {
      this.vocab = vocab;
      this.states = states;
      this.encoderDim = encoderDim;
      this.stateOf = new int[vocab];
      this.stateLogits = new float[states * vocab];
      Arrays.fill(stateLogits, NEG);
      this.embedding = new float[vocab * DK];
      this.history = new float[DK * vocab];
      this.projection = new float[encoderDim * vocab];
    }

    /** Token {@code token}, as the current token, selects row {@code state}. */
    public Tables state(int token, int state) {
      stateOf[token] = state;
      return this;
    }

    /** Row {@code state} gives {@code token} this logit (others stay at {@link #NEG}). */
    public Tables logit(int state, int token, double value) {
      stateLogits[state * vocab + token] = (float) value;
      return this;
    }

    /** Row {@code state} gives {@code token} the logit {@code ln p}. */
    public Tables prob(int state, int token, double p) {
      return logit(state, token, Math.log(p));
    }

    /** Dimension {@code dim} of {@code token}'s embedding (its history feature). */
    public Tables embed(int token, int dim, float value) {
      embedding[token * DK + dim] = value;
      return this;
    }

    /** History feature {@code dim} adds {@code value} per occurrence to {@code token}'s logit. */
    public Tables history(int dim, int token, float value) {
      history[dim * vocab + token] = value;
      return this;
    }

    /** Pooled encoder dimension {@code dim} adds {@code value} times itself to a token's logit. */
    public Tables project(int dim, int token, float value) {
      projection[dim * vocab + token] = value;
      return this;
    }
  }

  /**
   * A decoder file.
   *
   * @param past whether it takes {@code past_key_values.*} (with-past or merged)
   * @param merged whether it is a merged decoder ({@code use_cache_branch}; implies {@code past})
   */
  public static OnnxModel decoder(Tables t, Style style, boolean past, boolean merged) {
    Builder b = new Builder(t, style, past || merged, merged);
    return b.build();
  }

  private static final class Builder {
    private final Tables t;
    private final Style style;
    private final boolean past;
    private final boolean merged;
    private final OnnxGraph.Builder g;
    private final List<String> logitTerms = new ArrayList<>();
    private int counter;

    Builder(Tables t, Style style, boolean past, boolean merged) {
      this.t = t;
      this.style = style;
      this.past = past;
      this.merged = merged;
      String name = merged ? "decoder_merged" : past ? "decoder_with_past" : "decoder";
      this.g = OnnxGraph.builder("tiny_" + name);
    }

    private String tmp(String base) {
      return base + "_" + counter++;
    }

    private String node(String op, List<String> in, Map<String, ?> attrs) {
      String out = tmp(op.toLowerCase(java.util.Locale.ROOT));
      g.node(op, in, List.of(out), attrs);
      return out;
    }

    private String node(String op, String... in) {
      return node(op, List.of(in), Map.of());
    }

    private void named(String op, List<String> in, String out, Map<String, ?> attrs) {
      g.node(op, in, List.of(out), attrs);
    }

    private String selfName(String kind, int layer, String kv) {
      return kind + "." + layer + (style == Style.WHISPER ? ".decoder." : ".") + kv;
    }

    private boolean takesEncoderStates() {
      // Whisper's with-past decoder reads the encoder from its cache.
      return style == Style.GPT2 || !past || merged;
    }

    OnnxModel build() {
      int v = t.vocab;
      g.input("input_ids", INT64, "batch", "sequence");
      if (takesEncoderStates()) {
        g.input("encoder_hidden_states", FLOAT, "batch", "encoder_sequence", t.encoderDim);
      }
      if (merged) {
        g.input("use_cache_branch", BOOL, 1);
      }
      if (past) {
        for (int l = 0; l < LAYERS; l++) {
          for (String kv : List.of("key", "value")) {
            g.input(selfName("past_key_values", l, kv), FLOAT, "batch", HEADS, "past", HEAD_SIZE);
          }
          if (style == Style.WHISPER) {
            for (String kv : List.of("key", "value")) {
              g.input(
                  "past_key_values." + l + ".encoder." + kv,
                  FLOAT,
                  "batch",
                  HEADS,
                  "encoder_sequence_out",
                  HEAD_SIZE);
            }
          }
        }
      }
      float[] oneHot = new float[v * t.states];
      for (int token = 0; token < v; token++) {
        oneHot[token * t.states + t.stateOf[token]] = 1f;
      }
      g.initializer("state_one_hot", FLOAT, new int[] {v, t.states}, oneHot);
      g.initializer("state_logits", FLOAT, new int[] {t.states, v}, t.stateLogits);
      g.initializer("embedding", FLOAT, new int[] {v, DK}, t.embedding);
      g.initializer("projection", FLOAT, new int[] {t.encoderDim, v}, t.projection);
      g.initializer("shape4", INT64, new int[] {4}, new long[] {0, 0, HEADS, HEAD_SIZE});
      g.initializer("shape3", INT64, new int[] {3}, new long[] {0, 0, DK});
      g.initializer("half", FLOAT, new int[] {}, new float[] {0.5f});
      g.initializer("axis2", INT64, new int[] {}, new long[] {2});
      g.initializer("axes2", INT64, new int[] {1}, new long[] {2});
      g.initializer("zero1", INT64, new int[] {1}, new long[] {0});
      g.initializer("one1", INT64, new int[] {1}, new long[] {1});
      g.initializer("end1", INT64, new int[] {1}, new long[] {Long.MAX_VALUE});
      for (int l = 0; l < LAYERS; l++) {
        float[] r = permutation(l);
        g.initializer("r" + l, FLOAT, new int[] {DK, DK}, r);
        g.initializer("h" + l, FLOAT, new int[] {DK, v}, historyFor(r));
        g.initializer("rt" + l, FLOAT, new int[] {DK, DK}, scaledTranspose(r));
      }

      // Bigram table.
      String states = node("Gather", "state_one_hot", "input_ids");
      logitTerms.add(node("MatMul", states, "state_logits"));
      // -t for slicing the last t positions, t = input_ids.shape[1].
      String idShape = node("Shape", "input_ids");
      String count = node("Gather", List.of(idShape, "one1"), Map.of("axis", 0));
      String negCount = node("Neg", count);
      String flag = merged ? node("Cast", List.of("use_cache_branch"), Map.of("to", 1)) : null;

      String embedding = node("Gather", "embedding", "input_ids");
      for (int l = 0; l < LAYERS; l++) {
        String key =
            node(
                "Transpose",
                List.of(node("Reshape", node("MatMul", embedding, "r" + l), "shape4")),
                Map.of("perm", new long[] {0, 2, 1, 3}));
        String value = node("Neg", key);
        String presentKey = selfName("present", l, "key");
        String presentValue = selfName("present", l, "value");
        if (past) {
          String pastKey = selfName("past_key_values", l, "key");
          String pastValue = selfName("past_key_values", l, "value");
          if (merged) {
            pastKey = node("Mul", pastKey, flag);
            pastValue = node("Mul", pastValue, flag);
          }
          named("Concat", List.of(pastKey, key), presentKey, Map.of("axis", 2));
          named("Concat", List.of(pastValue, value), presentValue, Map.of("axis", 2));
        } else {
          named("Identity", List.of(key), presentKey, Map.of());
          named("Identity", List.of(value), presentValue, Map.of());
        }
        g.output(presentKey, FLOAT, "batch", HEADS, "total", HEAD_SIZE);
        g.output(presentValue, FLOAT, "batch", HEADS, "total", HEAD_SIZE);
        // History: (cumsum(key) - cumsum(value)) / 2 over the whole sequence, last t positions.
        String diff =
            node(
                "Mul",
                node(
                    "Sub",
                    node("CumSum", presentKey, "axis2"),
                    node("CumSum", presentValue, "axis2")),
                "half");
        String last = node("Slice", diff, negCount, "end1", "axes2");
        String flat =
            node(
                "Reshape",
                node("Transpose", List.of(last), Map.of("perm", new long[] {0, 2, 1, 3})),
                "shape3");
        logitTerms.add(node("MatMul", flat, "h" + l));
      }
      logitTerms.add(node("MatMul", pooledEncoder(flag), "projection"));

      String logits = logitTerms.get(0);
      for (int i = 1; i < logitTerms.size(); i++) {
        String sum = i == logitTerms.size() - 1 ? "logits" : tmp("sum");
        named("Add", List.of(logits, logitTerms.get(i)), sum, Map.of());
        logits = sum;
      }
      g.output("logits", FLOAT, "batch", "sequence", v);
      return g.build();
    }

    /** The encoder output pooled over its sequence: {@code [batch, 1, encoderDim]}. */
    private String pooledEncoder(String flag) {
      if (style == Style.GPT2) {
        return node("ReduceMean", List.of("encoder_hidden_states"), Map.of("axes", new long[] {1}));
      }
      String pooled = null;
      String encoderLength = null;
      if (takesEncoderStates()) {
        String encShape = node("Shape", "encoder_hidden_states");
        encoderLength = node("Gather", List.of(encShape, "one1"), Map.of("axis", 0));
      }
      for (int l = 0; l < LAYERS; l++) {
        String key;
        String value;
        if (takesEncoderStates()) {
          String fresh =
              node(
                  "Transpose",
                  List.of(
                      node("Reshape", node("MatMul", "encoder_hidden_states", "r" + l), "shape4")),
                  Map.of("perm", new long[] {0, 2, 1, 3}));
          String freshValue = node("Neg", fresh);
          key = "present." + l + ".encoder.key";
          value = "present." + l + ".encoder.value";
          if (merged) {
            // The cache branch keeps the cached encoder keys: concatenate, keep the first S.
            String pastKey = node("Mul", "past_key_values." + l + ".encoder.key", flag);
            String pastValue = node("Mul", "past_key_values." + l + ".encoder.value", flag);
            named(
                "Slice",
                List.of(
                    node("Concat", List.of(pastKey, fresh), Map.of("axis", 2)),
                    "zero1",
                    encoderLength,
                    "axes2"),
                key,
                Map.of());
            named(
                "Slice",
                List.of(
                    node("Concat", List.of(pastValue, freshValue), Map.of("axis", 2)),
                    "zero1",
                    encoderLength,
                    "axes2"),
                value,
                Map.of());
          } else {
            named("Identity", List.of(fresh), key, Map.of());
            named("Identity", List.of(freshValue), value, Map.of());
          }
          g.output(key, FLOAT, "batch", HEADS, "encoder_sequence_out", HEAD_SIZE);
          g.output(value, FLOAT, "batch", HEADS, "encoder_sequence_out", HEAD_SIZE);
        } else {
          key = "past_key_values." + l + ".encoder.key";
          value = "past_key_values." + l + ".encoder.value";
        }
        String max = node("ReduceMax", List.of(key), Map.of("axes", new long[] {2}));
        String min = node("ReduceMin", List.of(value), Map.of("axes", new long[] {2}));
        String mid = node("Mul", node("Sub", max, min), "half");
        String flat =
            node(
                "Reshape",
                node("Transpose", List.of(mid), Map.of("perm", new long[] {0, 2, 1, 3})),
                "shape3");
        String back = node("MatMul", flat, "rt" + l);
        pooled = pooled == null ? back : node("Add", pooled, back);
      }
      return pooled;
    }

    /** Layer 0: identity; layer 1: the reversed order. */
    private static float[] permutation(int layer) {
      float[] r = new float[DK * DK];
      for (int i = 0; i < DK; i++) {
        int j = layer == 0 ? i : DK - 1 - i;
        r[i * DK + j] = 1f;
      }
      return r;
    }

    /** {@code R^T · H / LAYERS}, so the layers' history terms add up to {@code sum(emb) · H}. */
    private float[] historyFor(float[] r) {
      int v = t.vocab;
      float[] out = new float[DK * v];
      for (int i = 0; i < DK; i++) {
        for (int k = 0; k < DK; k++) {
          float rki = r[k * DK + i];
          if (rki == 0f) {
            continue;
          }
          for (int token = 0; token < v; token++) {
            out[i * v + token] += rki * t.history[k * v + token] / LAYERS;
          }
        }
      }
      return out;
    }

    private static float[] scaledTranspose(float[] r) {
      float[] out = new float[DK * DK];
      for (int i = 0; i < DK; i++) {
        for (int j = 0; j < DK; j++) {
          out[j * DK + i] = r[i * DK + j] / LAYERS;
        }
      }
      return out;
    }
  }

  /** A scalar or small initializer helper for callers building encoders. */
  static TensorData longs(long... values) {
    return TensorData.longs(new int[] {values.length}, values);
  }
}
