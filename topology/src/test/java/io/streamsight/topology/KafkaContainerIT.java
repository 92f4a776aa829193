package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.EnrichedImage;
import io.streamsight.events.ImageEvent;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.runtime.StreamsightRuntime;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same pipeline against a real {@code apache/kafka} broker in Docker. Where no Docker engine is
 * reachable, JUnit reports it skipped with Testcontainers' reason; the embedded-broker ITs cover
 * the pipeline there.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerIT {

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.4.0");

  @Test
  void shouldEnrichAnImageOnARealBroker(@TempDir Path state) throws Exception {
    Topics topics = Topics.create("streamsight.dlq");
    Map<String, String> overrides =
        Map.of(
            "bootstrap.servers", KAFKA.getBootstrapServers(),
            "application.id", "container-it",
            "state.dir", state.toString(),
            "topics.replication.factor", "1",
            "processing.guarantee", "exactly_once_v2");
    try (StreamsightRuntime runtime =
            StreamsightRuntime.start(ConfigLoader.load(null, Map.of(), overrides));
        KafkaProducer<byte[], byte[]> producer =
            KafkaTestClients.producer(runtime.bootstrapServers())) {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", png);
      ImageEvent event =
          ImageEvent.newBuilder()
              .setEventId("img-1")
              .setSourceId("camera-1")
              .setCaptureTime(Instant.now())
              .setContentType("image/png")
              .setPayload(ByteBuffer.wrap(png.toByteArray()))
              .build();
      String in = topics.images().name();
      var unused =
          producer.send(
              new ProducerRecord<>(
                  in,
                  topics.images().keySerde().serializer().serialize(in, "camera-1"),
                  topics.images().valueSerde().serializer().serialize(in, event)));
      producer.flush();

      var out =
          KafkaTestClients.readUntil(
              runtime.bootstrapServers(),
              List.of(topics.enrichedImages().name()),
              r -> !r.isEmpty(),
              Duration.ofSeconds(60));
      assertThat(out).hasSize(1);
      EnrichedImage enriched =
          topics
              .enrichedImages()
              .valueSerde()
              .deserializer()
              .deserialize(out.get(0).topic(), out.get(0).value());
      assertThat(enriched.getImage().getWidth()).isEqualTo(64);
      assertThat(enriched.getSource().getEventId()).isEqualTo("img-1");
    }
  }
}
