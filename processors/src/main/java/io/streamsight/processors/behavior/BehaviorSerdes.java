package io.streamsight.processors.behavior;

import io.streamsight.events.BehaviorEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serdes of the behaviour stores. */
public final class BehaviorSerdes {

  private BehaviorSerdes() {}

  /** {@link CameraState} as its versioned binary form. */
  public static Serde<CameraState> cameraState() {
    return Serdes.serdeFrom(
        (topic, state) -> state == null ? null : state.toBytes(),
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return CameraState.fromBytes(bytes);
          } catch (IllegalArgumentException e) {
            throw new SerializationException(e.getMessage(), e);
          }
        });
  }

  /** A list of events, each written with the event topic's Avro serde. */
  public static Serde<List<BehaviorEvent>> eventList(Serde<BehaviorEvent> events) {
    return Serdes.serdeFrom(
        (topic, list) -> {
          if (list == null) {
            return null;
          }
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(list.size());
            for (BehaviorEvent e : list) {
              byte[] one = events.serializer().serialize(topic, e);
              out.writeInt(one.length);
              out.write(one);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return bytes.toByteArray();
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            List<BehaviorEvent> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              byte[] one = new byte[in.readInt()];
              in.readFully(one);
              list.add(events.deserializer().deserialize(topic, one));
            }
            return list;
          } catch (IOException e) {
            throw new SerializationException("corrupt event list", e);
          }
        });
  }
}
