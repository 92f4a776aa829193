package io.streamsight.schemas;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.EnrichedImage;
import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.MedicationOrder;
import io.streamsight.events.MedicationValidation;
import io.streamsight.events.TextEvent;
import io.streamsight.events.Transcript;
import io.streamsight.events.ZoneCounts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The top-level event records (those that are Kafka record values) and their current schemas: the
 * one list that the {@link SchemaStore}, the released-schema files and the tests iterate.
 *
 * <p>Nested types ({@code EventRef}, {@code ClaimCheck}, ...) are not listed: they are only ever
 * written inside a top-level record, so they are versioned with it.
 */
public final class EventSchemas {

  /**
   * A top-level event record class and its current (generated) schema.
   *
   * @param type the generated record class
   * @param schema its current schema, {@code type.getClassSchema()}
   */
  public record EventSchema(Class<? extends SpecificRecord> type, Schema schema) {

    /** Checks that the schema is the one the class was generated from. */
    public EventSchema {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(schema, "schema");
      if (!schema.getFullName().equals(type.getName())) {
        throw new IllegalArgumentException(
            "schema " + schema.getFullName() + " does not describe " + type.getName());
      }
    }

    /** The schema's full name, e.g. {@code io.streamsight.events.ImageEvent}. */
    public String fullName() {
      return schema.getFullName();
    }

    /** The schema's simple name, e.g. {@code ImageEvent}; the released-schema directory name. */
    public String name() {
      return schema.getName();
    }
  }

  // Inputs first, then outputs; the order is the order of the released index.
  private static final List<EventSchema> ALL =
      List.of(
          new EventSchema(ImageEvent.class, ImageEvent.getClassSchema()),
          new EventSchema(AudioEvent.class, AudioEvent.getClassSchema()),
          new EventSchema(TextEvent.class, TextEvent.getClassSchema()),
          new EventSchema(MedicationOrder.class, MedicationOrder.getClassSchema()),
          new EventSchema(EnrichedImage.class, EnrichedImage.getClassSchema()),
          new EventSchema(Transcript.class, Transcript.getClassSchema()),
          new EventSchema(BehaviorEvent.class, BehaviorEvent.getClassSchema()),
          new EventSchema(MedicationValidation.class, MedicationValidation.getClassSchema()),
          new EventSchema(FormularyProduct.class, FormularyProduct.getClassSchema()),
          new EventSchema(FormularyNameEntry.class, FormularyNameEntry.getClassSchema()),
          new EventSchema(ZoneCounts.class, ZoneCounts.getClassSchema()));

  private EventSchemas() {}

  /** Every top-level event record, inputs first; an immutable list. */
  public static List<EventSchema> all() {
    return ALL;
  }

  /** The current schemas of {@link #all()}, in the same order; an immutable list. */
  public static List<Schema> currentSchemas() {
    return ALL.stream().map(EventSchema::schema).toList();
  }

  /**
   * Looks a top-level record up by its full name.
   *
   * @param fullName e.g. {@code io.streamsight.events.ImageEvent}
   * @return the record, or empty when it is not a top-level event record
   */
  public static Optional<EventSchema> byFullName(String fullName) {
    return ALL.stream().filter(e -> e.fullName().equals(fullName)).findFirst();
  }
}
