package io.streamsight.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogueTest {

  private static final String SHA = "a".repeat(64);

  @Test
  void shouldReadTheBundledCatalogueWithEveryEntryComplete() {
    ModelCatalogue catalogue = ModelCatalogue.bundled();

    assertThat(catalogue.models())
        .extracting(ModelEntry::name)
        .containsExactly(
            "ppocr-v4-det",
            "ppocr-v4-rec",
            "ppocr-cls",
            "ppocr-v3-det",
            "ppocr-v3-rec",
            "blazeface-front-128",
            "blazeface-back-256",
            "silero-vad-v5",
            "nanodet-coco",
            "blazepose-lite",
            "minilm-l6-v2-q");
    for (ModelEntry entry : catalogue.models()) {
      assertThat(entry.version()).as(entry.name()).isNotBlank();
      assertThat(entry.licence()).as(entry.name()).isIn("Apache-2.0", "MIT", "ISC");
      assertThat(entry.source().sha256()).as(entry.name()).hasSize(64);
      assertThat(entry.files())
          .as(entry.name())
          .allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
      assertThat(entry.signature().inputs()).as(entry.name()).isNotEmpty();
      assertThat(entry.signature().outputs()).as(entry.name()).isNotEmpty();
      assertThat(entry.notes()).as(entry.name()).isNotBlank();
    }
  }

  @Test
  void shouldNameTheConverterAndPinTheConvertedFileOfTfjsModels() {
    ModelCatalogue catalogue = ModelCatalogue.bundled();

    for (String name : List.of("nanodet-coco", "blazepose-lite")) {
      ModelEntry entry = catalogue.find(name).orElseThrow();
      assertThat(entry.source().registry()).isEqualTo(ModelSource.Registry.NPM);
      assertThat(entry.conversion().converter()).isEqualTo("tfjs-graph-to-onnx");
      assertThat(entry.conversion().from()).isEqualTo(name.replace("-coco", "") + ".json");
      assertThat(entry.files()).extracting(ModelFile::fileName).contains(entry.conversion().from());
      // The converter's output is deterministic, so the converted file is pinned too.
      assertThat(entry.modelSha256()).get().asString().hasSize(64);
    }
    assertThat(catalogue.models()).allSatisfy(e -> assertThat(e.modelSha256()).isPresent());
  }

  @Test
  void shouldSayWhichEntryAndFieldIsIncomplete() {
    String json =
        """
        {"models": [{"name": "tiny", "version": "1", "task": "t", "licence": "MIT",
          "source": {"registry": "npm", "coordinates": "tiny@1.0.0", "sha256": "%s"},
          "files": [{"path": "dist/tiny.onnx", "sha256": null}],
          "model": "tiny.onnx",
          "signature": {"inputs": [{"name": "x", "type": "float", "shape": [1]}],
                        "outputs": [{"name": "y", "type": "float", "shape": [1]}]},
          "notes": "n"}]}
        """
            .formatted(SHA);

    assertThatThrownBy(() -> read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("catalogue entry 'tiny'")
        .hasMessageContaining("sha256 of dist/tiny.onnx");
  }

  @Test
  void shouldRefuseAnUnknownFieldRatherThanIgnoreIt() {
    String json =
        """
        {"models": [{"name": "tiny", "sha265": "typo"}]}
        """;

    assertThatThrownBy(() -> read(json))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("sha265");
  }

  @Test
  void shouldRefuseTwoPinsForOneFileOfOnePackage() {
    ModelSource source = new ModelSource(ModelSource.Registry.NPM, "tiny@1.0.0", SHA);
    ModelEntry a = TestEntries.plain("a", source, new ModelFile("dist/a.onnx", SHA));
    ModelEntry b = TestEntries.plain("b", source, new ModelFile("dist/a.onnx", "b".repeat(64)));

    assertThatThrownBy(() -> new ModelCatalogue(List.of(a, b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tiny@1.0.0!dist/a.onnx is pinned to two sha256s");
  }

  @Test
  void shouldRefuseAFileNameThatCouldLeaveTheCacheFolder() {
    ModelSource source = new ModelSource(ModelSource.Registry.NPM, "tiny@1.0.0", SHA);
    ModelEntry entry = TestEntries.plain("a", source, new ModelFile("../../etc/passwd", SHA));

    assertThatThrownBy(() -> new ModelCatalogue(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without '..'");
  }

  @Test
  void shouldSelectByNameAndNameEveryUnknownOne() {
    ModelCatalogue catalogue = ModelCatalogue.bundled();

    assertThat(catalogue.select(List.of("silero-vad-v5")))
        .extracting(ModelEntry::name)
        .containsExactly("silero-vad-v5");
    assertThat(catalogue.select(List.of())).hasSize(catalogue.models().size());
    assertThatThrownBy(() -> catalogue.select(List.of("yolo", "silero-vad-v5", "sam")))
        .hasMessage("no model named yolo, sam");
  }

  @Test
  void shouldTellTheVersionOfMavenAndNpmCoordinates() {
    assertThat(new ModelSource(ModelSource.Registry.MAVEN, "g.h:a-b:1.19.0-beta29", SHA).version())
        .isEqualTo("1.19.0-beta29");
    assertThat(new ModelSource(ModelSource.Registry.NPM, "@scope/pkg@0.0.31", SHA).version())
        .isEqualTo("0.0.31");
  }

  private static ModelCatalogue read(String json) throws IOException {
    return ModelCatalogue.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
