package io.streamsight.schemas;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro record class, in Avro's <a
 * href="https://avro.apache.org/docs/1.12.0/specification/#single-object-encoding">single-object
 * encoding</a>: the two marker bytes {@code C3 01}, the writer schema's 8-byte little-endian
 * fingerprint, then the Avro binary body. No schema registry is needed: the fingerprint names the
 * writer schema, and the reader knows every schema that record was released with.
 *
 * <p>Writing always uses the current schema of {@code T}. Reading accepts the current schema and
 * every released version of {@code T} in the {@link SchemaStore}, resolved into the current class
 * by Avro's schema resolution (fields added since are filled with their defaults). A record written
 * with a schema this build has never seen (a newer producer, another record type) is rejected
 * rather than guessed at.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@code null} serializes to {@code null} and {@code null} bytes deserialize to {@code null}
 *       (tombstones).
 *   <li>Every failure throws Kafka's {@link SerializationException}, its message starting with the
 *       topic name and saying what was wrong: a bad header, an unknown fingerprint, a record of
 *       another type, a truncated or corrupt body, trailing bytes. Kafka Streams' deserialization
 *       exception handler can then route the raw record to the dead-letter queue.
 *   <li>The serde, its serializer and its deserializer are immutable and thread-safe; one instance
 *       may be shared by every stream thread. {@link #configure} and {@link #close} do nothing.
 * </ul>
 *
 * @param <T> the generated record class
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  /** Length of the single-object header: 2 marker bytes and an 8-byte fingerprint. */
  static final int HEADER_LENGTH = 10;

  private static final byte MARKER_0 = (byte) 0xC3;
  private static final byte MARKER_1 = (byte) 0x01;

  private final Class<T> type;
  private final Schema schema;
  private final SchemaStore store;
  private final Set<Long> readableFingerprints;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  private final Serializer<T> serializer = this::serialize;
  private final Deserializer<T> deserializer = this::deserialize;

  private AvroSerde(Class<T> type, SchemaStore store) {
    this.type = Objects.requireNonNull(type, "type");
    this.store = Objects.requireNonNull(store, "store");
    SpecificData model = GeneratedClassesData.forClass(type);
    this.schema = model.getSchema(type);
    // No copy: serialize() copies the thread-local buffer out before the next encode.
    this.encoder = new BinaryMessageEncoder<>(model, schema, false);
    // No resolver: only this record's own versions may be read, never another type's schema.
    this.decoder = new BinaryMessageDecoder<>(model, schema);
    Set<Long> fingerprints = new HashSet<>();
    fingerprints.add(SchemaStore.fingerprint(schema));
    for (Schema writer : store.writerSchemas(schema.getFullName())) {
      requireReadable(schema, writer);
      decoder.addSchema(writer);
      fingerprints.add(SchemaStore.fingerprint(writer));
    }
    this.readableFingerprints = Set.copyOf(fingerprints);
  }

  /**
   * A serde for {@code type} that reads every version in {@link SchemaStore#load()}.
   *
   * @throws IllegalStateException when a released version cannot be read by the current schema
   */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return of(type, SchemaStore.load());
  }

  /**
   * A serde for {@code type} that reads the versions of it in {@code store}.
   *
   * @throws IllegalStateException when a version in the store cannot be read by the current schema
   */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaStore store) {
    return new AvroSerde<>(type, store);
  }

  /** The record class this serde reads and writes. */
  public Class<T> type() {
    return type;
  }

  /** The schema records are written with: the current schema of {@link #type()}. */
  public Schema schema() {
    return schema;
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public String toString() {
    return "AvroSerde[" + type.getName() + "]";
  }

  private byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    ByteBuffer encoded;
    try {
      // Avro encodes into a buffer it keeps per thread, so a record of a few kilobytes costs one
      // copy rather than a stream grown from a small array one doubling at a time.
      encoded = encoder.encode(data);
    } catch (IOException | RuntimeException e) {
      // Typically a required field left null: Avro names the field in its message.
      throw new SerializationException(
          topic + ": cannot serialize " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    return bytes;
  }

  private T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    long fingerprint = checkHeader(topic, data);
    ByteArrayInputStream in = new ByteArrayInputStream(data);
    T value;
    try {
      value = decoder.decode(in, null);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          String.format(
              "%s: truncated or corrupt %s record (%d bytes, schema fingerprint %s): %s",
              topic, schema.getFullName(), data.length, hex(fingerprint), e.getMessage()),
          e);
    }
    // The direct decoder reads exactly one datum; anything left means the bytes are not one record.
    if (in.available() > 0) {
      throw new SerializationException(
          String.format(
              "%s: %d unexpected trailing bytes after a %s record (schema fingerprint %s)",
              topic, in.available(), schema.getFullName(), hex(fingerprint)));
    }
    return value;
  }

  /** Checks the header, and that its fingerprint is a version of {@code T}; returns it. */
  private long checkHeader(String topic, byte[] data) {
    if (data.length < HEADER_LENGTH) {
      throw new SerializationException(
          String.format(
              "%s: not an Avro single-object record (bad header: %d bytes, shorter than the"
                  + " %d-byte header)",
              topic, data.length, HEADER_LENGTH));
    }
    if (data[0] != MARKER_0 || data[1] != MARKER_1) {
      throw new SerializationException(
          String.format(
              "%s: not an Avro single-object record (bad header: starts 0x%02X 0x%02X, expected"
                  + " 0xC3 0x01)",
              topic, data[0], data[1]));
    }
    long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (!readableFingerprints.contains(fingerprint)) {
      Optional<Schema> other = Optional.ofNullable(store.findByFingerprint(fingerprint));
      throw new SerializationException(
          other
              .map(
                  s ->
                      String.format(
                          "%s: record of type %s (schema fingerprint %s) where %s was expected",
                          topic, s.getFullName(), hex(fingerprint), schema.getFullName()))
              .orElseGet(
                  () ->
                      String.format(
                          "%s: unknown schema fingerprint %s for %s: not the current schema nor"
                              + " a released version (written by a newer or foreign producer?)",
                          topic, hex(fingerprint), schema.getFullName())));
    }
    return fingerprint;
  }

  /** Fails fast, at construction, rather than on the first old record in production. */
  private static void requireReadable(Schema reader, Schema writer) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
      throw new IllegalStateException(
          String.format(
              "%s cannot read its version with fingerprint %s: %s",
              reader.getFullName(), hex(SchemaStore.fingerprint(writer)), result.getDescription()));
    }
  }

  static String hex(long fingerprint) {
    return String.format("0x%016X", fingerprint);
  }
}
