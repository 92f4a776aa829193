package io.streamsight.processors.inference.generate;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generation run on an Optimum decoder pair: the first step runs the plain (or merged, {@code
 * use_cache_branch=false}) decoder on the whole prompt; with the cache, later steps run the
 * with-past (or merged, {@code use_cache_branch=true}) decoder on the last token, feeding each
 * {@code present.*} output back as the {@code past_key_values.*} input of the same suffix. Cache
 * tensors stay in ONNX Runtime's memory between steps, and are copied through Java only when the
 * search reorders rows (beams, finished sequences dropping out). Without the cache every step runs
 * the whole sequence and asks only for the logits.
 */
final class OnnxDecoderRun implements DecoderSteps {

  private final OrtEnvironment env;
  private final String model;
  private final EncoderOutput encoded;
  private final OrtSession first;
  private final DecoderSignature firstSignature;
  private final OrtSession cached;
  private final DecoderSignature cachedSignature;
  private final boolean useCache;
  private final int heads;
  private final int headSize;

  private OnnxTensor states;
  private boolean ownsStates;
  private final Map<String, OnnxTensor> past = new LinkedHashMap<>();
  private int rows;
  private int step;

  OnnxDecoderRun(
      OrtEnvironment env,
      String model,
      EncoderOutput encoded,
      OrtSession first,
      DecoderSignature firstSignature,
      OrtSession cached,
      DecoderSignature cachedSignature,
      boolean useCache,
      int heads,
      int headSize) {
    this.env = env;
    this.model = model;
    this.encoded = encoded;
    this.first = first;
    this.firstSignature = firstSignature;
    this.cached = cached;
    this.cachedSignature = cachedSignature;
    this.useCache = useCache && cached != null;
    this.heads = heads;
    this.headSize = headSize;
    this.states = encoded.states();
    this.rows = encoded.batch();
  }

  @Override
  public float[][] next(int[] parents, long[][] sequences) {
    if (sequences.length != parents.length || sequences.length == 0) {
      throw new IllegalArgumentException("one parent per sequence, at least one sequence");
    }
    boolean withCache = useCache && step > 0;
    OrtSession session = withCache ? cached : first;
    DecoderSignature signature = withCache ? cachedSignature : firstSignature;
    try {
      reorder(parents, signature.encoderStates());
      int length = sequences[0].length;
      int fed = withCache ? 1 : length;
      int pastLength = withCache ? length - 1 : 0;
      List<OnnxTensor> temporary = new ArrayList<>();
      Map<String, OnnxTensor> feeds = new HashMap<>();
      try {
        long[] ids = new long[rows * fed];
        for (int r = 0; r < rows; r++) {
          if (sequences[r].length != length) {
            throw new IllegalArgumentException("sequences must be of one length");
          }
          System.arraycopy(sequences[r], length - fed, ids, r * fed, fed);
        }
        feeds.put(DecoderSignature.INPUT_IDS, keep(temporary, Tensors.longs(env, ids, shape(fed))));
        feedExtras(signature, withCache, fed, pastLength, feeds, temporary);
        Set<String> wanted = useCache ? session.getOutputNames() : Set.of(signature.logits());
        OrtSession.Result result = session.run(feeds, wanted);
        return collect(result, signature, fed);
      } finally {
        temporary.forEach(OnnxTensor::close);
      }
    } catch (OrtException e) {
      throw new GenerationException(
          "ONNX Runtime failed in step " + step + " of " + signature.file() + " of " + model, e);
    } finally {
      step++;
    }
  }

  private long[] shape(int columns) {
    return new long[] {rows, columns};
  }

  private static OnnxTensor keep(List<OnnxTensor> temporary, OnnxTensor tensor) {
    temporary.add(tensor);
    return tensor;
  }

  private void feedExtras(
      DecoderSignature signature,
      boolean withCache,
      int fed,
      int pastLength,
      Map<String, OnnxTensor> feeds,
      List<OnnxTensor> temporary)
      throws OrtException {
    if (signature.encoderStates()) {
      feeds.put(DecoderSignature.ENCODER_STATES, states);
    }
    if (signature.encoderMask() != null) {
      int sequence = (int) encoded.shape()[1];
      feeds.put(signature.encoderMask(), keep(temporary, Tensors.ones(env, rows, sequence)));
    }
    if (signature.attentionMask() != null) {
      feeds.put(
          signature.attentionMask(), keep(temporary, Tensors.ones(env, rows, pastLength + fed)));
    }
    if (signature.positionIds() || signature.cachePosition()) {
      long[] positions = new long[fed];
      for (int t = 0; t < fed; t++) {
        positions[t] = (long) pastLength + t;
      }
      if (signature.cachePosition()) {
        feeds.put(
            DecoderSignature.CACHE_POSITION,
            keep(temporary, Tensors.longs(env, positions, new long[] {fed})));
      }
      if (signature.positionIds()) {
        long[] all = new long[rows * fed];
        for (int r = 0; r < rows; r++) {
          System.arraycopy(positions, 0, all, r * fed, fed);
        }
        feeds.put(
            DecoderSignature.POSITION_IDS, keep(temporary, Tensors.longs(env, all, shape(fed))));
      }
    }
    if (signature.useCacheBranch()) {
      feeds.put(
          DecoderSignature.USE_CACHE_BRANCH,
          keep(temporary, OnnxTensor.createTensor(env, new boolean[] {withCache})));
    }
    for (Map.Entry<String, long[]> input : signature.pastInputs().entrySet()) {
      if (withCache) {
        OnnxTensor value = past.get(input.getKey());
        if (value == null) {
          throw new IllegalStateException(
              signature.file() + " needs " + input.getKey() + ", which no earlier step produced");
        }
        feeds.put(input.getKey(), value);
      } else {
        feeds.put(input.getKey(), keep(temporary, Tensors.emptyFloats(env, emptyShape(input))));
      }
    }
  }

  /** A cache input of zero length, for a merged decoder's no-cache branch. */
  private long[] emptyShape(Map.Entry<String, long[]> input) {
    long[] shape = input.getValue().clone();
    shape[0] = rows;
    shape[1] = shape[1] > 0 ? shape[1] : heads;
    shape[2] = 0;
    shape[3] = shape[3] > 0 ? shape[3] : headSize;
    if (shape[1] <= 0 || shape[3] <= 0) {
      throw new IllegalStateException("unknown cache shape of " + input.getKey());
    }
    return shape;
  }

  /** Takes the logits (last position) and keeps the cache outputs; closes the rest. */
  private float[][] collect(OrtSession.Result result, DecoderSignature signature, int fed) {
    float[][] logits = null;
    List<OnnxValue> unclaimed = new ArrayList<>();
    try {
      for (Map.Entry<String, OnnxValue> output : result) {
        String name = output.getKey();
        OnnxValue value = output.getValue();
        if (name.equals(signature.logits())) {
          logits = lastPosition((OnnxTensor) value, fed);
          unclaimed.add(value);
        } else if (useCache && signature.presentToPast().containsKey(name)) {
          OnnxTensor old = past.put(signature.presentToPast().get(name), (OnnxTensor) value);
          if (old != null) {
            old.close();
          }
        } else {
          unclaimed.add(value);
        }
      }
    } finally {
      unclaimed.forEach(OnnxValue::close);
    }
    if (logits == null) {
      throw new IllegalStateException(signature.file() + " returned no logits");
    }
    return logits;
  }

  private float[][] lastPosition(OnnxTensor tensor, int fed) {
    long[] shape = tensor.getInfo().getShape();
    int vocab = (int) shape[shape.length - 1];
    int positions = shape.length == 3 ? (int) shape[1] : 1;
    if (shape[0] != rows || (shape.length == 3 && positions != fed)) {
      throw new IllegalStateException(
          "logits of shape " + java.util.Arrays.toString(shape) + " for " + rows + " rows");
    }
    FloatBuffer data = tensor.getFloatBuffer();
    float[][] out = new float[rows][vocab];
    for (int r = 0; r < rows; r++) {
      data.get((r * positions + positions - 1) * vocab, out[r]);
    }
    return out;
  }

  /**
   * Moves the encoder states and the cache to the rows the search continues. On the first step
   * {@code parents} index the encoded batch; later, the previous step's rows.
   */
  private void reorder(int[] parents, boolean needsStates) throws OrtException {
    boolean identity = parents.length == rows;
    for (int i = 0; identity && i < parents.length; i++) {
      identity = parents[i] == i;
    }
    if (identity) {
      return;
    }
    if (needsStates) {
      OnnxTensor gathered = Tensors.gatherRows(env, states, parents);
      releaseStates();
      states = gathered;
      ownsStates = true;
    } else {
      releaseStates();
      states = null;
    }
    for (Map.Entry<String, OnnxTensor> entry : past.entrySet()) {
      OnnxTensor gathered = Tensors.gatherRows(env, entry.getValue(), parents);
      entry.getValue().close();
      entry.setValue(gathered);
    }
    rows = parents.length;
  }

  private void releaseStates() {
    if (ownsStates && states != null) {
      states.close();
    }
    ownsStates = false;
  }

  @Override
  public void close() {
    releaseStates();
    states = null;
    past.values().forEach(OnnxTensor::close);
    past.clear();
  }
}
