package io.streamsight.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.schemas.EventSchemas.EventSchema;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule a schema change must keep: this build reads every released version (backward), and
 * consumers still on the latest release read what this build writes (forward), so producers and
 * consumers can be upgraded in either order.
 */
class SchemaCompatibilityTest {

  private static final SchemaStore STORE = SchemaStore.load();

  static List<EventSchema> records() {
    return EventSchemas.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void shouldReadTheLatestReleasedVersionWithTheCurrentSchema(EventSchema record) {
    Schema latest = STORE.latestReleased(record.fullName()).orElseThrow();

    assertCompatible(record.schema(), latest);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void shouldLetTheLatestReleasedVersionReadTheCurrentSchema(EventSchema record) {
    Schema latest = STORE.latestReleased(record.fullName()).orElseThrow();

    assertCompatible(latest, record.schema());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void shouldReadEveryReleasedVersionWithTheCurrentSchema(EventSchema record) {
    List<Schema> released = STORE.releasedVersions(record.fullName());

    assertThat(released).isNotEmpty();
    released.forEach(old -> assertCompatible(record.schema(), old));
  }

  private static void assertCompatible(Schema reader, Schema writer) {
    SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    assertThat(result.getType())
        .as(
            "reader %s (fingerprint %s) reading writer fingerprint %s: %s",
            reader.getFullName(),
            AvroSerde.hex(SchemaStore.fingerprint(reader)),
            AvroSerde.hex(SchemaStore.fingerprint(writer)),
            result.getDescription())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }
}
