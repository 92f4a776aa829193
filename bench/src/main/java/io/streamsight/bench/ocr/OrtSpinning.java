package io.streamsight.bench.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamsight.models.ModelCache;
import io.streamsight.processors.inference.CatalogueModels;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How ONNX Runtime's thread settings change the time of one PP-OCRv4 recognition (one text line of
 * 48 x {@code width} pixels), sessions created directly with ONNX Runtime's Java API, measured
 * interleaved: two intra-op threads (spinning, ONNX Runtime's default, which is what DJL sessions
 * get), two threads with spinning off, and one thread. On a machine whose cores are busy, spinning
 * worker threads take the time slices the working ones need.
 *
 * <pre>{@code
 * java -cp bench/target/streamsight-bench.jar io.streamsight.bench.ocr.OrtSpinning [width] [runs]
 * }</pre>
 */
public final class OrtSpinning {

  private OrtSpinning() {}

  public static void main(String[] args) throws OrtException {
    int width = args.length > 0 ? Integer.parseInt(args[0]) : 1200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    CatalogueModels models = CatalogueModels.bundled(ModelCache.configured().root());
    String model = models.root().resolve(models.spec("ppocr-v4-rec").file()).toString();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    List<OrtSession.SessionOptions> options =
        List.of(options(2, true), options(2, false), options(1, true));
    Map<String, OrtSession> sessions = new LinkedHashMap<>();
    sessions.put("2 threads, spinning", env.createSession(model, options.get(0)));
    sessions.put("2 threads, no spinning", env.createSession(model, options.get(1)));
    sessions.put("1 thread", env.createSession(model, options.get(2)));
    float[] line = new float[3 * 48 * width];
    Random random = new Random(1);
    for (int i = 0; i < line.length; i++) {
      line[i] = random.nextFloat() * 2 - 1;
    }
    Map<String, Long> total = new LinkedHashMap<>();
    for (int r = 0; r <= runs; r++) {
      for (var e : sessions.entrySet()) {
        try (OnnxTensor input =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(line), new long[] {1, 3, 48, width})) {
          long start = System.nanoTime();
          e.getValue().run(Map.of("x", input)).close();
          if (r > 0) {
            total.merge(e.getKey(), System.nanoTime() - start, Long::sum);
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT, "PP-OCRv4 recognition of one 48x%d line, %d runs:%n", width, runs);
    total.forEach(
        (name, nanos) ->
            System.out.printf(Locale.ROOT, "  %-24s %7.1f ms%n", name, nanos / 1e6 / runs));
    for (OrtSession s : sessions.values()) {
      s.close();
    }
    for (OrtSession.SessionOptions o : options) {
      o.close();
    }
  }

  private static OrtSession.SessionOptions options(int threads, boolean spin) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(threads);
    options.setInterOpNumThreads(1);
    options.addConfigEntry("session.intra_op.allow_spinning", spin ? "1" : "0");
    return options;
  }
}
