package io.streamsight.topology.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsight.schemas.Topic;
import io.streamsight.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;

/**
 * Renders Kafka records as one-line JSON: Avro records in Avro's JSON encoding with an added {@code
 * "topic"} field; dead letters as their key, source position, reason and size.
 */
public final class JsonRecords {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ERRORS = "__streams.errors.";

  private final Topics topics;

  JsonRecords(Topics topics) {
    this.topics = topics;
  }

  /** The JSON line for a raw record read from a catalogue topic. */
  String render(ConsumerRecord<byte[], byte[]> record) {
    if (record.topic().equals(topics.deadLetters().name())) {
      return deadLetter(record).toString();
    }
    Optional<Topic<?, ?>> topic = topics.byName(record.topic());
    if (topic.isEmpty()) {
      throw new IllegalArgumentException("not a catalogue topic: " + record.topic());
    }
    Object value;
    try {
      value = topic.get().valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      ObjectNode node = MAPPER.createObjectNode();
      node.put("topic", record.topic());
      node.put("offset", record.offset());
      node.put("undecodable", e.getMessage());
      return node.toString();
    }
    if (value instanceof String text) {
      // camera-config: the JSON document itself, keyed by camera id.
      ObjectNode node = MAPPER.createObjectNode();
      node.put("topic", record.topic());
      node.put(
          "key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
      node.put("value", text);
      return node.toString();
    }
    if (!(value instanceof SpecificRecordBase avro)) {
      throw new IllegalArgumentException("not an Avro topic: " + record.topic());
    }
    return avro(record.topic(), avro).toString();
  }

  /** An Avro record in Avro's JSON encoding, with an added {@code "topic"} field. */
  public static ObjectNode avro(String topic, SpecificRecordBase record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      JsonEncoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), out);
      new SpecificDatumWriter<SpecificRecordBase>(record.getSchema(), record.getSpecificData())
          .write(record, encoder);
      encoder.flush();
      ObjectNode node = MAPPER.createObjectNode();
      node.put("topic", topic);
      node.setAll((ObjectNode) MAPPER.readTree(out.toByteArray()));
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode deadLetter(ConsumerRecord<byte[], byte[]> record) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("topic", record.topic());
    node.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
    node.put("sourceTopic", header(record, "topic"));
    node.put("sourcePartition", header(record, "partition"));
    node.put("sourceOffset", header(record, "offset"));
    node.put("exception", header(record, "exception"));
    node.put("reason", header(record, "message"));
    node.put("valueBytes", record.value() == null ? 0 : record.value().length);
    return node;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(ERRORS + name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
