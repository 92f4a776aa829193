/**
 * Model format converters: {@link io.streamsight.models.convert.TfjsGraphConverter} turns
 * TensorFlow.js graph models into ONNX (layout policy and supported ops in its Javadoc).
 */
package io.streamsight.models.convert;
