package io.streamsight.models.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs ONNX bytes in ONNX Runtime with float tensors in and out, for tests. */
public final class OrtSessions {
  private OrtSessions() {}

  /** A float tensor: shape and row-major values (shared, not copied). */
  public static final class FloatTensor {
    private final long[] shape;
    private final float[] data;

    public FloatTensor(long[] shape, float[] data) {
      this.shape = shape;
      this.data = data;
    }

    public static FloatTensor of(float[] data, long... shape) {
      return new FloatTensor(shape, data);
    }

    public long[] shape() {
      return shape;
    }

    public float[] data() {
      return data;
    }
  }

  /** Runs {@code model} on {@code inputs} and returns every output by name, in graph order. */
  public static Map<String, FloatTensor> run(byte[] model, Map<String, FloatTensor> inputs)
      throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(model, options)) {
        return run(env, session, inputs);
      }
    }
  }

  /** Runs an open session. */
  public static Map<String, FloatTensor> run(
      OrtEnvironment env, OrtSession session, Map<String, FloatTensor> inputs) throws OrtException {
    Map<String, OnnxTensor> feed = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, FloatTensor> in : inputs.entrySet()) {
        feed.put(
            in.getKey(),
            OnnxTensor.createTensor(
                env, FloatBuffer.wrap(in.getValue().data()), in.getValue().shape()));
      }
      Map<String, FloatTensor> out = new LinkedHashMap<>();
      try (OrtSession.Result result = session.run(feed)) {
        for (Map.Entry<String, OnnxValue> value : result) {
          OnnxTensor tensor = (OnnxTensor) value.getValue();
          FloatBuffer buffer = tensor.getFloatBuffer();
          float[] data = new float[buffer.remaining()];
          buffer.get(data);
          out.put(value.getKey(), new FloatTensor(tensor.getInfo().getShape(), data));
        }
      }
      return out;
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }
}
