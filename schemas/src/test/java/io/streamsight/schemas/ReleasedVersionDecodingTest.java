package io.streamsight.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.events.EnrichedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records written by an older producer, with an older schema, are read into the current classes.
 * The released v1 is still the current schema, so the synthetic "v0" below (EnrichedImage before
 * caption and models existed) is what proves the resolution path, not just the identity case.
 */
class ReleasedVersionDecodingTest {

  private static final String ENRICHED_IMAGE = EnrichedImage.getClassSchema().getFullName();

  static List<SpecificRecord> samples() {
    return SampleEvents.all();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("samples")
  void shouldReadARecordWrittenWithReleasedV1(SpecificRecord sample) throws IOException {
    Schema v1 = SchemaStore.load().releasedVersions(sample.getSchema().getFullName()).get(0);
    GenericRecord old = asGenericRecordOf(sample, v1);
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

    SpecificRecord read =
        AvroSerdeTest.serdeFor(sample).deserializer().deserialize("any.topic", bytes);

    assertThat(read).isEqualTo(sample);
  }

  @Test
  void shouldRejectAnOlderUnreleasedVersionItDoesNotKnow() {
    byte[] bytes = encodeV0(enrichedImageV0());

    assertThatThrownBy(
            () ->
                AvroSerde.of(EnrichedImage.class)
                    .deserializer()
                    .deserialize(Topics.IMAGES_ENRICHED, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith(
            "images.enriched: unknown schema fingerprint "
                + AvroSerde.hex(SchemaStore.fingerprint(v0Schema())));
  }

  @Test
  void shouldResolveAnOlderVersionIntoTheCurrentClassOnceItIsInTheStore() {
    SchemaStore store =
        SchemaStore.of(
            List.of(EnrichedImage.getClassSchema()), Map.of(ENRICHED_IMAGE, List.of(v0Schema())));
    byte[] bytes = encodeV0(enrichedImageV0());

    EnrichedImage read =
        AvroSerde.of(EnrichedImage.class, store)
            .deserializer()
            .deserialize(Topics.IMAGES_ENRICHED, bytes);

    // Fields the old writer knew come across; the two it did not get their defaults.
    EnrichedImage expected =
        SampleEvents.enrichedImageBuilder().setCaption(null).setModels(List.of()).build();
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void shouldRefuseAStoreWithAVersionTheCurrentSchemaCannotRead() {
    // enrichedTime has no default, so a writer without it cannot be read: caught at startup.
    Schema unreadable = withoutFields(EnrichedImage.getClassSchema(), List.of("enrichedTime"));
    SchemaStore store =
        SchemaStore.of(
            List.of(EnrichedImage.getClassSchema()), Map.of(ENRICHED_IMAGE, List.of(unreadable)));

    assertThatThrownBy(() -> AvroSerde.of(EnrichedImage.class, store))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EnrichedImage cannot read its version with fingerprint")
        .hasMessageContaining("enrichedTime");
  }

  /** EnrichedImage as it would have been before caption and models were added. */
  private static Schema v0Schema() {
    return withoutFields(EnrichedImage.getClassSchema(), List.of("caption", "models"));
  }

  /** The sample EnrichedImage, written by hand as a generic record of the old schema. */
  private static GenericRecord enrichedImageV0() {
    Schema v0 = v0Schema();
    EnrichedImage sample = SampleEvents.enrichedImage();
    Schema imageInfo = v0.getField("image").schema();
    GenericRecord source =
        new GenericRecordBuilder(v0.getField("source").schema())
            .set("eventId", sample.getSource().getEventId())
            .set("sourceId", sample.getSource().getSourceId())
            .set("captureTime", sample.getSource().getCaptureTime().toEpochMilli())
            .set("sequence", sample.getSource().getSequence())
            .build();
    GenericRecord image =
        new GenericRecordBuilder(imageInfo)
            .set("format", "jpeg")
            .set("width", 1920)
            .set("height", 1080)
            .set("sizeBytes", 412_337L)
            .set("sha256", sample.getImage().getSha256())
            .build();
    return new GenericRecordBuilder(v0)
        .set("source", source)
        .set("image", image)
        .set("detections", generic(sample.getDetections(), v0.getField("detections").schema()))
        .set("faces", generic(sample.getFaces(), v0.getField("faces").schema()))
        .set("textRegions", generic(sample.getTextRegions(), v0.getField("textRegions").schema()))
        .set("fullText", "EXIT")
        .set("attributes", sample.getAttributes())
        .set("enrichedTime", sample.getEnrichedTime().toEpochMilli())
        .build();
  }

  private static byte[] encodeV0(GenericRecord record) {
    try {
      return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v0Schema())
          .encode(record)
          .array();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A copy of {@code schema} without the named fields: an "older" writer schema. */
  static Schema withoutFields(Schema schema, List<String> dropped) {
    List<Schema.Field> kept =
        schema.getFields().stream()
            .filter(f -> !dropped.contains(f.name()))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, kept);
  }

  /** A list of specific records as generic data of {@code arraySchema}, via their bytes. */
  private static Object generic(List<? extends SpecificRecord> items, Schema arraySchema) {
    return items.stream().map(i -> asGenericRecordOf(i, arraySchema.getElementType())).toList();
  }

  /**
   * Writes a specific record with its current schema and reads it back as a generic record of an
   * older schema: the same data as an older producer would have built it.
   */
  static GenericRecord asGenericRecordOf(SpecificRecord record, Schema target) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new SpecificDatumWriter<SpecificRecord>(
              record.getSchema(), SpecificData.getForClass(record.getClass()))
          .write(record, encoder);
      encoder.flush();
      return new GenericDatumReader<GenericRecord>(record.getSchema(), target, GenericData.get())
          .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
