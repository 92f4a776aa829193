package io.streamsight.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.events.EnrichedImage;
import io.streamsight.events.ImageEvent;
import io.streamsight.schemas.EventSchemas.EventSchema;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {

  private static final String ENRICHED_IMAGE = EnrichedImage.getClassSchema().getFullName();

  @Test
  void shouldLoadOnceAndReturnTheSameStore() {
    assertThat(SchemaStore.load()).isSameAs(SchemaStore.load());
  }

  @Test
  void shouldFindEveryCurrentAndReleasedSchemaByFingerprint() {
    SchemaStore store = SchemaStore.load();

    for (EventSchema record : EventSchemas.all()) {
      Schema current = record.schema();
      assertThat(store.findByFingerprint(SchemaStore.fingerprint(current))).isEqualTo(current);
      for (Schema released : store.releasedVersions(record.fullName())) {
        assertThat(store.findByFingerprint(SchemaStore.fingerprint(released)).getFullName())
            .isEqualTo(record.fullName());
      }
    }
  }

  @Test
  void shouldReturnNullForAnUnknownFingerprintAsAvroExpects() {
    assertThat(SchemaStore.load().findByFingerprint(42L)).isNull();
  }

  @Test
  void shouldKnowEveryTopLevelRecordAndNothingElse() {
    assertThat(SchemaStore.load().recordNames())
        .containsExactlyInAnyOrderElementsOf(
            EventSchemas.all().stream().map(EventSchema::fullName).toList());
  }

  @Test
  void shouldReturnReleasedVersionsInVersionOrder() {
    Schema v1 =
        ReleasedVersionDecodingTest.withoutFields(
            EnrichedImage.getClassSchema(), List.of("caption", "models"));
    Schema v2 =
        ReleasedVersionDecodingTest.withoutFields(
            EnrichedImage.getClassSchema(), List.of("models"));
    SchemaStore store =
        SchemaStore.of(
            List.of(EnrichedImage.getClassSchema()), Map.of(ENRICHED_IMAGE, List.of(v1, v2)));

    assertThat(store.releasedVersions(ENRICHED_IMAGE)).containsExactly(v1, v2);
    assertThat(store.latestReleased(ENRICHED_IMAGE)).contains(v2);
    assertThat(store.writerSchemas(ENRICHED_IMAGE))
        .containsExactly(v1, v2, EnrichedImage.getClassSchema());
  }

  @Test
  void shouldListAWriterSchemaOnceWhenTheCurrentSchemaIsTheLatestRelease() {
    SchemaStore store = SchemaStore.load();
    String name = ImageEvent.getClassSchema().getFullName();

    assertThat(store.writerSchemas(name)).containsExactly(ImageEvent.getClassSchema());
  }

  @Test
  void shouldAnswerEmptyForARecordItDoesNotKnow() {
    SchemaStore store = SchemaStore.load();

    assertThat(store.releasedVersions("io.streamsight.events.ClaimCheck")).isEmpty();
    assertThat(store.latestReleased("io.streamsight.events.ClaimCheck")).isEmpty();
    assertThat(store.current("io.streamsight.events.ClaimCheck")).isEmpty();
  }

  @Test
  void shouldExposeImmutableLists() {
    List<Schema> released = SchemaStore.load().releasedVersions(ENRICHED_IMAGE);

    assertThatThrownBy(released::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> EventSchemas.all().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldRejectAReleasedSchemaFiledUnderAnotherRecord() {
    Map<String, List<Schema>> misfiled =
        Map.of(ENRICHED_IMAGE, List.of(ImageEvent.getClassSchema()));

    assertThatThrownBy(() -> SchemaStore.of(List.of(), misfiled))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("filed under " + ENRICHED_IMAGE);
  }

  @Test
  void shouldRejectAnEventSchemaThatDoesNotDescribeItsClass() {
    assertThatThrownBy(() -> new EventSchema(ImageEvent.class, EnrichedImage.getClassSchema()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
