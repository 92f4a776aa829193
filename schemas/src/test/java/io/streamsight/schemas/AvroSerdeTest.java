package io.streamsight.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.events.ImageEvent;
import io.streamsight.events.MedicationValidation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

  static List<SpecificRecord> samples() {
    return SampleEvents.all();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("samples")
  void shouldRoundTripEveryTopLevelRecord(SpecificRecord sample) {
    AvroSerde<SpecificRecord> serde = serdeFor(sample);

    byte[] bytes = serde.serializer().serialize("any.topic", sample);
    SpecificRecord back = serde.deserializer().deserialize("any.topic", bytes);

    assertThat(back).isInstanceOf(sample.getClass()).isEqualTo(freshCopyOf(sample));
  }

  @Test
  void shouldHaveASampleForEveryTopLevelRecord() {
    assertThat(SampleEvents.all())
        .extracting(Object::getClass)
        .containsExactlyElementsOf(
            EventSchemas.all().stream().map(EventSchemas.EventSchema::type).toList());
  }

  @Test
  void shouldWriteTheSingleObjectHeaderWithTheCurrentSchemaFingerprint() {
    AvroSerde<ImageEvent> serde = AvroSerde.of(ImageEvent.class);

    byte[] bytes = serde.serializer().serialize(Topics.IMAGES_RAW, SampleEvents.imageEvent());

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(fingerprint).isEqualTo(SchemaStore.fingerprint(ImageEvent.getClassSchema()));
  }

  @Test
  void shouldMapNullToNullBothWaysForTombstones() {
    AvroSerde<ImageEvent> serde = AvroSerde.of(ImageEvent.class);

    assertThat(serde.serializer().serialize(Topics.IMAGES_RAW, null)).isNull();
    assertThat(serde.deserializer().deserialize(Topics.IMAGES_RAW, null)).isNull();
  }

  @Test
  void shouldRejectARecordWithARequiredFieldMissingNamingTheTopic() {
    AvroSerde<ImageEvent> serde = AvroSerde.of(ImageEvent.class);
    ImageEvent incomplete = new ImageEvent(); // every field null, eventId included

    assertThatThrownBy(() -> serde.serializer().serialize(Topics.IMAGES_RAW, incomplete))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("images.raw: cannot serialize ImageEvent");
  }

  @Test
  void shouldRoundTripConcurrentlyThroughOneSharedSerde() throws Exception {
    AvroSerde<ImageEvent> serde = AvroSerde.of(ImageEvent.class);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        tasks.add(
            () -> {
              for (int i = 0; i < 500; i++) {
                ImageEvent event =
                    SampleEvents.imageEventBuilder()
                        .setEventId("thread-" + thread + "-event-" + i)
                        .build();
                byte[] bytes = serde.serializer().serialize(Topics.IMAGES_RAW, event);
                ImageEvent back = serde.deserializer().deserialize(Topics.IMAGES_RAW, bytes);
                assertThat(back.getEventId()).isEqualTo(event.getEventId());
              }
              return thread;
            });
      }
      for (Future<Integer> done : pool.invokeAll(tasks)) {
        done.get(); // rethrows any assertion failure from the worker thread
      }
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void shouldDecodeNestedGeneratedClassesWithoutAvrosClassAllowList() {
    // Avro 1.12 refuses schema-named classes unless allow-listed; the serde must not need it.
    assertThat(System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES")).isNull();
    AvroSerde<MedicationValidation> serde = AvroSerde.of(MedicationValidation.class);
    MedicationValidation sample = SampleEvents.medicationValidation();

    byte[] bytes = serde.serializer().serialize(Topics.PHARMACY_VALIDATIONS, sample);

    assertThat(serde.deserializer().deserialize(Topics.PHARMACY_VALIDATIONS, bytes))
        .isEqualTo(sample);
  }

  @Test
  void shouldShareSerializerAndDeserializerInstances() {
    AvroSerde<ImageEvent> serde = AvroSerde.of(ImageEvent.class);

    assertThat(serde.serializer()).isSameAs(serde.serializer());
    assertThat(serde.deserializer()).isSameAs(serde.deserializer());
    assertThat(serde.type()).isEqualTo(ImageEvent.class);
    assertThat(serde.schema()).isEqualTo(ImageEvent.getClassSchema());
  }

  /** A serde for the sample's own class; the cast is safe because the class is the sample's. */
  @SuppressWarnings("unchecked")
  static AvroSerde<SpecificRecord> serdeFor(SpecificRecord sample) {
    return (AvroSerde<SpecificRecord>) AvroSerde.of(sample.getClass());
  }

  /** Samples hold ByteBuffers; compare against an untouched instance of the same sample. */
  private static SpecificRecord freshCopyOf(SpecificRecord sample) {
    return SampleEvents.all().stream()
        .filter(s -> s.getClass() == sample.getClass())
        .findFirst()
        .orElseThrow();
  }
}
