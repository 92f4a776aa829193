package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.MedicationValidation;
import io.streamsight.events.Transcript;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.audio.asr.SyntheticSpeech;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.schemas.Topic;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spoken medication order end to end on the embedded broker: espeak-ng speaks it, the audio
 * topology finds the speech and recognises it with the pharmacy grammar, the transcript becomes a
 * typed order, and the pharmacy topology validates it against the sample formulary, matching the
 * product. No log line of the run carries what was said.
 */
class SpokenOrderIT {

  private final Topics topics = Topics.create("streamsight.dlq");

  @Test
  void shouldTurnASpokenOrderIntoAMedicationValidation(@TempDir Path dir) throws Exception {
    TestModels.require(SileroVad.MODEL);
    String said =
        "amoxicillin five hundred milligrams take one capsule three times a day for ten days";
    Path wav = dir.resolve("order.wav");
    SyntheticSpeech.speak(said, wav);

    Map<String, String> overrides = new HashMap<>();
    overrides.put("embedded.port", "0");
    overrides.put("embedded.data.dir", dir.resolve("kafka").toString());
    overrides.put("state.dir", dir.resolve("state").toString());
    overrides.put("application.id", "spoken-order-it");
    overrides.put("topics.partitions", "1");
    overrides.put("commit.interval.ms", "100");
    overrides.put("formulary.sample", "true");
    overrides.put("audio.pharmacy.sources", "pharmacy-*");
    List<ConsumerRecord<byte[], byte[]>> out;
    List<String> logged;
    try (LogCapture logs = new LogCapture();
        StreamsightRuntime runtime =
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

      out =
          KafkaTestClients.readUntil(
              runtime.bootstrapServers(),
              List.of(topics.transcripts().name(), topics.validations().name()),
              r -> KafkaTestClients.count(r, topics.validations().name()) >= 1,
              Duration.ofMinutes(4));
      logged = logs.lines();
    }

    Transcript transcript = first(out, topics.transcripts());
    assertThat(transcript.getText()).startsWith("amoxicillin five hundred milligrams");
    assertThat(transcript.getText()).contains("three times a day", "ten days");
    MedicationValidation validation = first(out, topics.validations());
    assertThat(validation.getOrderId()).isEqualTo("spoken-1");
    // Amoxicillin 500 mg capsules (Novamoxin) of the sample formulary.
    assertThat(validation.getFormularyMatch()).isNotNull();
    assertThat(validation.getFormularyMatch().getDin()).isEqualTo("00406716");
    assertThat(validation.getPatientInstructions()).isNotEmpty();
    assertThat(validation.getPatientInstructions().get(0)).contains("3 times a day", "10 days");

    // Health data: neither what was said nor the order written from it reaches a log line.
    assertThat(logged).as("the run logged something to check").isNotEmpty();
    assertThat(logged)
        .allSatisfy(
            line ->
                assertThat(line.toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain(
                        "amoxicillin", "milligram", "500 mg", "times a day", "capsule"));
  }

  private static <V> V first(List<ConsumerRecord<byte[], byte[]>> records, Topic<String, V> topic) {
    return records.stream()
        .filter(r -> r.topic().equals(topic.name()))
        .map(r -> topic.valueSerde().deserializer().deserialize(r.topic(), r.value()))
        .findFirst()
        .orElseThrow();
  }
}
