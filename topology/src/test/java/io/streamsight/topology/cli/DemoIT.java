package io.streamsight.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's {@code demo}, as a user runs it: JSON lines on stdout, exit 0. */
class DemoIT {

  @Test
  void shouldPrintEnrichedAndDeadLetterRecordsForEveryEventKind(@TempDir Path dir)
      throws Exception {
    List<JsonNode> lines = demo(dir);
    assertThat(lines)
        .extracting(n -> n.get("topic").asText())
        .contains(
            "images.enriched",
            "audio.transcripts",
            "text.normalized",
            "pharmacy.validations",
            "streamsight.dlq");
    assertThat(lines)
        .filteredOn(n -> n.get("topic").asText().equals("pharmacy.validations"))
        .extracting(n -> n.get("orderId").asText() + "=" + n.get("status").asText())
        .contains("RX-1001=ACCEPTED", "RX-1002=REJECTED");
    JsonNode png =
        lines.stream()
            .filter(n -> n.get("topic").asText().equals("images.enriched"))
            .filter(n -> n.at("/image/format").asText().equals("png"))
            .findFirst()
            .orElseThrow();
    assertThat(png.at("/image/width").asInt()).isEqualTo(640);
    assertThat(png.at("/image/height").asInt()).isEqualTo(480);
    JsonNode transcript =
        lines.stream()
            .filter(n -> n.get("topic").asText().equals("audio.transcripts"))
            .findFirst()
            .orElseThrow();
    assertThat(transcript.at("/audio/durationMs").asLong()).isEqualTo(1500);
    assertThat(lines)
        .filteredOn(n -> n.get("topic").asText().equals("streamsight.dlq"))
        .hasSize(3)
        .allSatisfy(n -> assertThat(n.get("reason").asText()).isNotBlank());
  }

  @Test
  void shouldRunWithoutModelsSayingWhichStepsItSwitchedOff(@TempDir Path dir) throws Exception {
    // A fresh machine whose model cache was never filled: the header-only steps and the
    // pharmacy topology still answer; the log names each model-backed step switched off.
    Path empty = Files.createDirectories(dir.resolve("no-models"));
    List<JsonNode> lines = demo(dir, "-D", "models.dir=" + empty);
    assertThat(lines)
        .extracting(n -> n.get("topic").asText())
        .contains("images.enriched", "audio.transcripts", "pharmacy.validations");
    String log = Files.readString(dir.resolve("stderr.log"));
    assertThat(log)
        .contains("speech disabled", "behaviour analytics disabled", "detection disabled");
  }

  /** Runs the packaged jar's demo; its stderr goes to dir/stderr.log. Returns stdout's JSON. */
  private static List<JsonNode> demo(Path dir, String... extra) throws Exception {
    Path jar = Path.of("target", "streamsight.jar");
    assertThat(jar).as("the shaded jar is built in the package phase").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(java, "-jar", jar.toString(), "demo", "-D", "claimcheck.dir=" + dir));
    command.addAll(List.of(extra));
    Process demo =
        new ProcessBuilder(command).redirectError(dir.resolve("stderr.log").toFile()).start();
    byte[] stdout = demo.getInputStream().readAllBytes();
    assertThat(demo.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(demo.exitValue())
        .as("exit code; stderr:\n%s", Files.readString(dir.resolve("stderr.log")))
        .isZero();

    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : new String(stdout, StandardCharsets.UTF_8).lines().toList()) {
      if (!line.isBlank()) {
        lines.add(mapper.readTree(line)); // every stdout line is JSON
      }
    }
    return lines;
  }
}
