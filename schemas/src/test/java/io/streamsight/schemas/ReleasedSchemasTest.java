package io.streamsight.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.schemas.EventSchemas.EventSchema;
import io.streamsight.schemas.SchemaStore.IndexEntry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The released schema files, their index, and the rule that a released file never changes. */
class ReleasedSchemasTest {

  /**
   * Fingerprints of every released file, pinned when it was released. A released schema is frozen:
   * to change a record, add the next version (and a line here), never edit an existing file.
   */
  private static final Map<String, Long> RELEASED_FINGERPRINTS =
      Map.ofEntries(
          Map.entry("ImageEvent/v1.avsc", 0xEDBB6B20DE4A2F3EL),
          Map.entry("AudioEvent/v1.avsc", 0xDCBEA5433B2901D6L),
          Map.entry("TextEvent/v1.avsc", 0xC03F729EF9FA1FE2L),
          Map.entry("MedicationOrder/v1.avsc", 0xF760844DADE2F83AL),
          Map.entry("EnrichedImage/v1.avsc", 0x7EC6C23B76E8FA59L),
          Map.entry("Transcript/v1.avsc", 0x50CC6A6E0C59CABDL),
          Map.entry("BehaviorEvent/v1.avsc", 0x4C46F7F60A8035D5L),
          Map.entry("MedicationValidation/v1.avsc", 0x78E3ECCFA2EB18E9L),
          Map.entry("FormularyProduct/v1.avsc", 0xAEE8BCA410E627E9L),
          Map.entry("FormularyNameEntry/v1.avsc", 0x7DBEE81C53BA4776L),
          Map.entry("ZoneCounts/v1.avsc", 0xF64E4670ED04AE11L));

  @Test
  void shouldListExactlyTheReleasedFilesInTheIndex() throws IOException, URISyntaxException {
    URL dir = SchemaStore.class.getResource(SchemaStore.RELEASED_DIR);
    assertThat(dir).as("released directory on the test class path").isNotNull();
    Path root = Path.of(dir.toURI());
    List<String> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.toString().endsWith(".avsc"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .toList();
    }

    assertThat(indexLines()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void shouldReleaseAtLeastV1OfEveryTopLevelRecord() {
    SchemaStore store = SchemaStore.load();

    for (EventSchema record : EventSchemas.all()) {
      assertThat(store.releasedVersions(record.fullName())).as(record.name()).isNotEmpty();
      assertThat(indexLines()).contains(record.name() + "/v1.avsc");
    }
  }

  @Test
  void shouldKeepReleasedFilesFrozen() {
    Map<String, Long> actual = new LinkedHashMap<>();
    for (String line : indexLines()) {
      Schema schema =
          new Schema.Parser()
              .parse(SchemaStore.ReleasedSchemas.readResource(SchemaStore.RELEASED_DIR + line));
      actual.put(line, SchemaStore.fingerprint(schema));
    }

    assertThat(actual)
        .as("released schemas are frozen; add a new version instead of editing one")
        .containsExactlyInAnyOrderEntriesOf(RELEASED_FINGERPRINTS);
  }

  @Test
  void shouldMakeEachNewVersionDifferFromThePreviousOne() {
    SchemaStore store = SchemaStore.load();

    for (EventSchema record : EventSchemas.all()) {
      List<Long> fingerprints =
          store.releasedVersions(record.fullName()).stream().map(SchemaStore::fingerprint).toList();
      assertThat(fingerprints).as(record.name()).doesNotHaveDuplicates();
    }
  }

  @Test
  void shouldParseAnIndexLine() {
    assertThat(IndexEntry.parse("EnrichedImage/v12.avsc"))
        .isEqualTo(new IndexEntry("EnrichedImage", 12));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ImageEvent.avsc",
        "ImageEvent/1.avsc",
        "ImageEvent/v0.avsc",
        "ImageEvent/v01.avsc",
        "ImageEvent/v+1.avsc",
        "ImageEvent/vx.avsc",
        "ImageEvent/v1.json",
        "/v1.avsc",
        "a/ImageEvent/v1.avsc"
      })
  void shouldRejectAMalformedIndexLine(String line) {
    assertThatThrownBy(() -> IndexEntry.parse(line))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(line);
  }

  private static List<String> indexLines() {
    return SchemaStore.ReleasedSchemas.readResource(SchemaStore.RELEASED_INDEX)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }
}
