package io.streamsight.processors.inference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@code float[]} as little-endian IEEE 754 floats, for tests. */
public final class FloatArraySerde implements Serde<float[]> {

  @Override
  public Serializer<float[]> serializer() {
    return (topic, values) -> {
      if (values == null) {
        return null;
      }
      ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(values);
      return bytes.array();
    };
  }

  @Override
  public Deserializer<float[]> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      float[] values = new float[bytes.length / 4];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      return values;
    };
  }
}
