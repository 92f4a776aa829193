package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.Detection;
import io.streamsight.events.EnrichedImage;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.ModelProvenance;
import io.streamsight.events.TextEvent;
import io.streamsight.events.Transcript;
import io.streamsight.processors.TestMedia;
import io.streamsight.schemas.Topic;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.runtime.StreamsightRuntime;
import io.streamsight.topology.samples.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole pipeline on the embedded KRaft broker: real photos and speech in, enriched records out
 * (every image model processor, a privacy camera's face-blurred copy), corrupt records
 * dead-lettered, under both processing guarantees.
 */
class StreamsightPipelineIT {

  private final Topics topics = Topics.create("streamsight.dlq");

  @ParameterizedTest
  @ValueSource(strings = {"at_least_once", "exactly_once_v2"})
  void shouldEnrichRealFilesAndDeadLetterCorruptOnes(String guarantee, @TempDir Path dir)
      throws Exception {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("embedded.port", "0");
    overrides.put("embedded.data.dir", dir.resolve("kafka").toString());
    overrides.put("state.dir", dir.resolve("state").toString());
    overrides.put("application.id", "pipeline-it-" + guarantee.replace('_', '-'));
    overrides.put("processing.guarantee", guarantee);
    overrides.put("topics.partitions", "2");
    overrides.put("commit.interval.ms", "100");
    // One camera with the privacy switch: its images also come out face-blurred.
    overrides.put("source.lobby.image.privacy.blur", "true");
    // Voice activity yes, recognition no: Sphinx at 2-4x real time is for SpokenOrderIT.
    overrides.put("audio.recognizer", "none");

    List<Path> photos = realPhotosOrNone();
    Path portraitFile = TestMedia.dir().resolve(TestMedia.SKIMAGE_DATA).resolve("astronaut.png");
    byte[] portrait = Files.isRegularFile(portraitFile) ? Files.readAllBytes(portraitFile) : null;
    List<Path> speech = realSpeechOrNone();
    try (StreamsightRuntime runtime =
        StreamsightRuntime.start(ConfigLoader.load(null, Map.of(), overrides))) {
      String bootstrap = runtime.bootstrapServers();
      Map<String, byte[]> images = new HashMap<>();
      for (Path photo : photos) {
        images.put(photo.getFileName().toString(), Files.readAllBytes(photo));
      }
      images.put("sign.png", SampleMedia.signPng());
      Map<String, byte[]> wavs = new HashMap<>();
      for (Path clip : speech) {
        wavs.put(clip.getFileName().toString(), Files.readAllBytes(clip));
      }
      wavs.put("tone.wav", SampleMedia.toneWav());

      try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(bootstrap)) {
        images.forEach(
            (name, bytes) -> send(producer, topics.images(), "cam-1", image(name, bytes)));
        if (portrait != null) {
          send(producer, topics.images(), "lobby", image("astronaut.png", portrait, "lobby"));
        }
        wavs.forEach((name, bytes) -> send(producer, topics.audio(), "line-1", audio(name, bytes)));
        send(producer, topics.text(), "term-1", text("t1", "  hello\u00a0 world "));
        send(producer, topics.images(), "cam-2", image("broken.jpg", SampleMedia.truncatedJpeg()));
        send(producer, topics.audio(), "line-2", audio("cut.wav", SampleMedia.truncatedWav()));
        var unused =
            producer.send(
                new ProducerRecord<>(
                    topics.text().name(),
                    "term-2".getBytes(StandardCharsets.UTF_8),
                    new byte[] {1, 2, 3}));
        producer.flush();
      }

      int lobby = portrait == null ? 0 : 2;
      int expected = images.size() + wavs.size() + 1 + 3 + lobby;
      List<ConsumerRecord<byte[], byte[]>> out =
          KafkaTestClients.readUntil(
              bootstrap,
              List.of(
                  topics.enrichedImages().name(),
                  topics.redactedImages().name(),
                  topics.transcripts().name(),
                  topics.normalizedText().name(),
                  topics.deadLetters().name()),
              r -> r.size() >= expected,
              Duration.ofSeconds(90));

      List<EnrichedImage> enriched =
          values(out, topics.enrichedImages()).stream()
              .filter(e -> e.getSource().getSourceId().equals("cam-1"))
              .toList();
      assertThat(enriched).hasSize(images.size());
      for (EnrichedImage e : enriched) {
        String name = e.getAttributes().get("file");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(images.get(name)));
        assertThat(e.getImage().getWidth()).as(name).isEqualTo(decoded.getWidth());
        assertThat(e.getImage().getHeight()).as(name).isEqualTo(decoded.getHeight());
        // Every image processor ran (the default), each with its provenance.
        assertThat(e.getModels())
            .extracting(ModelProvenance::getName)
            .as(name)
            .startsWith("image-header", "nanodet-coco")
            .endsWith("scene-describer");
        assertThat(e.getCaption()).as(name).isNotBlank();
      }
      enriched.stream()
          .filter(e -> e.getAttributes().get("file").equals("person.jpg"))
          .forEach(
              e ->
                  assertThat(e.getDetections())
                      .extracting(Detection::getLabel)
                      .containsExactly("person", "horse", "dog"));
      if (portrait != null) {
        List<ImageEvent> blurred = values(out, topics.redactedImages());
        assertThat(blurred).hasSize(1);
        assertThat(blurred.get(0).getEventId()).isEqualTo("astronaut.png");
        assertThat(blurred.get(0).getAttributes()).containsEntry("redacted.faces", "1");
      }
      List<Transcript> transcripts = values(out, topics.transcripts());
      assertThat(transcripts).hasSize(wavs.size());
      assertThat(transcripts)
          .allSatisfy(t -> assertThat(t.getAudio().getDurationMs()).isPositive());
      assertThat(values(out, topics.normalizedText()))
          .extracting(TextEvent::getText)
          .containsExactly("hello world");
      List<ConsumerRecord<byte[], byte[]>> dead =
          out.stream().filter(r -> r.topic().equals(topics.deadLetters().name())).toList();
      assertThat(dead)
          .extracting(
              r ->
                  new String(
                      r.headers().lastHeader("__streams.errors.topic").value(),
                      StandardCharsets.UTF_8))
          .containsExactlyInAnyOrder("images.raw", "audio.raw", "text.raw");
    }
  }

  private List<Path> realPhotosOrNone() {
    Path dir = TestMedia.dir().resolve(TestMedia.DARKNET_DATA);
    List<Path> found = new ArrayList<>();
    for (String name : List.of("person.jpg", "dog.jpg", "horses.jpg")) {
      if (Files.isRegularFile(dir.resolve(name))) {
        found.add(dir.resolve(name));
      }
    }
    return found;
  }

  private List<Path> realSpeechOrNone() throws java.io.IOException {
    Path dir = TestMedia.dir().resolve(TestMedia.LIBRIVOX);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".wav")).sorted().toList();
    }
  }

  private static <V> List<V> values(
      List<ConsumerRecord<byte[], byte[]>> records, Topic<String, V> topic) {
    return records.stream()
        .filter(r -> r.topic().equals(topic.name()))
        .map(r -> topic.valueSerde().deserializer().deserialize(r.topic(), r.value()))
        .toList();
  }

  private static <V> void send(
      KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, String key, V value) {
    var unused =
        producer.send(
            new ProducerRecord<>(
                topic.name(),
                topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
  }

  private static ImageEvent image(String name, byte[] bytes) {
    return image(name, bytes, "cam-1");
  }

  private static ImageEvent image(String name, byte[] bytes, String source) {
    return ImageEvent.newBuilder()
        .setEventId(name)
        .setSourceId(source)
        .setCaptureTime(Instant.now())
        .setContentType("image/jpeg")
        .setPayload(ByteBuffer.wrap(bytes))
        .setAttributes(Map.of("file", name))
        .build();
  }

  private static AudioEvent audio(String name, byte[] bytes) {
    return AudioEvent.newBuilder()
        .setEventId(name)
        .setSourceId("line-1")
        .setCaptureTime(Instant.now())
        .setContentType("audio/wav")
        .setEncoding("wav")
        .setPayload(ByteBuffer.wrap(bytes))
        .build();
  }

  private static TextEvent text(String id, String body) {
    return TextEvent.newBuilder()
        .setEventId(id)
        .setSourceId("term-1")
        .setCaptureTime(Instant.now())
        .setText(body)
        .build();
  }
}
