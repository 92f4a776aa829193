package io.streamsight.processors.caption;

import static io.streamsight.processors.caption.TinyCaptioner.BLUE;
import static io.streamsight.processors.caption.TinyCaptioner.RED_BEAM;
import static io.streamsight.processors.caption.TinyCaptioner.RED_GREEDY;
import static io.streamsight.processors.caption.TinyCaptioner.solid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.generate.EarlyStopping;
import io.streamsight.processors.inference.generate.Seq2SeqModel;
import io.streamsight.processors.inference.generate.TinyExport.Layout;
import io.streamsight.processors.inference.generate.TinyModelTest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OnnxCaptionerTest extends TinyModelTest {

  private static final BufferedImage RED = solid(Color.RED, 32, 24);
  private static final BufferedImage BLUE_IMAGE = solid(Color.BLUE, 20, 40);

  private List<String> caption(Layout layout, CaptionSettings settings, BufferedImage... images) {
    Path folder = TinyCaptioner.write(dir.resolve("tiny-vit-gpt2-" + layout), layout);
    OnnxCaptioner captioner =
        OnnxCaptioner.load(folder, registry, DevicePlacement.cpu("caption"), settings);
    try (Captioner session = captioner.newCaptioner()) {
      return session.caption(List.of(images));
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void shouldWriteTheGreedyCaptionOfEachImageOfABatchInEveryLayout(Layout layout) {
    assertThat(caption(layout, CaptionSettings.defaults(), RED, BLUE_IMAGE, RED))
        .containsExactly(RED_GREEDY, BLUE, RED_GREEDY);
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void shouldFindTheLikelierCaptionWithBeamSearchInEveryLayout(Layout layout) {
    assertThat(caption(layout, CaptionSettings.defaults().withBeams(2), RED, BLUE_IMAGE))
        .containsExactly(RED_BEAM, BLUE);
  }

  @Test
  void shouldGiveTheSameCaptionsWithAndWithoutTheCache() {
    CaptionSettings beams = CaptionSettings.defaults().withBeams(3);
    assertThat(caption(Layout.WITH_PAST, beams.withCache(false), RED, BLUE_IMAGE))
        .isEqualTo(caption(Layout.WITH_PAST, beams, RED, BLUE_IMAGE))
        .containsExactly(RED_BEAM, BLUE);
  }

  @Test
  void shouldStopBeamSearchEarlyWhenTheConfigSaysSo() {
    assertThat(
            caption(
                Layout.WITH_PAST,
                CaptionSettings.defaults().withBeams(2).withEarlyStopping(EarlyStopping.EARLY),
                RED))
        .containsExactly(RED_GREEDY);
  }

  @Test
  void shouldStopAtTheMaximumLength() {
    assertThat(caption(Layout.WITH_PAST, CaptionSettings.defaults().withMaxNewTokens(3), RED))
        .containsExactly("a red cat");
  }

  @Test
  void shouldTakeBeamsFromTheGenerationConfig() {
    Path folder =
        TinyCaptioner.write(
            dir.resolve("four-beams"), Layout.WITH_PAST, g -> g.put("num_beams", 4));
    OnnxCaptioner captioner =
        OnnxCaptioner.load(
            folder, registry, DevicePlacement.cpu("caption"), CaptionSettings.defaults());

    assertThat(captioner.search().numBeams()).isEqualTo(4);
    try (Captioner session = captioner.newCaptioner()) {
      assertThat(session.caption(List.of(RED))).containsExactly(RED_BEAM);
    }
  }

  @Test
  void shouldRecordTheSha256OfEveryFileForProvenance() throws Exception {
    Path folder = TinyCaptioner.write(dir.resolve("tiny-vit-gpt2"), Layout.WITH_PAST);
    OnnxCaptioner captioner =
        OnnxCaptioner.load(
            folder, registry, DevicePlacement.cpu("caption"), CaptionSettings.defaults());

    assertThat(captioner.name()).isEqualTo("tiny-vit-gpt2");
    assertThat(captioner.provenance().sha256ByFile())
        .containsOnlyKeys(
            Seq2SeqModel.ENCODER,
            Seq2SeqModel.DECODER,
            Seq2SeqModel.WITH_PAST,
            "config.json",
            "generation_config.json",
            "tokenizer.json")
        .containsEntry(
            Seq2SeqModel.ENCODER,
            io.streamsight.models.Checksums.sha256(folder.resolve(Seq2SeqModel.ENCODER)));
    var avro = captioner.provenance().toAvro("cpu", 1.5);
    assertThat(avro.getName()).isEqualTo("tiny-vit-gpt2");
    assertThat(avro.getVersion()).isEqualTo("tiny-test");
    assertThat(avro.getSha256()).isEqualTo(captioner.provenance().manifestSha256()).hasSize(64);
  }

  @Test
  void shouldFailAtLoadNamingAMissingFile() throws Exception {
    Path folder = TinyCaptioner.write(dir.resolve("broken"), Layout.WITH_PAST);
    Files.delete(folder.resolve(Seq2SeqModel.DECODER));

    assertThatThrownBy(
            () ->
                OnnxCaptioner.load(
                    folder, registry, DevicePlacement.cpu("caption"), CaptionSettings.defaults()))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(folder.toString())
        .hasMessageContaining("decoder_model.onnx");
  }

  @Test
  void shouldFailAtLoadWhenTheImageSizeDoesNotFitTheEncoder() {
    Path folder = TinyCaptioner.write(dir.resolve("mismatch"), Layout.WITH_PAST);
    var pre =
        io.streamsight.processors.inference.generate.TinyExport.readJson(
            folder, "preprocessor_config.json");
    pre.putObject("size").put("height", 16).put("width", 16);
    io.streamsight.processors.inference.generate.TinyExport.writeJson(
        folder, "preprocessor_config.json", pre);

    assertThatThrownBy(
            () ->
                OnnxCaptioner.load(
                    folder, registry, DevicePlacement.cpu("caption"), CaptionSettings.defaults()))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("pixel_values of shape [-1, 3, 8, 8]")
        .hasMessageContaining("[batch, 3, 16, 16]");
  }
}
