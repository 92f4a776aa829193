package io.streamsight.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsCommandTest {

  private static final byte[] MODEL = "tiny model".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;

  private final StringWriter output = new StringWriter();

  @Test
  void shouldFailVerifyNamingEveryMissingFileOfTheBundledCatalogue() {
    int code = models("verify", "--dir", tmp.toString());

    assertThat(code).isEqualTo(1);
    assertThat(output.toString())
        .contains("ppocr-v4-det")
        .contains("missing ch_PP-OCRv4_det_infer.onnx")
        .contains("missing ch_PP-OCRv4_rec_infer.onnx, ppocr_keys_v1.txt")
        .contains("missing silero_vad_v5.onnx")
        .contains("missing all-minilm-l6-v2-q.onnx, all-minilm-l6-v2-q-tokenizer.json (optional")
        .contains("FAILED: 10 of 11 models fail verification in " + tmp);
  }

  @Test
  void shouldPassVerifyWhenEveryFileHasItsPinAndFailWhenOneChanges() throws IOException {
    Path catalogue = tinyCatalogue();
    Path model = tmp.resolve("cache/tiny/1.0.0/tiny.onnx");
    Files.createDirectories(model.getParent());
    Files.write(model, MODEL);

    assertThat(
            models(
                "verify",
                "--dir",
                tmp.resolve("cache").toString(),
                "--catalogue",
                catalogue.toString()))
        .isEqualTo(0);
    assertThat(output.toString()).contains("tiny").contains("VERIFIED").contains("OK: 0 of 1");

    Files.write(model, "tampered".getBytes(StandardCharsets.UTF_8));
    output.getBuffer().setLength(0);

    assertThat(
            models(
                "verify",
                "--dir",
                tmp.resolve("cache").toString(),
                "--catalogue",
                catalogue.toString()))
        .isEqualTo(1);
    assertThat(output.toString())
        .contains("MISMATCH")
        .contains(model + " has sha256 " + sha256("tampered".getBytes(StandardCharsets.UTF_8)))
        .contains("catalogue pins " + sha256(MODEL));
  }

  @Test
  void shouldListEveryModelWithItsSha256AndState() {
    int code = models("list", "--dir", tmp.toString());

    assertThat(code).isEqualTo(0);
    assertThat(output.toString())
        .contains("model cache: " + tmp)
        .contains("silero-vad-v5  MISSING  (Silero VAD v5)  ISC")
        .contains("package npm @ricky0123/vad-web@0.0.31")
        .contains("2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f")
        .contains("nanodet.onnx")
        .contains("e51ba87a739bc0803436c4bbf5ba517d29c641520b3b3e7427e3b7b7fade81f6");
  }

  @Test
  void shouldRefuseAnUnknownModelNameWithUsageExitCode() {
    assertThat(models("verify", "--dir", tmp.toString(), "yolo")).isEqualTo(2);
    assertThat(output.toString()).contains("no model named yolo");
  }

  private int models(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "models";
    System.arraycopy(args, 0, all, 1, args.length);
    PrintWriter out = new PrintWriter(output, true);
    return new CommandLine(new StreamsightCommand()).setOut(out).setErr(out).execute(all);
  }

  private Path tinyCatalogue() throws IOException {
    String json =
        """
        {"models": [{"name": "tiny", "version": "1", "task": "test", "licence": "MIT",
          "source": {"registry": "npm", "coordinates": "tiny@1.0.0", "sha256": "%s"},
          "files": [{"path": "dist/tiny.onnx", "sha256": "%s"}],
          "model": "tiny.onnx",
          "signature": {"inputs": [{"name": "x", "type": "float", "shape": [1]}],
                        "outputs": [{"name": "y", "type": "float", "shape": [1]}]},
          "notes": "none"}]}
        """
            .formatted("0".repeat(64), sha256(MODEL));
    return Files.writeString(tmp.resolve("catalogue.json"), json);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
