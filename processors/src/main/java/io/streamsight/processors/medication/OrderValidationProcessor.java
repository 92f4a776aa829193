package io.streamsight.processors.medication;

import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import io.streamsight.events.MedicationOrder;
import io.streamsight.events.MedicationValidation;
import io.streamsight.events.TextEvent;
import io.streamsight.processors.medication.formulary.StoreFormulary;
import io.streamsight.processors.medication.sig.SigParser;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates orders against the formulary held in two GlobalKTable stores. A few lines around {@link
 * OrderValidator}: the formulary is opened in {@code init()}, every order becomes one {@link
 * MedicationValidation}. Health data: logs carry the order id, status and finding types only, never
 * the sig, patient or prescriber.
 */
public final class OrderValidationProcessor<V>
    implements FixedKeyProcessor<String, V, MedicationValidation> {

  private static final Logger LOG = LoggerFactory.getLogger(OrderValidationProcessor.class);

  /** How long a formulary answer is reused: an import is seen by every order after this. */
  static final Duration FORMULARY_CACHE_TTL = Duration.ofSeconds(30);

  /** Distinct sigs remembered per processor (a reading is a few kilobytes). */
  static final int SIG_CACHE_ENTRIES = 10_000;

  private final SigParser parser;
  private final String productStore;
  private final String nameStore;
  private final Function<V, OrderInput> toOrder;
  private FixedKeyProcessorContext<String, MedicationValidation> context;
  private OrderValidator validator;

  private OrderValidationProcessor(
      SigParser parser, String productStore, String nameStore, Function<V, OrderInput> toOrder) {
    this.parser = parser;
    this.productStore = productStore;
    this.nameStore = nameStore;
    this.toOrder = toOrder;
  }

  /** Validates {@link MedicationOrder}s from the orders topic. */
  public static FixedKeyProcessorSupplier<String, MedicationOrder, MedicationValidation> orders(
      SigParser parser, String productStore, String nameStore) {
    return () -> new OrderValidationProcessor<>(parser, productStore, nameStore, OrderInput::of);
  }

  /** Validates typed orders arriving as text ("amoxicillin 250mg t tid x10d #30"). */
  public static FixedKeyProcessorSupplier<String, TextEvent, MedicationValidation> textOrders(
      SigParser parser, String productStore, String nameStore) {
    return () ->
        new OrderValidationProcessor<>(parser, productStore, nameStore, OrderInput::ofText);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, MedicationValidation> context) {
    this.context = context;
    ReadOnlyKeyValueStore<String, ValueAndTimestamp<FormularyProduct>> products =
        context.getStateStore(productStore);
    ReadOnlyKeyValueStore<String, ValueAndTimestamp<FormularyNameEntry>> names =
        context.getStateStore(nameStore);
    this.validator =
        new OrderValidator(
            new SigCache(parser, SIG_CACHE_ENTRIES),
            new CachingFormulary(
                StoreFormulary.overTimestamped(products, names),
                10_000,
                FORMULARY_CACHE_TTL,
                System::nanoTime));
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    OrderInput order = toOrder.apply(record.value());
    ValidationResult result = validator.validate(order);
    LOG.debug("{}", result);
    context.forward(
        record.withValue(result.toAvro(Instant.ofEpochMilli(context.currentSystemTimeMs()))));
  }
}
