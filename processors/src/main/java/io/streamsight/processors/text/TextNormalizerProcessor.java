package io.streamsight.processors.text;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.TextEvent;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Forwards a copy of each {@link TextEvent} whose {@code text} is normalised by a {@link
 * TextNormalizer}; every other field, key and timestamp unchanged.
 *
 * <p>{@link RejectedInputException} (empty or oversized text, or a record without a value: {@link
 * Reason#EMPTY}) propagates to the processing exception handler, which dead-letters the source
 * record. Use with {@code processValues}.
 */
public final class TextNormalizerProcessor
    implements FixedKeyProcessor<String, TextEvent, TextEvent> {

  private final TextNormalizer normalizer;
  private FixedKeyProcessorContext<String, TextEvent> context;

  public TextNormalizerProcessor(TextNormalizer normalizer) {
    this.normalizer = requireNonNull(normalizer, "normalizer");
  }

  /**
   * A supplier for {@code KStream#processValues}: a new processor for every {@code get()}, all
   * sharing the given (stateless, thread-safe) normaliser.
   */
  public static FixedKeyProcessorSupplier<String, TextEvent, TextEvent> supplier(
      TextNormalizer normalizer) {
    requireNonNull(normalizer, "normalizer");
    return () -> new TextNormalizerProcessor(normalizer);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, TextEvent> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, TextEvent> record) {
    TextEvent event = record.value();
    if (event == null) {
      throw new RejectedInputException(Reason.EMPTY, "text record has no value");
    }
    String text = normalizer.normalize(event.getText());
    // The builder's copy constructor deep-copies, so the input event is never modified.
    context.forward(record.withValue(TextEvent.newBuilder(event).setText(text).build()));
  }
}
