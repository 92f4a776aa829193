package io.streamsight.processors.behavior;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Camera configs as a processor sees them: the camera-config GlobalKTable's store (JSON by camera
 * id, timestamped as a processor gets global stores), parsed once per distinct JSON and cached. One
 * per processor instance; not thread-safe.
 */
final class CameraConfigs {

  private static final int CACHE = 64;

  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<String>> store;
  private final Map<String, Object> parsed =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > CACHE;
        }
      };

  CameraConfigs(ReadOnlyKeyValueStore<String, ValueAndTimestamp<String>> store) {
    this.store = store;
  }

  /**
   * The camera's config, or null when it has none.
   *
   * @throws IllegalArgumentException when its JSON is invalid (the message says why)
   */
  CameraConfig get(String camera) {
    if (camera == null) {
      return null;
    }
    ValueAndTimestamp<String> entry = store.get(camera);
    if (entry == null || entry.value() == null) {
      return null;
    }
    String json = entry.value();
    Object cached = parsed.get(json);
    if (cached == null) {
      try {
        cached = CameraConfig.parse(json);
      } catch (IllegalArgumentException e) {
        cached = e;
      }
      parsed.put(json, cached);
    }
    if (cached instanceof IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return (CameraConfig) cached;
  }
}
