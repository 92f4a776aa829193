package io.streamsight.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.topology.samples.SampleMedia;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code streamsight transcribe}: one JSON object per file in the format, speech segments
 * from the VAD. Without a recogniser (Sphinx takes seconds per clip; SphinxRecognizerTest and
 * SpokenOrderIT run it), so the text is empty.
 */
class TranscribeCommandTest {

  @Test
  void shouldPrintOneJsonObjectPerFileAndAnErrorForABrokenOne(@TempDir Path dir) throws Exception {
    TestModels.require(SileroVad.MODEL);
    Path clip =
        TestMedia.require(TestMedia.LIBRIVOX + "/sense_and_sensibility_01_austen_64kb-0880.wav");
    Path broken = dir.resolve("cut.wav");
    Files.write(broken, SampleMedia.truncatedWav());

    StringWriter output = new StringWriter();
    PrintWriter out = new PrintWriter(output, true);
    int code =
        new CommandLine(new StreamsightCommand())
            .setOut(out)
            .setErr(out)
            .execute("transcribe", "--recognizer", "none", clip.toString(), broken.toString());

    List<JsonNode> lines = new ArrayList<>();
    for (String line : output.toString().strip().split("\n", -1)) {
      lines.add(JsonRecords.MAPPER.readTree(line));
    }
    assertThat(code).as("a file failed").isEqualTo(1);
    assertThat(lines).hasSize(2);

    JsonNode speech = lines.get(0);
    assertThat(speech.fieldNames())
        .toIterable()
        .containsExactly("file", "durationSec", "segments", "text");
    assertThat(speech.get("file").asText()).isEqualTo(clip.toString());
    assertThat(speech.get("durationSec").asDouble()).isCloseTo(2.99, within(0.01));
    assertThat(speech.get("segments")).isNotEmpty();
    for (JsonNode s : speech.get("segments")) {
      assertThat(s.fieldNames()).toIterable().containsExactly("start", "end", "text", "confidence");
      assertThat(s.get("start").asDouble()).isBetween(0.0, s.get("end").asDouble());
      assertThat(s.get("end").asDouble()).isLessThanOrEqualTo(2.99);
    }
    // The clip is one sentence read without a pause: one segment over most of it.
    JsonNode first = speech.get("segments").get(0);
    assertThat(first.get("end").asDouble() - first.get("start").asDouble()).isGreaterThan(2.0);
    assertThat(speech.get("text").asText()).isEmpty();

    JsonNode error = lines.get(1);
    assertThat(error.get("file").asText()).isEqualTo(broken.toString());
    assertThat(error.get("error").asText()).isEqualTo("TRUNCATED");
    assertThat(error.get("message").asText()).containsIgnoringCase("truncated");
  }

  @Test
  void shouldKeepAPausedOrderInOneSegmentWithThePharmacyVocabulary(@TempDir Path dir)
      throws Exception {
    TestModels.require(SileroVad.MODEL);
    Path clip =
        TestMedia.require(TestMedia.LIBRIVOX + "/sense_and_sensibility_01_austen_64kb-0880.wav");
    // The same sentence twice with half a second of silence between: a speaker's pause.
    Path paused = dir.resolve("paused.wav");
    try (AudioInputStream in = AudioSystem.getAudioInputStream(clip.toFile())) {
      AudioFormat format = in.getFormat();
      byte[] speech = in.readAllBytes();
      byte[] silence = new byte[(int) (format.getFrameRate() / 2) * format.getFrameSize()];
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.write(speech);
      all.write(silence);
      all.write(speech);
      byte[] bytes = all.toByteArray();
      AudioSystem.write(
          new AudioInputStream(
              new ByteArrayInputStream(bytes), format, bytes.length / format.getFrameSize()),
          AudioFileFormat.Type.WAVE,
          paused.toFile());
    }

    assertThat(segments("transcribe", "--recognizer", "none", paused.toString()))
        .as("general speech: the pause ends a segment")
        .isGreaterThanOrEqualTo(2);
    assertThat(segments("transcribe", "--recognizer", "none", "--pharmacy", paused.toString()))
        .as("a pharmacy order: one utterance (audio.pharmacy.min.silence.ms)")
        .isEqualTo(1);
  }

  private static int segments(String... args) throws Exception {
    StringWriter output = new StringWriter();
    PrintWriter out = new PrintWriter(output, true);
    int code = new CommandLine(new StreamsightCommand()).setOut(out).setErr(out).execute(args);
    assertThat(code).as(output.toString()).isZero();
    return JsonRecords.MAPPER.readTree(output.toString().strip()).get("segments").size();
  }
}
