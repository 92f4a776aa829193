package io.streamsight.processors.inference;

import ai.djl.inference.Predictor;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A model processor the way production ones are written: micro-batches of feature vectors through
 * the tiny linear ONNX model, one predictor per processor instance (opened in {@code init}, closed
 * in {@code close}), the buffer store declared by the supplier.
 */
public final class LinearBatcher extends MicroBatchProcessor<String, float[], float[]> {

  private final ModelReplicas<List<float[]>, List<float[]>> model;
  private Predictor<List<float[]>, List<float[]>> predictor;

  private LinearBatcher(
      String storeName, BatchSettings settings, ModelReplicas<List<float[]>, List<float[]>> model) {
    super(storeName, settings, Serdes.String(), new FloatArraySerde());
    this.model = model;
  }

  /** A supplier that returns a new processor per task and declares its buffer store. */
  public static ProcessorSupplier<String, float[], String, float[]> supplier(
      String storeName, BatchSettings settings, ModelReplicas<List<float[]>, List<float[]>> model) {
    return new ProcessorSupplier<>() {
      @Override
      public LinearBatcher get() {
        return new LinearBatcher(storeName, settings, model);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(MicroBatchProcessor.bufferStore(storeName));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, float[]> context) {
    super.init(context);
    predictor = model.newPredictor();
  }

  @Override
  protected List<float[]> inferBatch(List<float[]> values) throws Exception {
    return predictor.predict(values);
  }

  @Override
  public void close() {
    if (predictor != null) {
      predictor.close();
      predictor = null;
    }
  }
}
