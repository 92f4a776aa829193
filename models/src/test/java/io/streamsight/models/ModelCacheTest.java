package io.streamsight.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.models.EntryStatus.State;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {

  private static final byte[] MODEL = "model bytes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] WEIGHTS = "weights".getBytes(StandardCharsets.UTF_8);
  private static final ModelSource SOURCE =
      new ModelSource(ModelSource.Registry.NPM, "tiny@1.0.0", "0".repeat(64));

  @TempDir Path root;

  @Test
  void shouldTakeTheRootFromOptionThenPropertyThenEnvironmentThenHome() {
    assertThat(ModelCache.resolveRoot("/opt/m", "/p", "/e", "/home/u"))
        .isEqualTo(Path.of("/opt/m"));
    assertThat(ModelCache.resolveRoot(null, "/p", "/e", "/home/u")).isEqualTo(Path.of("/p"));
    assertThat(ModelCache.resolveRoot(" ", "", "/e", "/home/u")).isEqualTo(Path.of("/e"));
    assertThat(ModelCache.resolveRoot(null, null, "~/models", "/home/u"))
        .isEqualTo(Path.of("/home/u/models"));
    assertThat(ModelCache.resolveRoot(null, null, null, "/home/u"))
        .isEqualTo(Path.of("/home/u/.cache/streamsight/models"));
  }

  @Test
  void shouldInstallContentWithThePinnedSha256() throws IOException {
    ModelCache cache = new ModelCache(root);
    Path target = root.resolve("m/1/model.onnx");

    cache.install(target, new ByteArrayInputStream(MODEL), sha256(MODEL));

    assertThat(target).hasBinaryContent(MODEL);
    assertThat(filesIn(target.getParent())).containsExactly("model.onnx");
  }

  @Test
  void shouldLeaveNothingBehindWhenTheDownloadBreaksOff() throws IOException {
    ModelCache cache = new ModelCache(root);
    Path target = root.resolve("m/1/model.onnx");

    assertThatThrownBy(() -> cache.install(target, breaksOffAfter(100_000), "a".repeat(64)))
        .isInstanceOf(IOException.class)
        .hasMessage("connection reset");

    assertThat(target).doesNotExist();
    assertThat(filesIn(target.getParent())).isEmpty();
  }

  @Test
  void shouldRefuseOtherContentNamingTheFileAndKeepWhatWasThere() throws IOException {
    ModelCache cache = new ModelCache(root);
    Path target = root.resolve("m/1/model.onnx");
    cache.install(target, new ByteArrayInputStream(MODEL), sha256(MODEL));

    assertThatThrownBy(
            () -> cache.install(target, new ByteArrayInputStream(WEIGHTS), sha256(MODEL)))
        .isInstanceOf(ChecksumMismatchException.class)
        .hasMessageContaining(target.toString())
        .hasMessageContaining("expected " + sha256(MODEL) + ", got " + sha256(WEIGHTS));

    assertThat(target).hasBinaryContent(MODEL);
    assertThat(filesIn(target.getParent())).containsExactly("model.onnx");
  }

  @Test
  void shouldReportMissingThenVerifiedThenMismatchedFiles() throws IOException {
    ModelCache cache = new ModelCache(root);
    ModelEntry entry =
        TestEntries.plain(
            "tiny",
            SOURCE,
            new ModelFile("dist/tiny.onnx", sha256(MODEL)),
            new ModelFile("dist/tiny.bin", sha256(WEIGHTS)));

    EntryStatus missing = cache.status(entry);
    assertThat(missing.state()).isEqualTo(State.MISSING);
    assertThat(missing.failsVerify()).isTrue();
    assertThat(missing.describe()).contains("missing tiny.onnx, tiny.bin");

    Files.createDirectories(cache.entryDir(entry));
    Files.write(cache.path(entry, "tiny.onnx"), MODEL);
    Files.write(cache.path(entry, "tiny.bin"), WEIGHTS);
    assertThat(cache.status(entry).state()).isEqualTo(State.VERIFIED);
    assertThat(cache.require(entry)).isEqualTo(root.resolve("tiny/1.0.0/tiny.onnx"));

    Files.write(cache.path(entry, "tiny.bin"), MODEL);
    EntryStatus mismatch = cache.status(entry);
    assertThat(mismatch.state()).isEqualTo(State.MISMATCH);
    assertThat(mismatch.describe())
        .contains(cache.path(entry, "tiny.bin") + " has sha256 " + sha256(MODEL));
    assertThatThrownBy(() -> cache.require(entry))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("model tiny")
        .hasMessageContaining("streamsight models fetch");
  }

  @Test
  void shouldTellAMissingConverterFromAMissingFile() throws IOException {
    ModelCache cache = new ModelCache(root);
    ModelEntry entry =
        TestEntries.converted(
            "conv",
            SOURCE,
            "tfjs-graph-to-onnx",
            null,
            new ModelFile("m/conv.json", sha256(MODEL)));
    Files.createDirectories(cache.entryDir(entry));
    Files.write(cache.path(entry, "conv.json"), MODEL);

    EntryStatus noConverter = cache.status(entry, ModelConverters.of());
    assertThat(noConverter.state()).isEqualTo(State.CONVERTER_MISSING);
    assertThat(noConverter.describe())
        .isEqualTo("converter tfjs-graph-to-onnx is not installed, so conv.onnx cannot be made");

    ModelConverter converter = new CopyingConverter("tfjs-graph-to-onnx");
    assertThat(cache.status(entry, ModelConverters.of(converter)).state()).isEqualTo(State.MISSING);

    Files.write(cache.modelPath(entry), WEIGHTS);
    EntryStatus unpinned = cache.status(entry, ModelConverters.of());
    assertThat(unpinned.state()).isEqualTo(State.UNPINNED);
    assertThat(unpinned.usable()).isTrue();
    assertThat(unpinned.describe())
        .isEqualTo(
            "conv.onnx has sha256 "
                + sha256(WEIGHTS)
                + ", not pinned in the catalogue yet (pinned when the converter lands)");
  }

  @Test
  void shouldNotFailVerifyForAMissingOptionalModel() throws IOException {
    ModelEntry required = TestEntries.plain("m", SOURCE, new ModelFile("m.onnx", sha256(MODEL)));
    ModelEntry optional =
        new ModelEntry(
            "o",
            "1",
            "t",
            "MIT",
            true,
            SOURCE,
            required.files(),
            "m.onnx",
            null,
            TestEntries.SIGNATURE,
            "n");
    ModelCache cache = new ModelCache(root);

    assertThat(cache.status(required).failsVerify()).isTrue();
    assertThat(cache.status(optional).failsVerify()).isFalse();
    assertThat(cache.status(optional).describe()).contains("(optional model)");
  }

  @Test
  void shouldDeleteTheLeftoversOfAKilledFetch() throws IOException {
    ModelCache cache = new ModelCache(root);
    ModelEntry entry = TestEntries.plain("m", SOURCE, new ModelFile("m.onnx", sha256(MODEL)));
    Path part = cache.partFileFor(cache.modelPath(entry));
    Files.write(part, MODEL);
    Files.write(cache.modelPath(entry), MODEL);

    cache.deleteLeftovers(entry);

    assertThat(filesIn(cache.entryDir(entry))).containsExactly("m.onnx");
  }

  static String sha256(byte[] bytes) {
    return Checksums.hex(Checksums.newSha256().digest(bytes));
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A download that delivers some bytes, then fails like a dropped connection. */
  private static InputStream breaksOffAfter(int bytes) {
    return new InputStream() {
      private int left = bytes;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
          throw new IOException("connection reset");
        }
        int n = Math.min(length, left);
        Arrays.fill(buffer, offset, offset + n, (byte) 'x');
        left -= n;
        return n;
      }
    };
  }

  /** Copies the source file: enough to see the fetcher's handling of a converter. */
  record CopyingConverter(String name) implements ModelConverter {
    @Override
    public void convert(Path sourceDir, String sourceFile, Path target) throws IOException {
      Files.copy(sourceDir.resolve(sourceFile), target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
