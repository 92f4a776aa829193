package io.streamsight.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import io.streamsight.processors.medication.formulary.FormularyNames;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.broker.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code formulary import --sample} against a real broker. */
class FormularyCommandIT {

  @Test
  void shouldPublishTheSampleToCompactedTopics() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0)) {
      StringWriter out = new StringWriter();
      int code = importSample(broker, out);

      assertThat(code).isZero();
      List<FormularyProduct> sample = SampleFormulary.products();
      int names = FormularyNames.index(sample).size();
      JsonNode counts = JsonRecords.MAPPER.readTree(out.toString());
      assertThat(counts.get("products").asInt()).isEqualTo(sample.size());
      assertThat(counts.get("names").asInt()).isEqualTo(names);
      assertThat(counts.get("DORMANT").asInt()).isEqualTo(1);

      Topics topics = Topics.create();
      Map<String, FormularyProduct> products = new HashMap<>();
      Map<String, FormularyNameEntry> entries = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> r :
          readAll(broker, Set.of("formulary", "formulary.names"), sample.size() + names)) {
        if (r.topic().equals("formulary")) {
          products.put(
              topics.formulary().deserializeKey(r.key()),
              topics.formulary().deserializeValue(r.value()));
        } else {
          entries.put(
              topics.formularyNames().deserializeKey(r.key()),
              topics.formularyNames().deserializeValue(r.value()));
        }
      }
      assertThat(products).hasSize(sample.size());
      assertThat(products.get("02212307").getBrandName()).isEqualTo("CEFTIN");
      assertThat(entries.get("cephalexin").getDins())
          .containsExactly("00244392", "00768715", "00768723");

      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        for (String topic : List.of("formulary", "formulary.names")) {
          ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
          String policy =
              admin
                  .describeConfigs(List.of(resource))
                  .all()
                  .get()
                  .get(resource)
                  .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                  .value();
          assertThat(policy).as(topic).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
      }
    }
  }

  @Test
  void shouldRemoveWhatANewImportNoLongerCarries() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0)) {
      Topics topics = Topics.create();
      // An older import left a product (and its name) that the sample does not carry.
      FormularyProduct dropped =
          FormularyProduct.newBuilder()
              .setDin("09999999")
              .setBrandName("OLDBRAND")
              .setProductClass("Human")
              .setIngredients(List.of())
              .setDosageForms(List.of("TABLET"))
              .setRoutes(List.of("ORAL"))
              .setMarketingStatus("MARKETED")
              .setSchedules(List.of())
              .setSource("test")
              .build();
      Map<String, Object> producerProps =
          Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      broker.createTopics(
          List.of(
              new org.apache.kafka.clients.admin.NewTopic("formulary", 1, (short) 1),
              new org.apache.kafka.clients.admin.NewTopic("formulary.names", 1, (short) 1)));
      try (var producer =
          new org.apache.kafka.clients.producer.KafkaProducer<>(
              producerProps,
              new org.apache.kafka.common.serialization.ByteArraySerializer(),
              new org.apache.kafka.common.serialization.ByteArraySerializer())) {
        new io.streamsight.processors.medication.formulary.FormularyPublisher(producer, topics)
            .publish(List.of(dropped))
            .await();
      }

      StringWriter out = new StringWriter();
      int code = importSample(broker, out);

      assertThat(code).isZero();
      JsonNode counts = JsonRecords.MAPPER.readTree(out.toString());
      assertThat(counts.get("removedProducts").asInt()).isEqualTo(1);
      assertThat(counts.get("removedNames").asInt()).isPositive();
      Map<String, Object> clientProps =
          Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      Set<String> dins = LiveKeys.read(clientProps, topics.formulary(), Duration.ofSeconds(30));
      Set<String> names =
          LiveKeys.read(clientProps, topics.formularyNames(), Duration.ofSeconds(30));
      assertThat(dins).doesNotContain("09999999").hasSize(SampleFormulary.products().size());
      assertThat(names).doesNotContain("oldbrand").contains("ceftin");
    }
  }

  private static int importSample(EmbeddedKafkaBroker broker, StringWriter out) {
    return new CommandLine(new StreamsightCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(new StringWriter(), true))
        .execute(
            "formulary", "import", "--sample", "--bootstrap-server", broker.bootstrapServers());
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      EmbeddedKafkaBroker broker, Set<String> topicNames, int expected) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          topicNames.stream()
              .flatMap(
                  t ->
                      consumer.partitionsFor(t).stream()
                          .map(p -> new TopicPartition(p.topic(), p.partition())))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
