package io.streamsight.processors.inference.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.models.onnx.ElementType;
import io.streamsight.models.onnx.OnnxGraph;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.generate.TinyExport.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a folder must hold, checked at load, with the message a user gets. */
class Seq2SeqModelTest extends TinyModelTest {

  private Seq2SeqModel load(Path folder) {
    return Seq2SeqModel.load(folder, registry, DevicePlacement.cpu("seq2seq"));
  }

  /** A tiny folder (the captioner's) to break. */
  private Path folder(Layout layout) {
    return io.streamsight.processors.caption.TinyCaptionerAccess.write(
        dir.resolve("m-" + layout), layout);
  }

  @Test
  void shouldLoadEachLayoutAndSayWhichDecodersItUses() {
    assertThat(load(folder(Layout.PLAIN)).decoders()).isEqualTo("decoder_model.onnx");
    assertThat(load(folder(Layout.PLAIN)).hasCache()).isFalse();
    assertThat(load(folder(Layout.WITH_PAST)).decoders())
        .isEqualTo("decoder_model.onnx + decoder_with_past_model.onnx");
    Seq2SeqModel merged = load(folder(Layout.MERGED));
    assertThat(merged.decoders()).isEqualTo("decoder_model_merged.onnx");
    assertThat(merged.hasCache()).isTrue();
    assertThat(merged.encoderInput()).isEqualTo("pixel_values");
  }

  @Test
  void shouldNameTheFolderAndFileThatIsMissing() throws Exception {
    assertThatThrownBy(() -> load(dir.resolve("nowhere")))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("nowhere does not exist or is not a folder");
    for (String file : List.of("encoder_model.onnx", "tokenizer.json", "config.json")) {
      Path folder = folder(Layout.WITH_PAST);
      Files.delete(folder.resolve(file));
      assertThatThrownBy(() -> load(folder))
          .as(file)
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining(folder.toString())
          .hasMessageContaining(file);
    }
  }

  @Test
  void shouldRefuseADecoderWithAnInputItCannotFeed() throws Exception {
    Path folder = folder(Layout.PLAIN);
    TinyExport.write(
        folder.resolve(Seq2SeqModel.DECODER),
        OnnxGraph.builder("odd")
            .input("input_ids", ElementType.INT64, "batch", "sequence")
            .input("token_type_ids", ElementType.INT64, "batch", "sequence")
            .node("Identity", List.of("input_ids"), List.of("logits"))
            .output("logits", ElementType.INT64, "batch", "sequence")
            .build());

    assertThatThrownBy(() -> load(folder))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("decoder_model.onnx takes an input 'token_type_ids'");
  }

  @Test
  void shouldRefuseAWithPastDecoderWhoseCacheNoDecoderProduces() throws Exception {
    Path folder = folder(Layout.WITH_PAST);
    // A Whisper-style with-past decoder next to a GPT-2-style decoder: the names do not meet.
    TinyDecoder.Tables tables = new TinyDecoder.Tables(300, 1, TinyDecoder.DK);
    TinyExport.write(
        folder.resolve(Seq2SeqModel.WITH_PAST),
        TinyDecoder.decoder(tables, TinyDecoder.Style.WHISPER, true, false));

    assertThatThrownBy(() -> load(folder))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("decoder_with_past_model.onnx")
        .hasMessageContaining("past_key_values.0.encoder.key")
        .hasMessageContaining("that no decoder output (present.*) provides");
  }

  @Test
  void shouldRefuseTokenIdsBeyondTheLogits() {
    Path folder = folder(Layout.PLAIN);
    var config = TinyExport.readJson(folder, "generation_config.json");
    config.put("eos_token_id", 100_000);
    TinyExport.writeJson(folder, "generation_config.json", config);

    assertThatThrownBy(() -> load(folder))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("logits, but the config's token ids go up to 100000");
  }

  @Test
  void shouldReadGenerationSettingsAsTransformersDoes() {
    var config = TinyExport.object();
    config.put("decoder_start_token_id", 7);
    config.putObject("decoder").put("eos_token_id", 3).put("bos_token_id", 2);
    var generation = TinyExport.object();
    generation.putArray("eos_token_id").add(3).add(4);
    generation.put("num_beams", 4).put("max_length", 32).put("early_stopping", "never");
    generation.putArray("forced_decoder_ids").addArray().add(1).addNull();

    GenerationConfig c = GenerationConfig.of(config, generation, "test");

    assertThat(c.decoderStartTokenId()).isEqualTo(7);
    assertThat(c.bosTokenId()).isEqualTo(2);
    assertThat(c.eosTokenIds()).containsExactlyInAnyOrder(3L, 4L);
    assertThat(c.numBeams()).isEqualTo(4);
    assertThat(c.earlyStopping()).isEqualTo(EarlyStopping.NEVER);
    assertThat(c.forcedDecoderIds()).isEmpty();
    assertThat(GenerationOverrides.NONE.resolve(c, 1).maxNewTokens()).isEqualTo(31);
    assertThat(GenerationOverrides.NONE.withMaxNewTokens(5).resolve(c, 1).maxNewTokens())
        .isEqualTo(5);
    assertThatThrownBy(() -> GenerationConfig.of(TinyExport.object(), TinyExport.object(), "empty"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("empty: neither decoder_start_token_id nor bos_token_id");
  }
}
