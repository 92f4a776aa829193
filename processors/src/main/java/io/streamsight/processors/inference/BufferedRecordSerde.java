package io.streamsight.processors.inference;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The buffer store's value format: a version byte, then timestamp, source topic, partition and
 * offset, headers, key and value, each byte string length-prefixed (-1 for null). A changelog
 * written by this version must stay readable by the next one, so the layout only ever grows behind
 * a new version byte.
 */
final class BufferedRecordSerde implements Serde<BufferedRecord> {

  private static final byte VERSION = 1;

  @Override
  public Serializer<BufferedRecord> serializer() {
    return (topic, record) -> record == null ? null : write(record);
  }

  @Override
  public Deserializer<BufferedRecord> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(BufferedRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeLong(record.timestamp());
      writeBytes(
          out, record.topic() == null ? null : record.topic().getBytes(StandardCharsets.UTF_8));
      out.writeInt(record.partition());
      out.writeLong(record.offset());
      Header[] headers = record.headers().toArray();
      out.writeInt(headers.length);
      for (Header header : headers) {
        writeBytes(out, header.key().getBytes(StandardCharsets.UTF_8));
        writeBytes(out, header.value());
      }
      writeBytes(out, record.key());
      writeBytes(out, record.value());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static BufferedRecord read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException("unknown buffered record version " + version);
      }
      long timestamp = in.readLong();
      byte[] topic = readBytes(in);
      int partition = in.readInt();
      long offset = in.readLong();
      int headerCount = in.readInt();
      Headers headers = new RecordHeaders();
      for (int i = 0; i < headerCount; i++) {
        headers.add(new String(readBytes(in), StandardCharsets.UTF_8), readBytes(in));
      }
      byte[] key = readBytes(in);
      byte[] value = readBytes(in);
      return new BufferedRecord(
          key,
          value,
          timestamp,
          headers,
          topic == null ? null : new String(topic, StandardCharsets.UTF_8),
          partition,
          offset);
    } catch (IOException e) {
      throw new SerializationException("corrupt buffered record", e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    if (bytes == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }
}
