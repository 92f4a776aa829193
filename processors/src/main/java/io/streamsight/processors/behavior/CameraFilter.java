package io.streamsight.processors.behavior;

import io.streamsight.events.ImageEvent;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Lets through the frames of cameras that have a camera config, before anything is buffered or
 * decoded: frames of unconfigured cameras are dropped (nothing watches them), frames of a camera
 * whose config is invalid are dead-lettered with the config's error, so the mistake is visible.
 */
public final class CameraFilter implements FixedKeyProcessor<String, ImageEvent, ImageEvent> {

  private final String configStore;
  private FixedKeyProcessorContext<String, ImageEvent> context;
  private CameraConfigs configs;

  private CameraFilter(String configStore) {
    this.configStore = configStore;
  }

  /** A supplier over the camera-config GlobalKTable store {@code configStore}. */
  public static FixedKeyProcessorSupplier<String, ImageEvent, ImageEvent> supplier(
      String configStore) {
    return () -> new CameraFilter(configStore);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ImageEvent> context) {
    this.context = context;
    this.configs = new CameraConfigs(context.getStateStore(configStore));
  }

  @Override
  public void process(FixedKeyRecord<String, ImageEvent> record) {
    ImageEvent frame = record.value();
    if (frame == null) {
      return;
    }
    CameraConfig config;
    try {
      config = configs.get(frame.getSourceId());
    } catch (IllegalArgumentException e) {
      throw new RejectedInputException(
          Reason.UNSUPPORTED,
          "camera-config of camera " + frame.getSourceId() + " is invalid: " + e.getMessage(),
          e);
    }
    if (config != null) {
      context.forward(record);
    }
  }
}
