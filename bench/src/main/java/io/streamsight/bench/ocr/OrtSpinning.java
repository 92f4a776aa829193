package io.streamsight.bench.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamsight.models.ModelCache;
import io.streamsight.processors.inference.CatalogueModels;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How ONNX Runtime's thread settings change the time of the PP-OCRv4 models, with sessions created
 * directly through ONNX Runtime's Java API and the settings measured interleaved: two intra-op
 * threads per session with spin-waiting (ONNX Runtime's default, which is what the sessions DJL
 * creates for the model registry get), two threads without spinning, and one thread. Two workloads:
 * one text line of 48 x 1200 pixels on the recogniser alone, and one image's worth of the OCR
 * pipeline (detector at 832 x 640, six classifier windows, four such lines), which alternates
 * between three sessions, each with its own thread pool.
 *
 * <pre>{@code
 * java -cp bench/target/streamsight-bench.jar io.streamsight.bench.ocr.OrtSpinning [runs]
 * }</pre>
 */
public final class OrtSpinning {

  private static final List<String> SETTINGS =
      List.of("2 threads, spinning", "2 threads, no spinning", "1 thread");

  private OrtSpinning() {}

  public static void main(String[] args) throws OrtException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    CatalogueModels models = CatalogueModels.bundled(ModelCache.configured().root());
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    List<OrtSession.SessionOptions> options = new ArrayList<>();
    Map<String, List<OrtSession>> sessions = new LinkedHashMap<>();
    try {
      for (String setting : SETTINGS) {
        List<OrtSession> pipeline = new ArrayList<>();
        for (String model : List.of("ppocr-v4-det", "ppocr-cls", "ppocr-v4-rec")) {
          OrtSession.SessionOptions o = new OrtSession.SessionOptions();
          options.add(o);
          o.setIntraOpNumThreads(setting.startsWith("2") ? 2 : 1);
          o.setInterOpNumThreads(1);
          o.addConfigEntry(
              "session.intra_op.allow_spinning", setting.contains("no spinning") ? "0" : "1");
          pipeline.add(
              env.createSession(models.root().resolve(models.spec(model).file()).toString(), o));
        }
        sessions.put(setting, pipeline);
      }
      Random random = new Random(1);
      float[] image = noise(random, 3 * 640 * 832);
      float[] window = noise(random, 3 * 48 * 192);
      float[] line = noise(random, 3 * 48 * 1200);
      Map<String, Long> lineNanos = new LinkedHashMap<>();
      Map<String, Long> pipelineNanos = new LinkedHashMap<>();
      for (int r = 0; r <= runs; r++) {
        for (var e : sessions.entrySet()) {
          List<OrtSession> s = e.getValue();
          long start = System.nanoTime();
          run(env, s.get(2), line, 48, 1200);
          long lineDone = System.nanoTime();
          run(env, s.get(0), image, 640, 832);
          for (int k = 0; k < 6; k++) {
            run(env, s.get(1), window, 48, 192);
          }
          for (int k = 0; k < 4; k++) {
            run(env, s.get(2), line, 48, 1200);
          }
          long pipelineDone = System.nanoTime();
          if (r > 0) {
            lineNanos.merge(e.getKey(), lineDone - start, Long::sum);
            pipelineNanos.merge(e.getKey(), pipelineDone - lineDone, Long::sum);
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "ms per run (%d runs): one 48x1200 line | det 832x640 + 6 cls + 4 lines%n",
          runs);
      for (String setting : SETTINGS) {
        System.out.printf(
            Locale.ROOT,
            "  %-24s %7.1f | %7.1f%n",
            setting,
            lineNanos.get(setting) / 1e6 / runs,
            pipelineNanos.get(setting) / 1e6 / runs);
      }
    } finally {
      for (List<OrtSession> pipeline : sessions.values()) {
        for (OrtSession s : pipeline) {
          s.close();
        }
      }
      for (OrtSession.SessionOptions o : options) {
        o.close();
      }
    }
  }

  private static float[] noise(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextFloat() * 2 - 1;
    }
    return values;
  }

  private static void run(OrtEnvironment env, OrtSession session, float[] data, int h, int w)
      throws OrtException {
    try (OnnxTensor input =
        OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {1, 3, h, w})) {
      session.run(Map.of("x", input)).close();
    }
  }
}
