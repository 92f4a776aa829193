package io.streamsight.processors.audio;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.TextEvent;
import io.streamsight.events.Transcript;
import io.streamsight.processors.audio.asr.SpokenOrders;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Transcripts of pharmacy sources ({@link PharmacySources}) with recognised text become typed
 * orders: a {@link TextEvent} of kind {@code order} whose text is the written form of what was said
 * ({@link SpokenOrders}), with the audio event's id as its id (so the validation's order id is the
 * recording's), its source, capture time and attributes (a DIN, patient or prescriber reference
 * sent with the recording still applies), and attribute {@value #ORIGIN_ATTRIBUTE} {@code =audio}.
 * Other transcripts are dropped. Nothing is logged: the text is health data.
 */
public final class SpokenOrderProcessor
    implements FixedKeyProcessor<String, Transcript, TextEvent> {

  /** Attribute saying where the order came from. */
  public static final String ORIGIN_ATTRIBUTE = "origin";

  private final PharmacySources sources;
  private FixedKeyProcessorContext<String, TextEvent> context;

  private SpokenOrderProcessor(PharmacySources sources) {
    this.sources = sources;
  }

  public static FixedKeyProcessorSupplier<String, Transcript, TextEvent> supplier(
      PharmacySources sources) {
    requireNonNull(sources, "sources");
    return () -> new SpokenOrderProcessor(sources);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, TextEvent> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, Transcript> record) {
    TextEvent order = toOrder(record.value(), sources);
    if (order != null) {
      context.forward(record.withValue(order));
    }
  }

  /** The typed order of a transcript, or null when it is not a spoken order with words. */
  public static TextEvent toOrder(Transcript t, PharmacySources sources) {
    if (t == null
        || t.getText().isBlank()
        || !sources.isPharmacy(t.getSource().getSourceId(), t.getAttributes())) {
      return null;
    }
    Map<String, String> attributes = new LinkedHashMap<>(t.getAttributes());
    attributes.put(ORIGIN_ATTRIBUTE, "audio");
    return TextEvent.newBuilder()
        .setEventId(t.getSource().getEventId())
        .setSourceId(t.getSource().getSourceId())
        .setCaptureTime(t.getSource().getCaptureTime())
        .setContentType("text/plain")
        .setText(SpokenOrders.toWritten(t.getText()))
        .setLanguage(t.getLanguage())
        .setKind(PharmacySources.ORDER)
        .setAttributes(attributes)
        .build();
  }
}
