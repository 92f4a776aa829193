package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.Transcript;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.topology.samples.SampleMedia;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AudioTopologyTest extends TopologyTestSupport {

  private TestInputTopic<String, AudioEvent> audio;
  private TestOutputTopic<String, Transcript> transcripts;

  /** Voice activity yes, recognition no (Sphinx is slow; SpokenOrderIT runs it). */
  @Override
  protected Map<String, String> overrides() {
    return Map.of("audio.recognizer", "none");
  }

  @BeforeEach
  void topics() {
    audio = input(topics.audio());
    transcripts = output(topics.transcripts());
  }

  static AudioEvent wav(String id, byte[] bytes) {
    return AudioEvent.newBuilder()
        .setEventId(id)
        .setSourceId("line-1")
        .setCaptureTime(START)
        .setContentType("audio/wav")
        .setEncoding("wav")
        .setPayload(ByteBuffer.wrap(bytes))
        .setChunkIndex(3L)
        .build();
  }

  @Test
  void shouldReadDurationAndRateOfRealSpeechRecordings() throws Exception {
    for (Path clip : TestMedia.list(TestMedia.LIBRIVOX, ".wav")) {
      long frames;
      float rate;
      try (AudioInputStream in = AudioSystem.getAudioInputStream(clip.toFile())) {
        frames = in.getFrameLength();
        rate = in.getFormat().getSampleRate();
      }

      audio.pipeInput("line-1", wav(clip.getFileName().toString(), Files.readAllBytes(clip)));

      Transcript t = transcripts.readValue();
      assertThat(t.getSource().getEventId()).isEqualTo(clip.getFileName().toString());
      assertThat(t.getAudio().getSampleRate()).isEqualTo((int) rate);
      assertThat(t.getAudio().getFrames()).isEqualTo(frames);
      assertThat(t.getAudio().getDurationMs()).isEqualTo((long) (frames * 1000 / rate));
      assertThat(t.getAudio().getEncoding()).isEqualTo("pcm_s16le");
    }
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  static AudioEvent chunk(String id, byte[] pcm, long index, boolean last) {
    return AudioEvent.newBuilder()
        .setEventId(id)
        .setSourceId("call-7")
        .setCaptureTime(START)
        .setContentType("audio/l16")
        .setEncoding("pcm_s16le")
        .setSampleRate(16000)
        .setChannels(1)
        .setPayload(ByteBuffer.wrap(pcm))
        .setChunkIndex(index)
        .setAttributes(last ? Map.of("final", "true") : Map.of())
        .build();
  }

  /** Two LibriVox clips' samples back to back, 16 kHz pcm_s16le: one call. */
  static byte[] call() throws Exception {
    TestModels.require(SileroVad.MODEL);
    List<Path> clips = TestMedia.list(TestMedia.LIBRIVOX, ".wav");
    byte[] a = Files.readAllBytes(clips.get(0));
    byte[] b = Files.readAllBytes(clips.get(1));
    // 44-byte canonical headers.
    byte[] call = new byte[a.length - 44 + b.length - 44];
    System.arraycopy(a, 44, call, 0, a.length - 44);
    System.arraycopy(b, 44, call, a.length - 44, b.length - 44);
    return call;
  }

  @Test
  void shouldFindSpeechInRealRecordingsAndCarryItAcrossChunksOfACall() throws Exception {
    byte[] call = call();

    audio.pipeInput("call-7", chunk("whole", call, 0, true));
    Transcript whole = transcripts.readValue();
    assertThat(whole.getSegments()).isNotEmpty();
    long speechMs =
        whole.getSegments().stream().mapToLong(s -> s.getEndMs() - s.getStartMs()).sum();
    assertThat(speechMs).isGreaterThan(whole.getAudio().getDurationMs() / 2);

    // The same call in three chunks cut mid-word: the same segments, in call time.
    int[] cuts = {0, 40_001 * 2, 90_007 * 2, call.length};
    List<long[]> chunked = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] piece = java.util.Arrays.copyOfRange(call, cuts[i], cuts[i + 1]);
      audio.pipeInput("call-7", chunk("part-" + i, piece, i, i == 2));
      Transcript t = transcripts.readValue();
      assertThat(t.getSource().getSequence()).isEqualTo(i);
      long offsetMs = cuts[i] / 2 * 1000L / 16000;
      t.getSegments()
          .forEach(
              s -> chunked.add(new long[] {s.getStartMs() + offsetMs, s.getEndMs() + offsetMs}));
    }
    assertThat(chunked).hasSameSizeAs(whole.getSegments());
    for (int i = 0; i < chunked.size(); i++) {
      assertThat(chunked.get(i)[0]).isCloseTo(whole.getSegments().get(i).getStartMs(), within(1L));
      assertThat(chunked.get(i)[1]).isCloseTo(whole.getSegments().get(i).getEndMs(), within(1L));
    }
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldDescribeGeneratedToneAndKeepChunkIndex() {
    audio.pipeInput("line-1", wav("tone", SampleMedia.toneWav()));

    TestRecord<String, Transcript> out = transcripts.readRecord();
    assertThat(out.key()).isEqualTo("line-1");
    assertThat(out.value().getAudio().getDurationMs()).isEqualTo(1500);
    assertThat(out.value().getAudio().getChannels()).isEqualTo(1);
    assertThat(out.value().getSource().getSequence()).isEqualTo(3L);
    assertThat(out.value().getSegments()).isEmpty();
  }

  @Test
  void shouldDeadLetterTruncatedWavAndGoOn() {
    audio.pipeInput("line-2", wav("cut", SampleMedia.truncatedWav()));
    audio.pipeInput("line-1", wav("whole", SampleMedia.toneWav()));

    assertThat(transcripts.readValuesToList())
        .extracting(t -> t.getSource().getEventId())
        .containsExactly("whole");
    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    assertThat(errorHeader(dead, "message")).containsIgnoringCase("truncated");
    assertThat(errorHeader(dead, "topic")).isEqualTo("audio.raw");
  }

  @Test
  void shouldDeadLetterBytesThatAreNotAudio() {
    audio.pipeInput("line-3", wav("jpeg", SampleMedia.gradientJpeg()));

    assertThat(transcripts.isEmpty()).isTrue();
    assertThat(errorHeader(deadLetters.readRecord(), "exception"))
        .endsWith("RejectedInputException");
  }
}
