/**
 * Writes ONNX models from Java: {@link io.streamsight.models.onnx.OnnxGraph} builds a graph, {@link
 * io.streamsight.models.onnx.OnnxModel} serialises it deterministically. The wire format comes from
 * our own subset of the ONNX schema ({@code src/main/proto/onnx.proto}).
 */
package io.streamsight.models.onnx;
