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
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
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

  private static final List<String> NAMES =
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

  private static void assertSameAnswers(List<FormularyProduct> products) {
    Topics topics = Topics.create();
    StreamsBuilder builder = new StreamsBuilder();
    globalTable(builder, topics.formulary(), "formulary-products");
    globalTable(builder, topics.formularyNames(), "formulary-names");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "formulary-store-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      Map<String, TestInputTopic<byte[], byte[]>> inputs =
          Map.of(
              topics.formulary().name(), input(driver, topics.formulary()),
              topics.formularyNames().name(), input(driver, topics.formularyNames()));
      FormularyPublisher publisher =
          new FormularyPublisher(
              (topic, key, value) -> {
                inputs.get(topic).pipeInput(key, value);
                return CompletableFuture.completedFuture(null);
              },
              topics);
      publisher.publish(products);

      KeyValueStore<String, FormularyProduct> productStore =
          driver.getKeyValueStore("formulary-products");
      KeyValueStore<String, FormularyNameEntry> nameStore =
          driver.getKeyValueStore("formulary-names");
      Formulary store = new StoreFormulary(productStore, nameStore);
      Formulary memory = InMemoryFormulary.of(products);

      assertThat(productStore.approximateNumEntries()).isEqualTo(products.size());
      for (String din : DINS) {
        assertThat(store.byDin(din)).as(din).isEqualTo(memory.byDin(din));
      }
      for (String name : NAMES) {
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
