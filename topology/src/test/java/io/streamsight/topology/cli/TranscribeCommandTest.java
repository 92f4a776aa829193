package io.streamsight.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.topology.samples.SampleMedia;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
}
