package io.streamsight.processors.medication.formulary;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import io.streamsight.schemas.Topic;
import io.streamsight.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The formulary over Kafka Streams global stores answers exactly as the one in memory, with the
 * stores filled the production way: {@link FormularyPublisher} bytes through the {@code formulary}
 * and {@code formulary.names} topics into GlobalKTables.
 */
class StoreFormularyTest {

  private static final List<String> DINS =
      List.of("02212307", "2212307", "00244392", "02372568", "02333724", "99999999", "abc", "");

  private static final String PRODUCTS = "formulary-products";
  private static final String NAMES = "formulary-names";

  private static final List<String> NAMES_QUERIED =
      List.of(
          "amoxicillin",
          "Amoxicillin 250 mg/5 mL susp",
          "amox",
          "amoxicilin",
          "cefalexin",
          "cephalexin caps",
          "Ceftin",
          "cefuroxime axetil",
          "apo-cephalex 500",
          "Keflex",
          "prednisone",
          "ventolin inhaler",
          "Lantus",
          "insulin glargine",
          "fucidin",
          "xalatan eye drops",
          "lipitor",
          "metformin",
          "oxyneo",
          "am",
          "zz",
          "");

  private static final List<String> INGREDIENTS =
      List.of(
          "amoxicillin",
          "AMOXICILLIN (AMOXICILLIN TRIHYDRATE)",
          "cefuroxime axetil",
          "cephalexin",
          "prednisone",
          "ceftin",
          "nothing");

  @Test
  void shouldAnswerLikeTheInMemoryFormularyOnTheSample() {
    assertSameAnswers(SampleFormulary.products());
  }

  @Test
  void shouldAnswerLikeTheInMemoryFormularyOnTheWholeExtract() {
    assertSameAnswers(DpdTestData.products());
  }

  @Test
  void shouldServeAProcessorFromTheGlobalStores() {
    StreamsBuilder builder = new StreamsBuilder();
    Topics topics = formularyTables(builder);
    builder.stream("drug-names", Consumed.with(Serdes.String(), Serdes.String()))
        .processValues(FirstDinProcessor::new, Named.as("first-din"))
        .to("first-dins", Produced.with(Serdes.String(), Serdes.String()));

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config())) {
      publish(driver, topics, SampleFormulary.products());
      TestInputTopic<String, String> names =
          driver.createInputTopic("drug-names", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> dins =
          driver.createOutputTopic(
              "first-dins", new StringDeserializer(), new StringDeserializer());

      names.pipeInput("o-1", "Ceftin");
      names.pipeInput("o-2", "amoxicilin 250 mg/5 mL");
      names.pipeInput("o-3", "no such drug");

      assertThat(dins.readKeyValuesToMap())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("o-1", "02212307", "o-2", "00406716", "o-3", "none"));
    }
  }

  /** What a validator does: queries the formulary from a processor, per record. */
  private static final class FirstDinProcessor
      implements FixedKeyProcessor<String, String, String> {
    private FixedKeyProcessorContext<String, String> context;
    private Formulary formulary;

    @Override
    public void init(FixedKeyProcessorContext<String, String> context) {
      this.context = context;
      this.formulary =
          StoreFormulary.overTimestamped(
              context.getStateStore(PRODUCTS), context.getStateStore(NAMES));
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
      List<NameMatch> matches = formulary.byName(record.value());
      context.forward(
          record.withValue(matches.isEmpty() ? "none" : matches.get(0).product().getDin()));
    }
  }

  private static void assertSameAnswers(List<FormularyProduct> products) {
    StreamsBuilder builder = new StreamsBuilder();
    Topics topics = formularyTables(builder);

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config())) {
      publish(driver, topics, products);

      KeyValueStore<String, FormularyProduct> productStore = driver.getKeyValueStore(PRODUCTS);
      KeyValueStore<String, FormularyNameEntry> nameStore = driver.getKeyValueStore(NAMES);
      Formulary store = new StoreFormulary(productStore, nameStore);
      Formulary memory = InMemoryFormulary.of(products);
      Formulary timestamped =
          StoreFormulary.overTimestamped(
              driver.getTimestampedKeyValueStore(PRODUCTS),
              driver.getTimestampedKeyValueStore(NAMES));

      assertThat(productStore.approximateNumEntries()).isEqualTo(products.size());
      for (String name : NAMES_QUERIED) {
        assertThat(timestamped.byName(name)).as(name).isEqualTo(memory.byName(name));
      }
      for (String din : DINS) {
        assertThat(store.byDin(din)).as(din).isEqualTo(memory.byDin(din));
      }
      for (String name : NAMES_QUERIED) {
        assertThat(store.byName(name)).as(name).isEqualTo(memory.byName(name));
      }
      for (String ingredient : INGREDIENTS) {
        assertThat(store.byIngredient(ingredient))
            .as(ingredient)
            .isEqualTo(memory.byIngredient(ingredient));
      }
      // The comparison means something only if the queries found things.
      assertThat(store.byName("amoxicilin")).isNotEmpty();
      assertThat(store.byName("amox")).isNotEmpty();
      assertThat(store.byIngredient("cephalexin")).isNotEmpty();
      assertThat(store.byDin("2212307")).isPresent();
    }
  }

  /** The two GlobalKTables, as a topology reading the formulary declares them. */
  private static Topics formularyTables(StreamsBuilder builder) {
    Topics topics = Topics.create();
    globalTable(builder, topics.formulary(), PRODUCTS);
    globalTable(builder, topics.formularyNames(), NAMES);
    return topics;
  }

  /** Publishes the products the production way, into the driver's input topics. */
  private static void publish(
      TopologyTestDriver driver, Topics topics, List<FormularyProduct> products) {
    Map<String, TestInputTopic<byte[], byte[]>> inputs =
        Map.of(
            topics.formulary().name(), input(driver, topics.formulary()),
            topics.formularyNames().name(), input(driver, topics.formularyNames()));
    new FormularyPublisher(
            (topic, key, value) -> {
              inputs.get(topic).pipeInput(key, value);
              return CompletableFuture.completedFuture(null);
            },
            topics)
        .publish(products);
  }

  private static Properties config() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "formulary-store-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return props;
  }

  private static <V> void globalTable(
      StreamsBuilder builder, Topic<String, V> topic, String store) {
    builder.globalTable(
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde()).withName(store + "-source"),
        Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store)
            .withKeySerde(topic.keySerde())
            .withValueSerde(topic.valueSerde()));
  }

  private static TestInputTopic<byte[], byte[]> input(
      TopologyTestDriver driver, Topic<?, ?> topic) {
    return driver.createInputTopic(
        topic.name(), new ByteArraySerializer(), new ByteArraySerializer());
  }
}
