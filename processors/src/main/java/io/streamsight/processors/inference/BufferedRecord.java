package io.streamsight.processors.inference;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One record waiting in a {@link MicroBatchProcessor}'s buffer store: its serialized key and value,
 * timestamp and headers (all forwarded with the result), and where it came from (for the
 * dead-letter record if its inference fails). Immutable; the arrays are copied in and out.
 */
public final class BufferedRecord {

  private final byte[] key;
  private final byte[] value;
  private final long timestamp;
  private final Header[] headers;
  private final String topic;
  private final int partition;
  private final long offset;

  /**
   * @param key serialized key, or null
   * @param value serialized value, or null
   * @param timestamp the record's timestamp
   * @param headers the record's headers (copied)
   * @param topic source topic, or null when not known (e.g. records forwarded by a punctuator)
   * @param partition source partition, or -1
   * @param offset source offset, or -1
   */
  public BufferedRecord(
      byte[] key,
      byte[] value,
      long timestamp,
      Headers headers,
      String topic,
      int partition,
      long offset) {
    this.key = key == null ? null : key.clone();
    this.value = value == null ? null : value.clone();
    this.timestamp = timestamp;
    this.headers = requireNonNull(headers, "headers").toArray();
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
  }

  public byte[] key() {
    return key == null ? null : key.clone();
  }

  public byte[] value() {
    return value == null ? null : value.clone();
  }

  public long timestamp() {
    return timestamp;
  }

  /** A fresh, mutable copy of the headers. */
  public Headers headers() {
    return new RecordHeaders(headers.clone());
  }

  public String topic() {
    return topic;
  }

  public int partition() {
    return partition;
  }

  public long offset() {
    return offset;
  }

  /** {@code topic-partition@offset}, for logs and messages (never the content). */
  public String source() {
    return topic == null ? "(unknown source)" : topic + "-" + partition + "@" + offset;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BufferedRecord other
        && Arrays.equals(key, other.key)
        && Arrays.equals(value, other.value)
        && timestamp == other.timestamp
        && Arrays.equals(headers, other.headers)
        && java.util.Objects.equals(topic, other.topic)
        && partition == other.partition
        && offset == other.offset;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        Arrays.hashCode(key), Arrays.hashCode(value), timestamp, topic, partition, offset);
  }

  @Override
  public String toString() {
    return "BufferedRecord{" + source() + ", timestamp=" + timestamp + "}";
  }
}
