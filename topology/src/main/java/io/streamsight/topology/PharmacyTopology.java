package io.streamsight.topology;

import io.streamsight.events.MedicationValidation;
import io.streamsight.processors.medication.OrderValidationProcessor;
import io.streamsight.processors.medication.sig.SigParser;
import io.streamsight.schemas.Topic;
import io.streamsight.schemas.Topics;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Medication orders in, one validation per order out on {@code pharmacy.validations} (one topic;
 * the record's status says ACCEPTED, NEEDS_REVIEW or REJECTED). Orders come from {@code
 * pharmacy.orders}, and typed ones from {@code text.normalized} events of kind {@code order}. The
 * formulary is two GlobalKTables, so every instance validates against all of it.
 */
public final class PharmacyTopology {

  /** Store of the formulary GlobalKTable: DIN → product. */
  public static final String PRODUCT_STORE = "formulary-products";

  /** Store of the formulary name index GlobalKTable: normalised name → DINs. */
  public static final String NAME_STORE = "formulary-names";

  /** What the pharmacy topology needs, built elsewhere. */
  public record Dependencies(SigParser parser) {}

  private PharmacyTopology() {}

  public static void addTo(StreamsBuilder builder, Topics topics, Dependencies deps) {
    globalTable(builder, topics.formulary(), PRODUCT_STORE);
    globalTable(builder, topics.formularyNames(), NAME_STORE);

    Topic<String, MedicationValidation> out = topics.validations();
    builder.stream(
            topics.orders().name(),
            Consumed.with(topics.orders().keySerde(), topics.orders().valueSerde())
                .withName(topics.orders().name() + "-source"))
        .processValues(
            OrderValidationProcessor.orders(deps.parser(), PRODUCT_STORE, NAME_STORE),
            Named.as("order-validate"))
        .to(
            out.name(),
            Produced.with(out.keySerde(), out.valueSerde()).withName(out.name() + "-sink"));

    builder.stream(
            topics.normalizedText().name(),
            Consumed.with(topics.normalizedText().keySerde(), topics.normalizedText().valueSerde())
                .withName("text-orders-source"))
        .filter((key, text) -> "order".equals(text.getKind()), Named.as("text-orders-filter"))
        .processValues(
            OrderValidationProcessor.textOrders(deps.parser(), PRODUCT_STORE, NAME_STORE),
            Named.as("text-order-validate"))
        .selectKey((key, validation) -> validation.getOrderId(), Named.as("text-order-key"))
        .to(
            out.name(),
            Produced.with(out.keySerde(), out.valueSerde())
                .withName("text-order-validations-sink"));
  }

  private static <V> void globalTable(
      StreamsBuilder builder, Topic<String, V> topic, String store) {
    builder.globalTable(
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde()).withName(topic.name() + "-source"),
        Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store)
            .withKeySerde(topic.keySerde())
            .withValueSerde(topic.valueSerde()));
  }
}
