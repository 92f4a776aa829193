package io.streamsight.processors.audio.vad;

import static java.util.Objects.requireNonNull;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.streamsight.processors.inference.BatchTranslator;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.ModelReplicas;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Silero VAD v5 ({@value #MODEL} in the catalogue): a speech probability for each 32 ms chunk of 16
 * kHz audio, from a small recurrent network.
 *
 * <p>One call of the model takes a batch: row {@code i} of {@code input} [n, 576] is the 64 samples
 * of context before a chunk and its 512 samples, {@code state} [2, n, 128] the recurrent state of
 * that row's stream, {@code sr} the int64 scalar 16000; it returns {@code output} [n, 1]
 * (probabilities) and {@code stateN} [2, n, 128]. {@link Session#step} advances many independent
 * {@link VadStream}s (different sources) by one chunk each in one such call, which is how the audio
 * processor micro-batches the model. Loaded once by the {@link ModelRegistry}; one {@link Session}
 * (one predictor) per processor instance.
 */
public final class SileroVad {

  /** Catalogue name of the model. */
  public static final String MODEL = "silero-vad-v5";

  /** The model's sample rate. */
  public static final int SAMPLE_RATE = 16_000;

  /** New samples per chunk. */
  public static final int CHUNK = 512;

  /** Samples of context before each chunk. */
  public static final int CONTEXT = 64;

  /** Values of one stream's recurrent state ([2][128]). */
  public static final int STATE = 256;

  private static final int WIDTH = CONTEXT + CHUNK;
  private static final int HALF = STATE / 2;

  private final ModelReplicas<List<Step>, List<Result>> model;
  private final DevicePlacement placement;

  private SileroVad(ModelReplicas<List<Step>, List<Result>> model, DevicePlacement placement) {
    this.model = model;
    this.placement = placement;
  }

  /**
   * Loads the model from the verified cache on every device of the placement.
   *
   * @throws io.streamsight.processors.inference.ModelLoadException when the model is missing,
   *     tampered with or cannot be placed
   */
  public static SileroVad load(
      ModelRegistry registry, CatalogueModels catalogue, DevicePlacement placement) {
    requireNonNull(registry, "registry");
    return new SileroVad(
        registry.loadBatching(catalogue.spec(MODEL), placement, new Translator()), placement);
  }

  /** Where the model runs, e.g. {@code cpu}. */
  public DevicePlacement placement() {
    return placement;
  }

  /** A session with its own predictor; one per processor instance, closed with it. */
  public Session newSession() {
    return new Session(model.newPredictor());
  }

  /** One processor instance's access to the model. Not thread-safe. */
  public static final class Session implements AutoCloseable {

    private final Predictor<List<Step>, List<Result>> predictor;

    private Session(Predictor<List<Step>, List<Result>> predictor) {
      this.predictor = predictor;
    }

    /**
     * Analyses the next chunk of every stream in one model call. Each stream must have a chunk
     * waiting, whole or (at its end) partial.
     */
    public void step(List<VadStream> streams) throws TranslateException {
      if (streams.isEmpty()) {
        return;
      }
      List<Step> steps = new ArrayList<>(streams.size());
      for (VadStream stream : streams) {
        float[] window = new float[WIDTH];
        stream.window(window, 0);
        steps.add(new Step(window, stream.state()));
      }
      List<Result> results = predictor.predict(steps);
      for (int i = 0; i < streams.size(); i++) {
        streams.get(i).accept(results.get(i).probability(), results.get(i).state());
      }
    }

    /**
     * Runs streams to the end of the audio they hold: every whole chunk; then, for those in {@code
     * finishing}, the last partial chunk and {@link VadStream#finish}. Streams of different lengths
     * share model calls while they last.
     */
    public void drain(List<VadStream> streams, List<Boolean> finishing) throws TranslateException {
      while (true) {
        List<VadStream> ready = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
          VadStream s = streams.get(i);
          if (s.hasChunk() || (finishing.get(i) && s.hasPartialChunk())) {
            ready.add(s);
          }
        }
        if (ready.isEmpty()) {
          break;
        }
        step(ready);
      }
      for (int i = 0; i < streams.size(); i++) {
        if (finishing.get(i)) {
          streams.get(i).finish();
        }
      }
    }

    @Override
    public void close() {
      predictor.close();
    }
  }

  /** One row of a model call: context + chunk, and the stream's state. */
  @SuppressWarnings("ArrayRecordComponent") // internal, never compared
  record Step(float[] window, float[] state) {}

  /** One row of the answer. */
  @SuppressWarnings("ArrayRecordComponent") // internal, never compared
  record Result(float probability, float[] state) {}

  /** Stacks rows into the model's three inputs and splits its two outputs. */
  static final class Translator implements BatchTranslator<Step, Result> {

    @Override
    public NDList processInput(TranslatorContext ctx, List<Step> steps) {
      int n = steps.size();
      FloatBuffer input = FloatBuffer.allocate(n * WIDTH);
      float[] state = new float[2 * n * 128];
      for (int i = 0; i < n; i++) {
        Step step = steps.get(i);
        input.put(step.window());
        // [2][128] per stream → [2][n][128] for the batch.
        System.arraycopy(step.state(), 0, state, i * HALF, HALF);
        System.arraycopy(step.state(), HALF, state, (n + i) * HALF, HALF);
      }
      input.flip();
      NDManager manager = ctx.getNDManager();
      NDArray in = manager.create(input, new Shape(n, WIDTH));
      in.setName("input");
      NDArray st = manager.create(state, new Shape(2, n, HALF));
      st.setName("state");
      NDArray sr = manager.create((long) SAMPLE_RATE);
      sr.setName("sr");
      return new NDList(in, st, sr);
    }

    @Override
    public List<Result> processOutput(TranslatorContext ctx, NDList outputs) {
      float[] probabilities = outputs.get(0).toFloatArray();
      float[] state = outputs.get(1).toFloatArray();
      int n = probabilities.length;
      if (state.length != 2 * n * HALF) {
        throw new IllegalStateException(
            "VAD state output " + outputs.get(1).getShape() + " for a batch of " + n);
      }
      List<Result> results = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        float[] next = new float[STATE];
        System.arraycopy(state, i * HALF, next, 0, HALF);
        System.arraycopy(state, (n + i) * HALF, next, HALF, HALF);
        results.add(new Result(probabilities[i], next));
      }
      return results;
    }
  }
}
