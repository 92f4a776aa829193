package io.streamsight.bench.ocr;

import com.benjaminwan.ocrlibrary.OcrResult;
import io.github.mymonstercat.Model;
import io.github.mymonstercat.ocr.InferenceEngine;
import io.github.mymonstercat.ocr.config.HardwareConfig;
import io.github.mymonstercat.ocr.config.ParamConfig;
import io.streamsight.models.ModelCache;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.OrtThreads;
import io.streamsight.processors.ocr.OcrSettings;
import io.streamsight.processors.ocr.PpOcr;
import io.streamsight.processors.ocr.TextReader;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Streamsight's OCR against RapidOCR's own Java library ({@code io.github.mymonstercat:rapidocr}
 * 0.0.7, the same PP-OCRv4 models run by its bundled C++ engine and ONNX Runtime) on the same
 * public images, in one command: accuracy (character error rate and word recall against the hand
 * transcriptions of {@link OcrSamples}) and milliseconds per image, decoding the file included,
 * each engine on the same number of threads. Each engine reads every image once to warm up, then
 * {@code --runs} times; the median time per image counts.
 *
 * <p>RapidOCR runs in two configurations: its defaults (image padded by 50 pixels and never scaled
 * down, no angle classification) and with the same detector cap and angle classification as
 * Streamsight's defaults (long side 960, angles on).
 *
 * <p>Both libraries load ONNX Runtime natives (RapidOCR links its own ONNX Runtime 1.14 statically
 * into {@code libRapidOcr.so}; Streamsight uses ONNX Runtime 1.23.2 through DJL). They coexist in
 * one JVM on Linux x86-64: the JVM loads each library without exporting its symbols to the other.
 * {@code --rapidocr-in-child} runs RapidOCR in a child JVM of the same command instead (then timed
 * separately, not interleaved), for a platform where that is ever not so. RapidOCR's native code
 * prints progress lines of its own ({@code imgDir=...}) on stdout; filter them with {@code grep -v
 * '^imgDir='}.
 *
 * <p>Threads: each engine gets {@code --threads} ONNX Runtime intra-op threads. With more than one,
 * ONNX Runtime 1.23's worker threads spin-wait after each call, and Streamsight's reader alternates
 * between three sessions (detector, classifier, recogniser), each with its own pool: on a 2-core
 * machine with other work on it, two threads made Streamsight's reader twice as slow as one, while
 * RapidOCR's ONNX Runtime 1.14 was about as fast either way. {@link OrtSpinning} measures this
 * without either library. One thread per engine measures the libraries rather than the spinning.
 *
 * <pre>{@code
 * java -cp bench/target/streamsight-bench.jar io.streamsight.bench.ocr.OcrComparison \
 *     [--runs 3] [--threads 2] [--rapidocr-in-child]
 * }</pre>
 */
public final class OcrComparison {

  private static final String STREAMSIGHT = "streamsight";
  private static final String RAPID_DEFAULTS = "rapidocr-defaults";
  private static final String RAPID_CAPPED = "rapidocr-960-angle";
  private static final List<String> ENGINES = List.of(STREAMSIGHT, RAPID_DEFAULTS, RAPID_CAPPED);
  private static final String RESULT = "RESULT\t";

  /** What one engine read from one image, and its median time. */
  record Reading(String text, double ms) {}

  /** Reads one image file. */
  interface Engine extends AutoCloseable {
    String read(Path file) throws Exception;

    @Override
    default void close() {}
  }

  private OcrComparison() {}

  public static void main(String[] args) throws Exception {
    int runs = intOption(args, "--runs", 3);
    int threads = intOption(args, "--threads", 2);
    String worker = option(args, "--worker", null);
    List<OcrSamples.Sample> samples = available();
    if (worker != null) {
      // Child mode: one engine, results on stdout for the parent.
      Map<String, Reading> readings = measure(List.of(worker), samples, runs, threads).get(worker);
      for (var e : readings.entrySet()) {
        System.out.println(
            RESULT + e.getKey() + "\t" + e.getValue().ms() + "\t" + escape(e.getValue().text()));
      }
      return;
    }
    boolean child = Arrays.asList(args).contains("--rapidocr-in-child");
    System.out.printf(
        Locale.ROOT,
        "OCR comparison: %d images, %d timed runs after one warm-up, %d threads per engine,"
            + " RapidOCR %s%n",
        samples.size(),
        runs,
        threads,
        child ? "in a child JVM" : "in this JVM");
    List<String> here = child ? List.of(STREAMSIGHT) : ENGINES;
    Map<String, Map<String, Reading>> measured = measure(here, samples, runs, threads);
    Map<String, Map<String, Reading>> results = new LinkedHashMap<>();
    for (String engine : ENGINES) {
      results.put(
          engine, here.contains(engine) ? measured.get(engine) : inChild(engine, runs, threads));
    }
    report(samples, results);
  }

  /**
   * Reads every sample with every engine once (warm-up; these texts are scored), then {@code runs}
   * times more, timed, interleaving the engines image by image (in a rotating order), so that a
   * change of load on a shared machine hits all engines alike.
   */
  private static Map<String, Map<String, Reading>> measure(
      List<String> names, List<OcrSamples.Sample> samples, int runs, int threads) throws Exception {
    List<Engine> engines = new ArrayList<>();
    try {
      for (String name : names) {
        engines.add(open(name, threads));
      }
      Map<String, Map<String, String>> texts = new LinkedHashMap<>();
      Map<String, Map<String, double[]>> times = new LinkedHashMap<>();
      for (int e = 0; e < engines.size(); e++) {
        Map<String, String> engineTexts = new LinkedHashMap<>();
        Map<String, double[]> engineTimes = new LinkedHashMap<>();
        for (OcrSamples.Sample s : samples) {
          engineTexts.put(s.name(), engines.get(e).read(file(s)));
          engineTimes.put(s.name(), new double[runs]);
        }
        texts.put(names.get(e), engineTexts);
        times.put(names.get(e), engineTimes);
      }
      for (int r = 0; r < runs; r++) {
        for (int i = 0; i < samples.size(); i++) {
          OcrSamples.Sample s = samples.get(i);
          for (int k = 0; k < engines.size(); k++) {
            int e = (k + i + r) % engines.size();
            long start = System.nanoTime();
            engines.get(e).read(file(s));
            times.get(names.get(e)).get(s.name())[r] = (System.nanoTime() - start) / 1e6;
          }
        }
      }
      Map<String, Map<String, Reading>> out = new LinkedHashMap<>();
      for (String name : names) {
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (OcrSamples.Sample s : samples) {
          readings.put(
              s.name(),
              new Reading(texts.get(name).get(s.name()), median(times.get(name).get(s.name()))));
        }
        out.put(name, readings);
      }
      return out;
    } finally {
      for (Engine engine : engines) {
        engine.close();
      }
    }
  }

  private static Engine open(String engine, int threads) {
    return switch (engine) {
      case STREAMSIGHT -> streamsight(threads);
      case RAPID_DEFAULTS -> rapid(threads, ParamConfig.getDefaultConfig());
      case RAPID_CAPPED -> {
        ParamConfig config = ParamConfig.getDefaultConfig();
        config.setMaxSideLen(960);
        config.setDoAngle(true);
        yield rapid(threads, config);
      }
      default -> throw new IllegalArgumentException("no engine " + engine);
    };
  }

  private static Engine streamsight(int threads) {
    ModelCache cache = ModelCache.configured();
    CatalogueModels models = CatalogueModels.bundled(cache.root());
    ModelRegistry registry = new ModelRegistry(cache.root(), new OrtThreads(threads, 1));
    PpOcr ocr = PpOcr.load(registry, models, DevicePlacement.cpu("ocr"), OcrSettings.defaults());
    TextReader reader = ocr.newReader();
    return new Engine() {
      @Override
      public String read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        return reader.read(List.of(image)).get(0).fullText();
      }

      @Override
      public void close() {
        reader.close();
        registry.close();
      }
    };
  }

  private static Engine rapid(int threads, ParamConfig config) {
    InferenceEngine engine =
        InferenceEngine.getInstance(Model.ONNX_PPOCR_V4, new HardwareConfig(threads, -1));
    return file -> {
      OcrResult result = engine.runOcr(file.toString(), config);
      StringBuilder text = new StringBuilder();
      for (var block : result.getTextBlocks()) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(block.getText().strip());
      }
      return text.toString();
    };
  }

  private static Map<String, Reading> inChild(String engine, int runs, int threads)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    String media = System.getProperty("streamsight.media.dir");
    if (media != null) {
      command.add("-Dstreamsight.media.dir=" + media);
    }
    command.addAll(
        List.of(
            OcrComparison.class.getName(),
            "--worker",
            engine,
            "--runs",
            Integer.toString(runs),
            "--threads",
            Integer.toString(threads)));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, Reading> out = new LinkedHashMap<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(RESULT)) {
          String[] parts = line.split("\t", 4);
          out.put(parts[1], new Reading(unescape(parts[3]), Double.parseDouble(parts[2])));
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(engine + " in a child JVM exited with " + exit);
    }
    return out;
  }

  private static void report(
      List<OcrSamples.Sample> samples, Map<String, Map<String, Reading>> results) {
    StringBuilder header =
        new StringBuilder(String.format(Locale.ROOT, "%-18s %6s", "image", "chars"));
    for (String engine : results.keySet()) {
      header.append(String.format(Locale.ROOT, " | %-30s", engine + ": CER words ms"));
    }
    System.out.println(header);
    for (OcrSamples.Sample s : samples) {
      StringBuilder row =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "%-18s %6d", s.name(), OcrScore.normalise(s.text()).length()));
      for (var e : results.entrySet()) {
        Reading reading = e.getValue().get(s.name());
        OcrScore score = OcrScore.of(s.text(), reading.text());
        row.append(
            String.format(
                Locale.ROOT,
                " | %-30s",
                String.format(
                    Locale.ROOT,
                    "%.3f %d/%d %.0f",
                    score.cer(),
                    score.wordsFound(),
                    score.words(),
                    reading.ms())));
      }
      System.out.println(row);
    }
    System.out.println();
    for (String group : List.of("all", "photos", "pages")) {
      List<OcrSamples.Sample> members =
          samples.stream()
              .filter(s -> group.equals("all") || s.page() == group.equals("pages"))
              .toList();
      if (members.isEmpty()) {
        continue;
      }
      System.out.printf(Locale.ROOT, "%s (%d images):%n", group, members.size());
      double ours = meanMs(results.get(STREAMSIGHT), members);
      for (var e : results.entrySet()) {
        OcrScore t = new OcrScore(0, 0, 0, 0);
        for (OcrSamples.Sample s : members) {
          t = t.plus(OcrScore.of(s.text(), e.getValue().get(s.name()).text()));
        }
        double ms = meanMs(e.getValue(), members);
        System.out.printf(
            Locale.ROOT,
            "  %-20s CER %.4f  word recall %.3f (%d/%d)  %7.1f ms/image  %s%n",
            e.getKey(),
            t.cer(),
            t.wordRecall(),
            t.wordsFound(),
            t.words(),
            ms,
            e.getKey().equals(STREAMSIGHT)
                ? ""
                : String.format(Locale.ROOT, "streamsight %.2fx as fast", ms / ours));
      }
    }
    if (Boolean.getBoolean("ocr.print")) {
      for (OcrSamples.Sample s : samples) {
        System.out.println("== " + s.name());
        for (var e : results.entrySet()) {
          System.out.println(
              "  " + e.getKey() + ": " + e.getValue().get(s.name()).text().replace("\n", " | "));
        }
      }
    }
  }

  private static double meanMs(Map<String, Reading> readings, List<OcrSamples.Sample> samples) {
    return samples.stream().mapToDouble(s -> readings.get(s.name()).ms()).average().orElse(0);
  }

  private static List<OcrSamples.Sample> available() {
    Path media = OcrSamples.mediaDir();
    List<OcrSamples.Sample> present = new ArrayList<>();
    for (OcrSamples.Sample s : OcrSamples.ALL) {
      if (Files.isRegularFile(media.resolve(s.path()))) {
        present.add(s);
      } else {
        System.err.println("skipping " + s.name() + ": " + media.resolve(s.path()) + " is absent");
      }
    }
    if (present.isEmpty()) {
      throw new UncheckedIOException(
          new IOException("no test images under " + media + " (run bin/fetch-media)"));
    }
    return present;
  }

  private static Path file(OcrSamples.Sample s) {
    return OcrSamples.mediaDir().resolve(s.path());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static int intOption(String[] args, String name, int fallback) {
    String value = option(args, name, null);
    return value == null ? fallback : Integer.parseInt(value);
  }
}
