package io.streamsight.bench;

import io.streamsight.events.ImageEvent;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.payload.ClaimCheckStore;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.processors.vision.ImageAnalyzer;
import io.streamsight.processors.vision.ImageWork;
import io.streamsight.processors.vision.SourcePlan;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.VisionSetup;
import io.streamsight.topology.broker.EmbeddedKafkaBroker;
import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.config.StreamsightConfig;
import io.streamsight.topology.runtime.StreamsightRuntime;
import io.streamsight.topology.runtime.TopicCreator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The whole image pipeline through Kafka Streams on the embedded broker, against the bare model
 * loop in the same run: the same photos, the same processors, settings and ONNX Runtime threads,
 * decoded and run in batches of {@code batch.max.size} by a plain loop (no Kafka, no buffer store,
 * no serialisation). Prints both throughputs and their ratio.
 *
 * <p>{@code java -cp bench/target/streamsight-bench.jar io.streamsight.bench.ImageLoadRun [N
 * [processors]]}, e.g. {@code ImageLoadRun 64 detection,faces}; default 48 images, every processor.
 * N images are published at once (a backlog), after a warm-up of the same size.
 */
public final class ImageLoadRun {

  private ImageLoadRun() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 48;
    String processors = args.length > 1 ? args[1] : StreamsightConfig.DEFAULT_IMAGE_PROCESSORS;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<byte[]> photos = BenchPhotos.load();
    Path dir = Files.createTempDirectory("streamsight-image-load");
    Topics topics = Topics.create();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
      String bootstrap = broker.bootstrapServers();
      TopicCreator.createMissing(
          Map.of("bootstrap.servers", bootstrap), TopicCreator.newTopics(topics, 1, 1));
      Map<String, String> values = new HashMap<>();
      values.put("bootstrap.servers", bootstrap);
      values.put("application.id", "bench-images");
      values.put("state.dir", dir.resolve("state").toString());
      values.put("commit.interval.ms", "1000");
      values.put("image.processors", processors);
      // Photos above the inline limit travel by claim check, as bin/streamsight publish sends them.
      values.put("claimcheck.dir", dir.resolve("claims").toString());
      StreamsightConfig config = ConfigLoader.load(null, Map.of(), values);

      ClaimCheckStore claims =
          new ClaimCheckStore(config.claimCheckDir(), config.claimCheckThresholdBytes());
      List<Object> payloads = new ArrayList<>();
      photos.forEach(p -> payloads.add(claims.payload(p)));
      double bare = 0;
      double pipeline = 0;
      // Both stay loaded and take turns, so a burst of load on this shared machine does not fall
      // on one of them only; the best round of each counts.
      try (ModelRegistry registry = new ModelRegistry(config.modelsDir(), config.ortThreads());
          StreamsightRuntime unused = StreamsightRuntime.start(config)) {
        BareLoop loop = new BareLoop(config, registry);
        try (ImageAnalyzer analyzer = new ImageAnalyzer(loop.setup.models())) {
          loop.run(analyzer, payloads, n); // warm-up
          drive(topics, bootstrap, payloads, n, "warm-up");
          for (int round = 1; round <= rounds; round++) {
            double b = loop.run(analyzer, payloads, n);
            double p = drive(topics, bootstrap, payloads, n, "round-" + round);
            System.out.printf(
                "round %d: bare loop %.2f images/s, Kafka Streams %.2f images/s (%.2f)%n",
                round, b, p, p / b);
            bare = Math.max(bare, b);
            pipeline = Math.max(pipeline, p);
          }
        }
      }
      System.out.printf("processors: %s, batch %d%n", processors, config.batchSettings().maxSize());
      System.out.printf("bare model loop   %7.2f images/s (best of %d)%n", bare, rounds);
      System.out.printf("Kafka Streams     %7.2f images/s (best of %d)%n", pipeline, rounds);
      System.out.printf("pipeline / bare loop throughput ratio: %.2f (n=%d)%n", pipeline / bare, n);
    }
  }

  /** Decode + model steps in batches of {@code batch.max.size}, no Kafka. */
  private static final class BareLoop {
    final VisionSetup setup;
    final ImageInspector inspector;
    final PayloadResolver resolver;
    final int batch;

    BareLoop(StreamsightConfig config, ModelRegistry registry) {
      this.setup = VisionSetup.load(config, registry);
      this.inspector = new ImageInspector(config.imageMaxBytes(), config.imageMaxPixels());
      this.resolver = new PayloadResolver(config.imageMaxBytes());
      this.batch = config.batchSettings().maxSize();
    }

    /** Images per second over n images. */
    double run(ImageAnalyzer analyzer, List<Object> payloads, int n) {
      SourcePlan plan = setup.plans().defaults();
      long start = System.nanoTime();
      for (int from = 0; from < n; from += batch) {
        List<ImageWork> works = new ArrayList<>();
        for (int i = from; i < Math.min(n, from + batch); i++) {
          byte[] bytes = resolver.resolve(payloads.get(i % payloads.size()));
          works.add(new ImageWork(plan, inspector.decode(bytes).image()));
        }
        analyzer.analyze(works);
      }
      return n / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** Images per second through the running topology: n published at once, n enriched read. */
  private static double drive(
      Topics topics, String bootstrap, List<Object> payloads, int n, String phase)
      throws Exception {
    String in = topics.images().name();
    String out = topics.enrichedImages().name();
    try (KafkaConsumer<byte[], byte[]> consumer = BenchKafka.consumerAtEnd(bootstrap, out);
        KafkaProducer<byte[], byte[]> producer = BenchKafka.producer(bootstrap)) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      Instant start = Instant.now();
      for (int i = 0; i < n; i++) {
        ImageEvent event =
            ImageEvent.newBuilder()
                .setEventId(phase + "-" + i)
                .setSourceId("cam-" + (i % 4))
                .setCaptureTime(Instant.now())
                .setContentType("image/jpeg")
                .setPayload(payloads.get(i % payloads.size()))
                .build();
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    in,
                    topics.images().keySerde().serializer().serialize(in, event.getSourceId()),
                    topics.images().valueSerde().serializer().serialize(in, event))));
      }
      producer.flush();
      for (Future<RecordMetadata> f : sent) {
        f.get(); // a record the broker refused fails the run here, not as a missing output
      }
      int seen = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
      long report = System.nanoTime();
      while (seen < n && System.nanoTime() < deadline) {
        seen += consumer.poll(Duration.ofMillis(100)).count();
        if (System.nanoTime() - report > 30e9) {
          System.err.printf("%s: %d of %d images enriched%n", phase, seen, n);
          report = System.nanoTime();
        }
      }
      if (seen < n) {
        throw new IllegalStateException(phase + ": only " + seen + " of " + n + " images came out");
      }
      return n / (Duration.between(start, Instant.now()).toNanos() / 1e9);
    }
  }
}
