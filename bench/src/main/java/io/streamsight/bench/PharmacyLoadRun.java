package io.streamsight.bench;

import io.streamsight.events.MedicationOrder;
import io.streamsight.processors.medication.formulary.FormularyPublisher;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.broker.EmbeddedKafkaBroker;
import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.config.StreamsightConfig;
import io.streamsight.topology.runtime.StreamsightRuntime;
import io.streamsight.topology.runtime.TopicCreator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * End-to-end load on the embedded broker: N orders through the pharmacy topology, against a plain
 * consume→produce passthrough (Kafka Streams, same broker, same settings) measured in the same run.
 * Prints throughput, p50/p99/max latency (HdrHistogram, from the order's produce time to the
 * validation's arrival) and the ratio to the passthrough.
 *
 * <p>{@code java -cp bench/target/streamsight-bench.jar io.streamsight.bench.PharmacyLoadRun [N]}
 */
public final class PharmacyLoadRun {

  private static final List<String> SIGS =
      List.of(
          "t1t po tid x10d",
          "1 cap po bid x7d #14",
          "t2t po bid x30d",
          "take 1 tablet by mouth daily",
          "1-2 tabs po q4-6h prn pain max 8/d",
          "t 250mg tid x10d",
          "2 tabs daily x3d then 1 tab daily x3d",
          "2 puffs inh qid prn sob");

  private record Phase(String name, double perSecond, Histogram latency) {}

  private PharmacyLoadRun() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("streamsight-load");
    Topics topics = Topics.create();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
      String bootstrap = broker.bootstrapServers();
      TopicCreator.createMissing(
          Map.of("bootstrap.servers", bootstrap), TopicCreator.newTopics(topics, 2, 1));
      broker.createTopics(
          List.of(new NewTopic("bench.in", 2, (short) 1), new NewTopic("bench.out", 2, (short) 1)));
      try (var producer = producer(bootstrap)) {
        var publication =
            new FormularyPublisher(producer, topics).publish(SampleFormulary.products());
        producer.flush();
        publication.await();
      }

      Phase passthrough = passthrough(bootstrap, dir, n, topics);
      Phase pharmacy = pharmacy(bootstrap, dir, n, topics);
      for (Phase p : List.of(passthrough, pharmacy)) {
        System.out.printf(
            "%-12s %,10.0f records/s  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
            p.name(),
            p.perSecond(),
            p.latency().getValueAtPercentile(50) / 1000.0,
            p.latency().getValueAtPercentile(99) / 1000.0,
            p.latency().getMaxValue() / 1000.0);
      }
      System.out.printf(
          "pharmacy / passthrough throughput ratio: %.2f (n=%d)%n",
          pharmacy.perSecond() / passthrough.perSecond(), n);
    }
  }

  private static Phase passthrough(String bootstrap, Path dir, int n, Topics topics)
      throws Exception {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("bench.in", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .to("bench.out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-passthrough");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-pass").toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      streams.start();
      waitRunning(streams);
      drive("passthrough warm-up", bootstrap, n / 2, "bench.in", "bench.out", topics);
      return drive("passthrough", bootstrap, n, "bench.in", "bench.out", topics);
    }
  }

  private static Phase pharmacy(String bootstrap, Path dir, int n, Topics topics) throws Exception {
    StreamsightConfig config =
        ConfigLoader.load(
            null,
            Map.of(),
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "application.id",
                "bench-pharmacy",
                "state.dir",
                dir.resolve("state-pharmacy").toString(),
                "commit.interval.ms",
                "100"));
    try (StreamsightRuntime unused = StreamsightRuntime.start(config)) {
      // The first orders pay for JIT compilation of the parser and HAPI's encoder.
      drive(
          "pharmacy warm-up",
          bootstrap,
          n / 2,
          topics.orders().name(),
          topics.validations().name(),
          topics);
      return drive(
          "pharmacy", bootstrap, n, topics.orders().name(), topics.validations().name(), topics);
    }
  }

  /** Sends n orders to {@code in} and waits for n records on {@code out}. */
  private static Phase drive(
      String name, String bootstrap, int n, String in, String out, Topics topics) throws Exception {
    Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, out);
        KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      Instant start = Instant.now();
      for (int i = 0; i < n; i++) {
        MedicationOrder order =
            MedicationOrder.newBuilder()
                .setOrderId("o-" + i)
                .setOrderTime(Instant.now())
                .setDin(i % 3 == 0 ? "02243616" : null)
                .setDrugName(i % 3 == 0 ? null : "amoxicillin")
                .setSig(SIGS.get(i % SIGS.size()))
                .setQuantity(30.0)
                .build();
        String key = order.getOrderId();
        var unused =
            producer.send(
                new ProducerRecord<>(
                    in,
                    null,
                    System.currentTimeMillis(),
                    topics.orders().keySerde().serializer().serialize(in, key),
                    topics.orders().valueSerde().serializer().serialize(in, order)));
      }
      producer.flush();
      int seen = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (seen < n && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          seen++;
          // Record timestamps are the producer's send time in ms (kept by both topologies).
          long micros = (System.currentTimeMillis() - r.timestamp()) * 1000;
          latency.recordValue(Math.max(0, Math.min(micros, latency.getHighestTrackableValue())));
        }
      }
      double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
      if (seen < n) {
        throw new IllegalStateException(name + ": only " + seen + " of " + n + " records arrived");
      }
      return new Phase(name, n / seconds, latency);
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.BATCH_SIZE_CONFIG,
            256 * 1024),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String topic) {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    var partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  private static void waitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
