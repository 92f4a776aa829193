package io.streamsight.processors.image;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.ImageEvent;
import io.streamsight.processors.payload.PayloadResolver;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The image-header step of the model path: the cheap checks of {@link ImageInspector} (payload,
 * byte limit, readable header, pixel limit; no pixel decoding), so that oversize, unreadable or
 * tampered images are dead-lettered with their reason before they are buffered for the models. The
 * event goes on unchanged; the model step decodes it once, and rejects damaged pixel data then.
 */
public final class ImageHeaderCheck implements FixedKeyProcessor<String, ImageEvent, ImageEvent> {

  private final PayloadResolver payloads;
  private final ImageInspector inspector;
  private FixedKeyProcessorContext<String, ImageEvent> context;

  public ImageHeaderCheck(PayloadResolver payloads, ImageInspector inspector) {
    this.payloads = requireNonNull(payloads, "payloads");
    this.inspector = requireNonNull(inspector, "inspector");
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ImageEvent> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, ImageEvent> record) {
    inspector.checkHeader(ImageEnricher.payload(record.value(), payloads));
    context.forward(record);
  }
}
