package io.streamsight.processors.audio;

import static io.streamsight.processors.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.AudioInfo;
import io.streamsight.events.ClaimCheck;
import io.streamsight.events.ModelProvenance;
import io.streamsight.events.Transcript;
import io.streamsight.processors.AvroTestSerde;
import io.streamsight.processors.RejectedInputException.Reason;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.payload.PayloadResolver;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AudioEnricherTest {

  private static final Instant WALL_CLOCK = Instant.parse("2030-05-06T07:08:09.010Z");
  private static final Instant CAPTURED = Instant.parse("2030-05-06T07:08:00.500Z");

  private final PayloadResolver payloads = new PayloadResolver(1_000_000);
  private final AudioInspector inspector = new AudioInspector(1_000_000);
  private TopologyTestDriver driver;
  private TestInputTopic<String, AudioEvent> in;
  private TestOutputTopic<String, Transcript> out;

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("audio", Consumed.with(Serdes.String(), AvroTestSerde.of(AudioEvent.class)))
        .processValues(AudioEnricher.supplier(payloads, inspector))
        .to("transcripts", Produced.with(Serdes.String(), AvroTestSerde.of(Transcript.class)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "audio-enricher-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props, WALL_CLOCK);
    in =
        driver.createInputTopic(
            "audio", Serdes.String().serializer(), AvroTestSerde.of(AudioEvent.class).serializer());
    out =
        driver.createOutputTopic(
            "transcripts",
            Serdes.String().deserializer(),
            AvroTestSerde.of(Transcript.class).deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldEmitATranscriptWithSourceRefAudioInfoProvenanceAndAttributes() {
    byte[] wav = TestWavs.wav(TestWavs.PCM, 1, 16000, 16, 8000);
    AudioEvent event = event("wav", null, null, ByteBuffer.wrap(wav), 3L, Map.of("line", "ext-42"));

    in.pipeInput(new TestRecord<>("mic-1", event, CAPTURED.plusMillis(10)));

    TestRecord<String, Transcript> record = out.readRecord();
    assertThat(out.isEmpty()).isTrue();
    assertThat(record.key()).isEqualTo("mic-1");
    assertThat(record.getRecordTime()).isEqualTo(CAPTURED.plusMillis(10));
    Transcript transcript = record.value();
    assertThat(transcript.getSource().getEventId()).isEqualTo("evt-9");
    assertThat(transcript.getSource().getSourceId()).isEqualTo("mic-1");
    assertThat(transcript.getSource().getCaptureTime()).isEqualTo(CAPTURED);
    assertThat(transcript.getSource().getSequence()).isEqualTo(3L);
    AudioInfo audio = transcript.getAudio();
    assertThat(audio.getContainer()).isEqualTo("wav");
    assertThat(audio.getEncoding()).isEqualTo("pcm_s16le");
    assertThat(audio.getSampleRate()).isEqualTo(16000);
    assertThat(audio.getChannels()).isEqualTo(1);
    assertThat(audio.getFrames()).isEqualTo(8000);
    assertThat(audio.getDurationMs()).isEqualTo(500);
    assertThat(audio.getSizeBytes()).isEqualTo(wav.length);
    assertThat(audio.getSha256()).isEqualTo(PayloadResolver.sha256Hex(wav));
    assertThat(transcript.getSegments()).isEmpty();
    assertThat(transcript.getText()).isEmpty();
    assertThat(transcript.getLanguage()).isNull();
    assertThat(transcript.getModels()).hasSize(1);
    ModelProvenance step = transcript.getModels().get(0);
    assertThat(step.getName()).isEqualTo("audio-header");
    assertThat(step.getVersion()).isEqualTo("1");
    assertThat(step.getSha256()).isNull();
    assertThat(step.getDevice()).isEqualTo("cpu");
    assertThat(step.getInferenceMs()).isGreaterThanOrEqualTo(0.0);
    assertThat(transcript.getAttributes()).containsExactlyEntriesOf(Map.of("line", "ext-42"));
    assertThat(transcript.getProcessedTime()).isEqualTo(WALL_CLOCK);
  }

  @Test
  void shouldUseTheDeclaredFormatForRawPcm() {
    in.pipeInput(
        "mic-1", event("pcm_s16le", 8000, 2, ByteBuffer.wrap(new byte[3200]), null, Map.of()));

    Transcript transcript = out.readValue();
    assertThat(transcript.getSource().getSequence()).isNull();
    assertThat(transcript.getAudio().getContainer()).isEqualTo("raw");
    assertThat(transcript.getAudio().getFrames()).isEqualTo(800);
    assertThat(transcript.getAudio().getDurationMs()).isEqualTo(100);
  }

  @Test
  void shouldResolveAClaimCheckedRealRecording() {
    Path clip =
        TestMedia.require(TestMedia.LIBRIVOX + "/sense_and_sensibility_01_austen_64kb-0880.wav");
    byte[] bytes =
        TestMedia.bytes(TestMedia.LIBRIVOX + "/sense_and_sensibility_01_austen_64kb-0880.wav");
    ClaimCheck claim =
        new ClaimCheck(
            clip.toUri().toString(), PayloadResolver.sha256Hex(bytes), (long) bytes.length);

    in.pipeInput("mic-1", event("wav", null, null, claim, 0L, Map.of()));

    AudioInfo audio = out.readValue().getAudio();
    assertThat(audio.getSampleRate()).isEqualTo(16000);
    assertThat(audio.getFrames()).isEqualTo((bytes.length - 44) / 2);
  }

  @Test
  void shouldThrowRejectedInputForATruncatedWav() {
    byte[] wav = TestWavs.wav(TestWavs.PCM, 1, 16000, 16, 8000);
    AudioEvent event =
        event("wav", null, null, ByteBuffer.wrap(Arrays.copyOf(wav, 1000)), null, Map.of());

    assertRejected(() -> in.pipeInput("mic-1", event), Reason.TRUNCATED);
    assertThat(out.isEmpty()).isTrue();
  }

  @Test
  void shouldThrowRejectedInputForRawPcmWithoutItsFormat() {
    AudioEvent event =
        event("pcm_s16le", null, null, ByteBuffer.wrap(new byte[64]), null, Map.of());

    assertRejected(() -> in.pipeInput("mic-1", event), Reason.UNSUPPORTED);
  }

  @Test
  void shouldThrowRejectedInputForAnOversizedPayload() {
    AudioEvent event =
        event("pcm_u8", 8000, 1, ByteBuffer.wrap(new byte[1_000_001]), null, Map.of());

    assertRejected(() -> in.pipeInput("mic-1", event), Reason.OVERSIZE);
  }

  @Test
  void shouldSupplyANewProcessorForEveryTask() {
    FixedKeyProcessorSupplier<String, AudioEvent, Transcript> supplier =
        AudioEnricher.supplier(payloads, inspector);

    assertThat(supplier.get()).isNotSameAs(supplier.get());
  }

  private static AudioEvent event(
      String encoding,
      Integer sampleRate,
      Integer channels,
      Object payload,
      Long chunkIndex,
      Map<String, String> attributes) {
    return AudioEvent.newBuilder()
        .setEventId("evt-9")
        .setSourceId("mic-1")
        .setCaptureTime(CAPTURED)
        .setContentType(encoding.equals("wav") ? "audio/wav" : "audio/L16")
        .setEncoding(encoding)
        .setSampleRate(sampleRate)
        .setChannels(channels)
        .setPayload(payload)
        .setChunkIndex(chunkIndex)
        .setAttributes(attributes)
        .build();
  }
}
