package io.streamsight.schemas;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka topic and the serdes of its keys and values: what producers, consumers and the topology
 * need to use it without repeating the name or the types.
 *
 * @param name the topic name; Kafka's legal topic characters ({@code [a-zA-Z0-9._-]}, 1 to 249)
 * @param keySerde serde of the record keys
 * @param valueSerde serde of the record values
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException when the name is not a legal Kafka topic name
   */
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    // Kafka reserves "." and ".." and rejects them at topic creation; fail here, at startup.
    if (!LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("illegal Kafka topic name: '" + name + "'");
    }
  }

  /** {@code keySerde().serializer()}. */
  public Serializer<K> keySerializer() {
    return keySerde.serializer();
  }

  /** {@code valueSerde().serializer()}. */
  public Serializer<V> valueSerializer() {
    return valueSerde.serializer();
  }

  /** {@code keySerde().deserializer()}. */
  public Deserializer<K> keyDeserializer() {
    return keySerde.deserializer();
  }

  /** {@code valueSerde().deserializer()}. */
  public Deserializer<V> valueDeserializer() {
    return valueSerde.deserializer();
  }

  /** Serializes a key for this topic; {@code null} stays {@code null}. */
  public byte[] serializeKey(K key) {
    return keySerializer().serialize(name, key);
  }

  /** Serializes a value for this topic; {@code null} (a tombstone) stays {@code null}. */
  public byte[] serializeValue(V value) {
    return valueSerializer().serialize(name, value);
  }

  /** Deserializes a key read from this topic. */
  public K deserializeKey(byte[] key) {
    return keyDeserializer().deserialize(name, key);
  }

  /**
   * Deserializes a value read from this topic.
   *
   * @throws org.apache.kafka.common.errors.SerializationException when the bytes are not a value of
   *     this topic
   */
  public V deserializeValue(byte[] value) {
    return valueDeserializer().deserialize(name, value);
  }

  @Override
  public String toString() {
    return "Topic[" + name + "]";
  }
}
