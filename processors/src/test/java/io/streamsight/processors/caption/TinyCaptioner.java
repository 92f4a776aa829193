package io.streamsight.processors.caption;

import static io.streamsight.models.onnx.ElementType.FLOAT;
import static io.streamsight.models.onnx.ElementType.INT64;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsight.models.onnx.OnnxGraph;
import io.streamsight.models.onnx.OnnxModel;
import io.streamsight.processors.inference.generate.TinyDecoder;
import io.streamsight.processors.inference.generate.TinyExport;
import io.streamsight.processors.inference.generate.TinyTokenizer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A tiny ViT-GPT2-like captioner in Optimum's folder layout, whose captions are known.
 *
 * <p>The encoder averages 4×4 patches of an 8×8 RGB image (normalised to [-1, 1]) into 4 "patch
 * states" of 3 numbers; the decoder reads their mean colour. Captions, from the decoder's tables
 * ({@link TinyDecoder}):
 *
 * <ul>
 *   <li>a red image: greedy {@value #RED_GREEDY}; beam search (2 beams) {@value #RED_BEAM}: after
 *       "cat", "sat" (p=.5) beats "on" (p=.4), but only "sat" then "end" (p=.3) is open to greedy,
 *       whereas "on the mat by the door" is almost certain. With {@code early_stopping=true} beam
 *       search stops once it holds two finished captions, both from the "sat" branch, and says
 *       {@value #RED_GREEDY} too;
 *   <li>a blue image: {@value #BLUE} either way (shorter: batches end rows at different steps).
 * </ul>
 *
 * The second "the" is followed by "door" only because "mat" came before it (history through the
 * cache); and a "sat" in the history would turn the first "the" to "door" as well, so a beam that
 * got another beam's cache says something else.
 */
public final class TinyCaptioner {

  public static final String RED_GREEDY = "a red cat sat";
  public static final String RED_BEAM = "a red cat on the mat by the door";
  public static final String BLUE = "a blue bird";

  private TinyCaptioner() {}

  /** Writes the whole folder; {@code generation} may alter the generation config first. */
  public static Path write(
      Path folder, TinyExport.Layout layout, java.util.function.Consumer<ObjectNode> generation) {
    TinyTokenizer tok = new TinyTokenizer();
    int a = tok.word("a");
    int red = tok.word(" red");
    int blue = tok.word(" blue");
    int cat = tok.word(" cat");
    int bird = tok.word(" bird");
    int sat = tok.word(" sat");
    int on = tok.word(" on");
    int the = tok.word(" the");
    int mat = tok.word(" mat");
    int by = tok.word(" by");
    int door = tok.word(" door");
    int eos = tok.added("<|endoftext|>", true);
    tok.writeTo(mkdirs(folder));

    TinyDecoder.Tables t = new TinyDecoder.Tables(tok.size(), 13, 3);
    int start = 1;
    t.state(eos, start).prob(start, a, 1);
    t.state(a, 2).logit(2, red, 0).logit(2, blue, 0);
    t.state(red, 3).prob(3, cat, 1);
    t.state(blue, 4).prob(4, bird, 1);
    t.state(cat, 5).prob(5, sat, .5).prob(5, on, .4).prob(5, eos, .1);
    t.state(bird, 6).prob(6, eos, 1);
    t.state(sat, 7).prob(7, eos, .3);
    for (char junk : "kqvwxyz".toCharArray()) {
      t.prob(7, junk, .1);
    }
    t.state(on, 8).prob(8, the, 1);
    t.state(the, 9).logit(9, mat, 0).logit(9, door, -10);
    t.state(mat, 10).prob(10, by, 1);
    t.state(by, 11).prob(11, the, 1);
    t.state(door, 12).prob(12, eos, 1);
    t.prob(0, eos, 1);
    // History: "mat" seen turns "the" to "door"; "sat" seen does too.
    t.embed(mat, 0, 1f).history(0, door, 20f).history(0, mat, -20f);
    t.embed(sat, 1, 1f).history(1, mat, -30f);
    // Mean colour: red pushes " red", blue pushes " blue".
    t.project(0, red, 4f).project(2, red, -4f).project(2, blue, 4f).project(0, blue, -4f);

    TinyExport.writeModels(folder, encoder(), t, TinyDecoder.Style.GPT2, layout);

    ObjectNode config = TinyExport.tokenIds(eos, eos);
    config.put("model_type", "vision-encoder-decoder");
    config.put("transformers_version", "tiny-test");
    ObjectNode decoder = config.putObject("decoder");
    decoder.put("model_type", "gpt2");
    decoder.put("n_head", TinyDecoder.HEADS);
    decoder.put("n_embd", TinyDecoder.DK);
    decoder.put("bos_token_id", eos);
    decoder.put("eos_token_id", eos);
    TinyExport.writeJson(folder, "config.json", config);

    ObjectNode gen = TinyExport.tokenIds(eos, eos);
    gen.put("max_length", 16);
    gen.put("num_beams", 1);
    generation.accept(gen);
    TinyExport.writeJson(folder, "generation_config.json", gen);

    ObjectNode pre = TinyExport.object();
    pre.put("image_processor_type", "ViTImageProcessor");
    pre.put("do_resize", true);
    pre.putObject("size").put("height", 8).put("width", 8);
    pre.put("resample", 2);
    pre.put("do_rescale", true);
    pre.put("rescale_factor", 1 / 255.0);
    pre.put("do_normalize", true);
    pre.putArray("image_mean").add(0.5).add(0.5).add(0.5);
    pre.putArray("image_std").add(0.5).add(0.5).add(0.5);
    TinyExport.writeJson(folder, "preprocessor_config.json", pre);
    return folder;
  }

  /** The whole folder with the model's own generation config. */
  public static Path write(Path folder, TinyExport.Layout layout) {
    return write(folder, layout, gen -> {});
  }

  /** pixel_values [batch, 3, 8, 8] → last_hidden_state [batch, 4, 3]: mean colour per 4×4 patch. */
  static OnnxModel encoder() {
    return OnnxGraph.builder("tiny_encoder")
        .input("pixel_values", FLOAT, "batch", 3, 8, 8)
        .initializer("patches", INT64, new int[] {6}, new long[] {0, 3, 2, 4, 2, 4})
        .initializer("sequence", INT64, new int[] {4}, new long[] {0, 4, 3, 16})
        .node("Reshape", List.of("pixel_values", "patches"), List.of("p6"))
        .node(
            "Transpose",
            List.of("p6"),
            List.of("pt"),
            Map.of("perm", new long[] {0, 2, 4, 1, 3, 5}))
        .node("Reshape", List.of("pt", "sequence"), List.of("p4"))
        .node(
            "ReduceMean",
            List.of("p4"),
            List.of("last_hidden_state"),
            Map.of("axes", new long[] {3}, "keepdims", 0))
        .output("last_hidden_state", FLOAT, "batch", 4, 3)
        .build();
  }

  /** A solid image of a colour. */
  public static BufferedImage solid(Color color, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  private static Path mkdirs(Path folder) {
    try {
      return java.nio.file.Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
