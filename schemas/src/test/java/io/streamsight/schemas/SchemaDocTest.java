package io.streamsight.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The schemas are the data dictionary: every named type and every field says what it holds. */
class SchemaDocTest {

  @Test
  void shouldDocumentEveryFieldOfEveryCurrentAndReleasedSchema() {
    SchemaStore store = SchemaStore.load();
    List<String> undocumented = new ArrayList<>();
    Stream.concat(
            EventSchemas.currentSchemas().stream(),
            EventSchemas.all().stream().flatMap(e -> store.releasedVersions(e.fullName()).stream()))
        .forEach(s -> collectUndocumented(s, s.getName(), new HashSet<>(), undocumented));

    assertThat(undocumented).as("types and fields without a doc").isEmpty();
  }

  @Test
  void shouldFindAnUndocumentedFieldDeepInsideARecord() {
    Schema inner =
        Schema.createRecord(
            "Inner",
            "An inner record.",
            "test",
            false,
            List.of(new Schema.Field("quiet", Schema.create(Schema.Type.INT))));
    Schema outer =
        Schema.createRecord(
            "Outer",
            "An outer record.",
            "test",
            false,
            List.of(new Schema.Field("items", Schema.createArray(inner), "Some items.")));
    List<String> undocumented = new ArrayList<>();

    collectUndocumented(outer, "Outer", new HashSet<>(), undocumented);

    assertThat(undocumented).containsExactly("Outer.items[].quiet");
  }

  /** Walks records, arrays, maps and unions; each named type once, wherever it is nested. */
  private static void collectUndocumented(
      Schema schema, String path, Set<String> seen, List<String> undocumented) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!seen.add(schema.getFullName())) {
          return;
        }
        requireDoc(schema.getDoc(), path + " (record " + schema.getName() + ")", undocumented);
        for (Schema.Field field : schema.getFields()) {
          String fieldPath = path + "." + field.name();
          requireDoc(field.doc(), fieldPath, undocumented);
          collectUndocumented(field.schema(), fieldPath, seen, undocumented);
        }
      }
      case ENUM, FIXED -> {
        if (seen.add(schema.getFullName())) {
          requireDoc(schema.getDoc(), path + " (" + schema.getName() + ")", undocumented);
        }
      }
      case ARRAY -> collectUndocumented(schema.getElementType(), path + "[]", seen, undocumented);
      case MAP -> collectUndocumented(schema.getValueType(), path + "{}", seen, undocumented);
      case UNION ->
          schema.getTypes().forEach(t -> collectUndocumented(t, path, seen, undocumented));
      default -> {
        // Primitives carry no doc of their own; the field holding them does.
      }
    }
  }

  private static void requireDoc(String doc, String where, List<String> undocumented) {
    if (doc == null || doc.isBlank()) {
      undocumented.add(where);
    }
  }
}
