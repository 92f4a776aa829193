package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.Transcript;
import io.streamsight.processors.TestMedia;
import io.streamsight.topology.samples.SampleMedia;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @BeforeEach
  void topics() {
    audio = input(topics.audio());
    transcripts = output(topics.transcripts());
  }

  private static AudioEvent wav(String id, byte[] bytes) {
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
