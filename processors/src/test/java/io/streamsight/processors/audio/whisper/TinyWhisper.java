package io.streamsight.processors.audio.whisper;

import static io.streamsight.models.onnx.ElementType.FLOAT;
import static io.streamsight.models.onnx.ElementType.INT64;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsight.models.onnx.OnnxGraph;
import io.streamsight.models.onnx.OnnxModel;
import io.streamsight.processors.inference.generate.TinyDecoder;
import io.streamsight.processors.inference.generate.TinyExport;
import io.streamsight.processors.inference.generate.TinyTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tiny multilingual Whisper in Optimum's folder layout ({@code input_features [batch, 80, 3000]},
 * Whisper's special tokens, 1501 timestamp tokens), whose transcripts are known.
 *
 * <p>The encoder halves the frames (as Whisper's strided convolution does) and projects each
 * frame's 80 mel values onto two features: the mel band of 440 Hz and that of 1000 Hz, each minus
 * the mean of all bands. The decoder max-pools them over time from its cross-attention cache. So:
 *
 * <ul>
 *   <li>a 440 Hz tone: language {@code en}; {@value #HELLO_TEXT}; with timestamps, segments
 *       0.40–1.00 "hello" and 1.10–1.20 "world" ({@code <|0.40|> hello<|1.00|><|1.10|>
 *       world<|1.20|>}), which only the timestamp rules give: unconstrained, the model would start
 *       with text, go back to <|0.20|>, follow a lone <|1.00|> with text and end without a closing
 *       timestamp;
 *   <li>a 1000 Hz tone: language {@code fr}; {@value #BONJOUR_TEXT}; with timestamps 0.40–0.80;
 *   <li>silence: {@value #SILENCE_TEXT}, because {@code begin_suppress_tokens} forbids the end of
 *       text and the space as first tokens (the model's own first choices).
 * </ul>
 *
 * After "world" the model prefers {@value #SUPPRESSED} (p=.6) to the end; it is in {@code
 * suppress_tokens}. Whether timestamps are on is known to the decoder only through its history
 * ({@code <|notimestamps|>} in the prompt, through the cache).
 */
public final class TinyWhisper {

  public static final String HELLO_TEXT = "hello world";
  public static final String BONJOUR_TEXT = "bonjour";
  public static final String SILENCE_TEXT = "um";
  public static final String SUPPRESSED = " la";
  public static final int FEATURES = 80;
  public static final int FRAMES = 3000;

  private TinyWhisper() {}

  /** Writes the whole folder; {@code generation} may alter the generation config first. */
  public static Path write(Path folder, TinyExport.Layout layout, Consumer<ObjectNode> generation) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TinyTokenizer tok = new TinyTokenizer();
    int hello = tok.word(" hello");
    int world = tok.word(" world");
    int bonjour = tok.word(" bonjour");
    int um = tok.word(" um");
    int la = tok.word(SUPPRESSED);
    int eot = tok.added("<|endoftext|>", true);
    int sot = tok.added("<|startoftranscript|>", true);
    int en = tok.added("<|en|>", true);
    int fr = tok.added("<|fr|>", true);
    int translate = tok.added("<|translate|>", true);
    int transcribe = tok.added("<|transcribe|>", true);
    tok.added("<|startoflm|>", true);
    tok.added("<|startofprev|>", true);
    tok.added("<|nospeech|>", true);
    int nots = tok.added("<|notimestamps|>", true);
    int ts0 = -1;
    for (int i = 0; i <= 1500; i++) {
      int id = tok.added(String.format(Locale.ROOT, "<|%.2f|>", i * 0.02), false);
      ts0 = i == 0 ? id : ts0;
    }
    int ts020 = ts0 + 10;
    int ts040 = ts0 + 20;
    int ts080 = ts0 + 40;
    int ts100 = ts0 + 50;
    int ts110 = ts0 + 55;
    int ts120 = ts0 + 60;
    int ts122 = ts0 + 61;
    int ts124 = ts0 + 62;
    int ts200 = ts0 + 100;
    int space = ' ';
    tok.writeTo(folder);

    TinyDecoder.Tables t = new TinyDecoder.Tables(tok.size(), 14, TinyDecoder.DK);
    t.prob(0, eot, 1);
    t.state(sot, 1).logit(1, en, 0.1).logit(1, fr, 0);
    // Timestamp mode starts here: text and <|2.00|> are likelier, the rules allow neither.
    t.state(transcribe, 2)
        .logit(2, hello, 0)
        .logit(2, bonjour, 0)
        .logit(2, ts040, 0)
        .logit(2, ts200, 1);
    t.state(nots, 3)
        .logit(3, eot, 2)
        .logit(3, space, 1)
        .logit(3, um, 0.5)
        .logit(3, hello, 0)
        .logit(3, bonjour, 0);
    t.state(ts040, 4).logit(4, hello, 0).logit(4, bonjour, 0).logit(4, um, -1);
    // <|0.20|> would go back in time: only <|1.00|> is allowed.
    t.state(hello, 5).logit(5, world, 0).logit(5, ts100, 20).logit(5, ts020, 21);
    // A lone timestamp after text must be followed by another: <|1.10|>, not " world".
    t.state(ts100, 6).prob(6, world, .6).prob(6, ts110, .4);
    t.state(ts110, 13).prob(13, world, 1);
    // The end (.4) beats each timestamp (.2), but not the three together.
    t.state(world, 7)
        .prob(7, la, .6)
        .prob(7, eot, .4)
        .prob(7, ts120, .2)
        .prob(7, ts122, .2)
        .prob(7, ts124, .2);
    t.state(ts120, 8).prob(8, eot, 1);
    t.state(bonjour, 9).prob(9, eot, 1).logit(9, ts080, 20);
    t.state(ts080, 10).prob(10, eot, 1);
    t.state(um, 11).prob(11, eot, 1);
    t.state(en, 12).state(fr, 12).prob(12, transcribe, 1);
    // <|notimestamps|> in the history forbids the timestamps the text would otherwise take.
    t.embed(nots, 2, 1f);
    for (int ts : new int[] {ts020, ts080, ts100, ts120, ts122, ts124}) {
      t.history(2, ts, -40f);
    }
    // Feature 0: the 440 Hz band; feature 1: the 1000 Hz band.
    t.project(0, hello, 4f).project(0, en, 4f).project(1, bonjour, 4f).project(1, fr, 4f);

    TinyExport.writeModels(folder, encoder(), t, TinyDecoder.Style.WHISPER, layout);

    ObjectNode config = TinyExport.tokenIds(sot, eot);
    config.put("model_type", "whisper");
    config.put("transformers_version", "tiny-test");
    config.put("d_model", TinyDecoder.DK);
    config.put("decoder_attention_heads", TinyDecoder.HEADS);
    config.put("max_source_positions", 1500);
    config.put("vocab_size", tok.size());
    TinyExport.writeJson(folder, "config.json", config);

    ObjectNode gen = TinyExport.tokenIds(sot, eot);
    gen.put("max_length", 448);
    gen.put("is_multilingual", true);
    gen.put("no_timestamps_token_id", nots);
    gen.put("max_initial_timestamp_index", 50);
    gen.putArray("begin_suppress_tokens").add(space).add(eot);
    gen.putArray("suppress_tokens").add(la);
    gen.putObject("lang_to_id").put("<|en|>", en).put("<|fr|>", fr);
    gen.putObject("task_to_id").put("transcribe", transcribe).put("translate", translate);
    var forced = gen.putArray("forced_decoder_ids");
    forced.addArray().add(1).addNull();
    forced.addArray().add(2).add(transcribe);
    generation.accept(gen);
    TinyExport.writeJson(folder, "generation_config.json", gen);

    ObjectNode pre = TinyExport.object();
    pre.put("feature_extractor_type", "WhisperFeatureExtractor");
    pre.put("feature_size", FEATURES);
    pre.put("sampling_rate", 16000);
    pre.put("hop_length", 160);
    pre.put("chunk_length", 30);
    pre.put("n_fft", 400);
    pre.put("n_samples", 480000);
    pre.put("nb_max_frames", FRAMES);
    pre.put("padding_side", "right");
    pre.put("padding_value", 0.0);
    pre.put("return_attention_mask", false);
    TinyExport.writeJson(folder, "preprocessor_config.json", pre);
    return folder;
  }

  public static Path write(Path folder, TinyExport.Layout layout) {
    return write(folder, layout, g -> {});
  }

  /**
   * input_features [batch, 80, 3000] → last_hidden_state [batch, 1500, 4]: frames averaged in
   * pairs, each projected on (440 Hz band − mean band, 1000 Hz band − mean band, 0, 0).
   */
  static OnnxModel encoder() {
    float[] w = new float[FEATURES * TinyDecoder.DK];
    int[] bands = {melBand(440), melBand(1000)};
    for (int f = 0; f < 2; f++) {
      for (int m = 0; m < FEATURES; m++) {
        w[m * TinyDecoder.DK + f] = (m == bands[f] ? 1f : 0f) - 1f / FEATURES;
      }
    }
    return OnnxGraph.builder("tiny_whisper_encoder")
        .input("input_features", FLOAT, "batch", FEATURES, FRAMES)
        .initializer("pairs", INT64, new int[] {4}, new long[] {0, FEATURES, FRAMES / 2, 2})
        .initializer("w", FLOAT, new int[] {FEATURES, TinyDecoder.DK}, w)
        .node("Reshape", List.of("input_features", "pairs"), List.of("paired"))
        .node(
            "ReduceMean",
            List.of("paired"),
            List.of("halved"),
            Map.of("axes", new long[] {3}, "keepdims", 0))
        .node(
            "Transpose", List.of("halved"), List.of("frames"), Map.of("perm", new long[] {0, 2, 1}))
        .node("MatMul", List.of("frames", "w"), List.of("last_hidden_state"))
        .output("last_hidden_state", FLOAT, "batch", FRAMES / 2, TinyDecoder.DK)
        .build();
  }

  /**
   * The mel band (of 80, 0–8 kHz, Slaney scale) whose centre is nearest {@code hz}, computed here
   * from the scale's definition: linear 3 mel per 200 Hz up to 1 kHz (15 mel), then 27 mel per
   * factor 6.4.
   */
  public static int melBand(double hz) {
    double top = 15 + Math.log(8000 / 1000.0) * 27 / Math.log(6.4);
    double mel = hz < 1000 ? 3 * hz / 200 : 15 + Math.log(hz / 1000) * 27 / Math.log(6.4);
    double step = top / (FEATURES + 1);
    // Band m's centre is edge m + 1.
    return (int) Math.round(mel / step) - 1;
  }

  /**
   * A tone of {@code hz} at amplitude {@code amplitude} from {@code from} to {@code to} seconds.
   */
  public static float[] tone(float[] audio, double hz, double amplitude, double from, double to) {
    for (int i = (int) (from * 16000); i < Math.min(audio.length, (int) (to * 16000)); i++) {
      audio[i] += (float) (amplitude * Math.sin(2 * Math.PI * hz * i / 16000));
    }
    return audio;
  }
}
