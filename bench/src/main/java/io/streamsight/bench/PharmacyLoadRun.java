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
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * End-to-end load on the embedded broker: orders through the pharmacy topology, against a plain
 * consume→produce passthrough (Kafka Streams, same broker, same settings, same order bytes)
 * measured in the same run. Each gets a warm-up, then two phases:
 *
 * <ul>
 *   <li><b>throughput</b>: N orders injected as fast as the producer can, timed until the last
 *       output arrives (records/s; latency here is queueing behind the backlog);
 *   <li><b>latency</b>: N/2 orders paced at a fixed rate below capacity, so each record's latency
 *       (HdrHistogram, produce time to arrival of its output) is the cost of one record, not of a
 *       queue.
 * </ul>
 *
 * Orders come from {@link PharmacyOrders}: forty realistic cases whose sigs repeat, or with {@code
 * --distinct} a new sig text for almost every order.
 *
 * <p>{@code java -cp bench/target/streamsight-bench.jar io.streamsight.bench.PharmacyLoadRun [N]
 * [--rate R] [--distinct]}
 */
public final class PharmacyLoadRun {

  private record Phase(String name, double perSecond, Histogram latency) {}

  private record Settings(int n, int rate, boolean distinct) {}

  private PharmacyLoadRun() {}

  public static void main(String[] args) throws Exception {
    int n = 200_000;
    int rate = 5_000;
    boolean distinct = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--distinct" -> distinct = true;
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        default -> n = Integer.parseInt(args[i]);
      }
    }
    Settings settings = new Settings(n, rate, distinct);
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

      List<Phase> passthrough = passthrough(bootstrap, dir, settings, topics);
      List<Phase> pharmacy = pharmacy(bootstrap, dir, settings, topics);
      for (Phase p : concat(passthrough, pharmacy)) {
        System.out.printf(
            "%-24s %,10.0f records/s  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms%n",
            p.name(),
            p.perSecond(),
            p.latency().getValueAtPercentile(50) / 1000.0,
            p.latency().getValueAtPercentile(99) / 1000.0,
            p.latency().getMaxValue() / 1000.0);
      }
      System.out.printf(
          "pharmacy / passthrough throughput ratio: %.2f (n=%d, %s sigs, latency phase paced at"
              + " %,d/s)%n",
          pharmacy.get(0).perSecond() / passthrough.get(0).perSecond(),
          n,
          distinct ? "distinct" : "repeating",
          rate);
    }
  }

  private static List<Phase> concat(List<Phase> a, List<Phase> b) {
    List<Phase> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<Phase> passthrough(
      String bootstrap, Path dir, Settings settings, Topics topics) throws Exception {
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
      return phases("passthrough", bootstrap, settings, "bench.in", "bench.out", topics);
    }
  }

  /** Warm-up, the throughput phase and the paced latency phase on one running topology. */
  private static List<Phase> phases(
      String name, String bootstrap, Settings s, String in, String out, Topics topics)
      throws Exception {
    // The first records pay for JIT compilation (the parser, the JSON writer, the clients).
    drive(name + " warm-up", bootstrap, s.n() / 2, 0, s.distinct(), 0, in, out, topics);
    Phase throughput =
        drive(name + " throughput", bootstrap, s.n(), 0, s.distinct(), s.n(), in, out, topics);
    Phase latency =
        drive(
            name + " latency",
            bootstrap,
            s.n() / 2,
            s.rate(),
            s.distinct(),
            2 * s.n(),
            in,
            out,
            topics);
    return List.of(throughput, latency);
  }

  private static List<Phase> pharmacy(String bootstrap, Path dir, Settings settings, Topics topics)
      throws Exception {
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
      return phases(
          "pharmacy",
          bootstrap,
          settings,
          topics.orders().name(),
          topics.validations().name(),
          topics);
    }
  }

  /**
   * Sends n orders (numbered from {@code first}) to {@code in}, paced at {@code rate} per second
   * (0: as fast as possible), and waits for n records on {@code out}.
   */
  private static Phase drive(
      String name,
      String bootstrap,
      int n,
      int rate,
      boolean distinct,
      int first,
      String in,
      String out,
      Topics topics)
      throws Exception {
    Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    try (KafkaConsumer<byte[], byte[]> consumer = BenchKafka.consumerAtEnd(bootstrap, out);
        KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      long startNanos = System.nanoTime();
      Instant now = Instant.now();
      int seen = 0;
      for (int i = 0; i < n; i++) {
        if (rate > 0) {
          // Paced: read what has arrived, then sleep until this record's slot. Sleeping rather
          // than polling in a loop keeps the load generator from taking a core from the topology
          // it measures on a small machine.
          long due = startNanos + (long) i * 1_000_000_000L / rate;
          seen += receive(consumer, latency, Duration.ZERO);
          LockSupport.parkNanos(due - System.nanoTime());
        }
        MedicationOrder order = PharmacyOrders.order(first + i, distinct, now);
        var unused =
            producer.send(
                new ProducerRecord<>(
                    in,
                    null,
                    System.currentTimeMillis(),
                    topics.orders().keySerde().serializer().serialize(in, order.getOrderId()),
                    topics.orders().valueSerde().serializer().serialize(in, order)));
      }
      producer.flush();
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (seen < n && System.nanoTime() < deadline) {
        seen += receive(consumer, latency, Duration.ofMillis(100));
      }
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      if (seen < n) {
        throw new IllegalStateException(name + ": only " + seen + " of " + n + " records arrived");
      }
      return new Phase(name, n / seconds, latency);
    }
  }

  /** Polls once and records each output's latency; returns how many arrived. */
  private static int receive(
      KafkaConsumer<byte[], byte[]> consumer, Histogram latency, Duration timeout) {
    int count = 0;
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
      count++;
      // Record timestamps are the producer's send time in ms (kept by both topologies).
      long micros = (System.currentTimeMillis() - r.timestamp()) * 1000;
      latency.recordValue(Math.max(0, Math.min(micros, latency.getHighestTrackableValue())));
    }
    return count;
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

  private static void waitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
