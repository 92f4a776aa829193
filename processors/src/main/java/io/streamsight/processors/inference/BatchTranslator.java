package io.streamsight.processors.inference;

import ai.djl.translate.NoBatchifyTranslator;
import java.util.List;

/**
 * A translator that runs a whole micro-batch in one forward pass: {@code processInput} stacks the
 * records' inputs into tensors whose first dimension is the batch, {@code processOutput} splits the
 * outputs back into one result per record, in the same order.
 *
 * <p>The pattern for every model's translator: allocate tensors only from {@code
 * ctx.getNDManager()}, which DJL closes after each prediction (the model's or the predictor's
 * manager lives as long as the model, so tensors allocated there leak native memory on every call);
 * turn outputs into plain Java values before returning; keep no per-call state in fields, since the
 * replicas of a model share one translator across stream threads. Per-model options (labels,
 * thresholds, input size) come through the constructor.
 *
 * @param <V> one record's model input
 * @param <R> one record's result
 */
public interface BatchTranslator<V, R> extends NoBatchifyTranslator<List<V>, List<R>> {}
