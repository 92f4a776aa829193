package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.MedicationValidation;
import io.streamsight.events.Transcript;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.runtime.StreamsightRuntime;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spoken medication order end to end on the embedded broker: espeak-ng speaks it, the audio
 * topology finds the speech and recognises it with the pharmacy grammar, the transcript becomes a
 * typed order, and the pharmacy topology validates it against the sample formulary.
 */
class SpokenOrderIT {

  private final Topics topics = Topics.create("streamsight.dlq");

  @Test
  void shouldTurnASpokenOrderIntoAMedicationValidation(@TempDir Path dir) throws Exception {
    TestModels.require(SileroVad.MODEL);
    String said =
        "amoxicillin five hundred milligrams take one capsule three times a day for ten days";
    Path wav = dir.resolve("order.wav");
    try {
      Process espeak =
          new ProcessBuilder("espeak-ng", "-v", "en-us", "-w", wav.toString(), said).start();
      assertThat(espeak.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } catch (java.io.IOException e) {
      assumeTrue(false, "espeak-ng is not installed: " + e.getMessage());
    }

    Map<String, String> overrides = new HashMap<>();
    overrides.put("embedded.port", "0");
    overrides.put("embedded.data.dir", dir.resolve("kafka").toString());
    overrides.put("state.dir", dir.resolve("state").toString());
    overrides.put("application.id", "spoken-order-it");
    overrides.put("topics.partitions", "1");
    overrides.put("commit.interval.ms", "100");
    overrides.put("formulary.sample", "true");
    overrides.put("audio.pharmacy.sources", "pharmacy-*");
    try (StreamsightRuntime runtime =
        StreamsightRuntime.start(ConfigLoader.load(null, Map.of(), overrides))) {
      AudioEvent event =
          AudioEvent.newBuilder()
              .setEventId("spoken-1")
              .setSourceId("pharmacy-line-1")
              .setCaptureTime(Instant.now())
              .setContentType("audio/wav")
              .setEncoding("wav")
              .setPayload(ByteBuffer.wrap(Files.readAllBytes(wav)))
              .build();
      try (KafkaProducer<byte[], byte[]> producer =
          KafkaTestClients.producer(runtime.bootstrapServers())) {
        var unused =
            producer.send(
                new ProducerRecord<>(
                    topics.audio().name(),
                    "pharmacy-line-1".getBytes(StandardCharsets.UTF_8),
                    topics
                        .audio()
                        .valueSerde()
                        .serializer()
                        .serialize(topics.audio().name(), event)));
        producer.flush();
      }

      List<ConsumerRecord<byte[], byte[]>> out =
          KafkaTestClients.readUntil(
              runtime.bootstrapServers(),
              List.of(topics.transcripts().name(), topics.validations().name()),
              r -> KafkaTestClients.count(r, topics.validations().name()) >= 1,
              Duration.ofSeconds(240));

      Transcript transcript =
          out.stream()
              .filter(r -> r.topic().equals(topics.transcripts().name()))
              .map(
                  r ->
                      topics
                          .transcripts()
                          .valueSerde()
                          .deserializer()
                          .deserialize(r.topic(), r.value()))
              .findFirst()
              .orElseThrow();
      assertThat(transcript.getText()).contains("amoxicillin", "five hundred", "ten days");
      MedicationValidation validation =
          out.stream()
              .filter(r -> r.topic().equals(topics.validations().name()))
              .map(
                  r ->
                      topics
                          .validations()
                          .valueSerde()
                          .deserializer()
                          .deserialize(r.topic(), r.value()))
              .findFirst()
              .orElseThrow();
      assertThat(validation.getOrderId()).isEqualTo("spoken-1");
      assertThat(validation.getPatientInstructions()).isNotEmpty();
      assertThat(validation.getPatientInstructions().get(0)).contains("3 times a day", "10 days");
    }
  }
}
