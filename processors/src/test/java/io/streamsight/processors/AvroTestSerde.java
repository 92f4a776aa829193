package io.streamsight.processors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary serde for the generated event classes, so processor tests can run real
 * topologies without the production serdes; it also proves every output record is writable under
 * its schema (a null in a non-null field fails here).
 */
public final class AvroTestSerde {

  private AvroTestSerde() {}

  public static <T extends SpecificRecord> Serde<T> of(Class<T> type) {
    SpecificData model = new GeneratedClasses(type.getClassLoader());
    SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
    Schema schema = model.getSchema(type);
    SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(schema, model);
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema, schema, model);
    Serializer<T> serializer =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
          try {
            writer.write(value, encoder);
            encoder.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return out.toByteArray();
        };
    Deserializer<T> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  /**
   * Avro 1.12 refuses to load record classes named by a schema unless they are allow-listed
   * process-wide; the classes here come from the test's own reader schema, so they are loaded
   * directly instead.
   */
  private static final class GeneratedClasses extends SpecificData {
    private final ClassLoader loader;

    GeneratedClasses(ClassLoader loader) {
      super(loader);
      this.loader = loader;
    }

    @Override
    public Class<?> getClass(Schema schema) {
      if (schema.getType() == Schema.Type.RECORD
          || schema.getType() == Schema.Type.ENUM
          || schema.getType() == Schema.Type.FIXED) {
        try {
          return Class.forName(getClassName(schema), false, loader);
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("no generated class for " + schema.getFullName(), e);
        }
      }
      return super.getClass(schema);
    }
  }
}
