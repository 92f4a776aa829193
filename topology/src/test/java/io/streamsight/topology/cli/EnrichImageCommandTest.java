package io.streamsight.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.face.BlazeFace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code streamsight enrich-image}: the image processors on files, one JSON object per file. */
class EnrichImageCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private record Run(int exit, List<JsonNode> lines) {}

  private static Run run(String... args) throws Exception {
    EnrichImageCommand command = new EnrichImageCommand();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int exit = new CommandLine(command).execute(args);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
      lines.add(JSON.readTree(line));
    }
    return new Run(exit, lines);
  }

  @Test
  void shouldPrintEveryProcessorsResultsPerFileAndAnErrorForABadOneThenFailAtTheEnd()
      throws Exception {
    TestModels.require(NanoDet.MODEL, BlazeFace.FRONT, BlazeFace.BACK, "ppocr-v4-det");
    Path person = TestMedia.darknetPhoto("person.jpg");
    Path sign = TestMedia.require(TestMedia.OPENCV_TEXT + "/scenetext01.jpg");
    byte[] whole = Files.readAllBytes(person);
    Path half = Files.write(dir.resolve("half.jpg"), Arrays.copyOf(whole, whole.length / 2));

    Run run =
        run(
            person.toString(),
            half.toString(),
            dir.resolve("missing.jpg").toString(),
            sign.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.lines()).hasSize(4);
    JsonNode first = run.lines().get(0);
    assertThat(first.get("file").asText()).isEqualTo(person.toString());
    assertThat(first.get("width").asInt()).isEqualTo(640);
    assertThat(first.get("height").asInt()).isEqualTo(424);
    assertThat(first.get("detections").findValuesAsText("label"))
        .containsExactly("person", "horse", "dog");
    JsonNode box = first.at("/detections/0/box");
    assertThat(box.get("x").asDouble()).isBetween(171.0, 179.0);
    assertThat(box.get("w").asDouble()).isBetween(88.0, 96.0);
    assertThat(first.get("faces")).hasSize(1);
    assertThat(first.at("/faces/0/landmarks")).hasSize(6);
    assertThat(first.get("text")).isEmpty();
    assertThat(first.get("fullText").asText()).isEmpty();
    assertThat(first.get("caption").asText()).startsWith("A person in the centre");
    assertThat(first.get("models").findValuesAsText("name"))
        .containsExactly(
            "image-header",
            "nanodet-coco",
            "blazeface-front-128",
            "blazeface-back-256",
            "ppocr-v4-det",
            "ppocr-cls",
            "ppocr-v4-rec",
            "scene-describer");
    assertThat(first.at("/models/1/sha256").asText()).hasSize(64);
    assertThat(first.at("/models/1/device").asText()).isEqualTo("cpu");

    assertThat(run.lines().get(1).get("error").asText()).startsWith("corrupt jpeg image");
    assertThat(run.lines().get(2).get("error").asText()).isEqualTo("no such file");

    JsonNode last = run.lines().get(3);
    assertThat(last.get("fullText").asText()).contains("NOTICE", "PARKING");
    assertThat(last.get("text").findValuesAsText("text")).contains("NOTICE");
    assertThat(last.at("/text/0/polygon")).hasSize(4);
    assertThat(last.get("caption").asText()).contains("text reading 'NOTICE");
  }

  @Test
  void shouldRunOnlyTheChosenProcessorsWithTheGivenThresholdAndWriteTheBlurredCopy()
      throws Exception {
    TestModels.require(NanoDet.MODEL, BlazeFace.FRONT, BlazeFace.BACK);
    Path dog = TestMedia.darknetPhoto("dog.jpg");
    Path astronaut = TestMedia.require(TestMedia.SKIMAGE_DATA + "/astronaut.png");

    Run run =
        run(
            "--processors",
            "detection",
            "--score-threshold",
            "0.6",
            "--blur-out",
            dir.toString(),
            dog.toString(),
            astronaut.toString());

    assertThat(run.exit()).isZero();
    JsonNode first = run.lines().get(0);
    assertThat(first.get("detections").findValuesAsText("label")).containsExactly("bicycle");
    assertThat(first.get("faces")).isEmpty();
    assertThat(first.get("caption").isNull()).isTrue();
    assertThat(first.get("fullText").isNull()).isTrue();
    JsonNode second = run.lines().get(1);
    assertThat(second.get("faces")).hasSize(1);
    assertThat(Path.of(second.get("blurred").asText()))
        .exists()
        .hasFileName("astronaut.blurred.png");
    assertThat(second.get("models").findValuesAsText("name"))
        .containsExactly(
            "image-header",
            "nanodet-coco",
            "blazeface-front-128",
            "blazeface-back-256",
            "face-blur");
  }

  @Test
  void shouldRefuseAnUnknownProcessorBeforeLoadingAnything() {
    assertThat(
            new CommandLine(new EnrichImageCommand())
                .execute("--processors", "detection,pose", "x.jpg"))
        .isNotZero();
  }
}
