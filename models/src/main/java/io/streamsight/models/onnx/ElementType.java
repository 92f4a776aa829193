package io.streamsight.models.onnx;

import io.streamsight.models.onnx.proto.TensorProto;

/** The ONNX tensor element types the writer supports, with their size in bytes. */
public enum ElementType {
  FLOAT(TensorProto.DataType.FLOAT, 4),
  UINT8(TensorProto.DataType.UINT8, 1),
  INT8(TensorProto.DataType.INT8, 1),
  INT32(TensorProto.DataType.INT32, 4),
  INT64(TensorProto.DataType.INT64, 8),
  BOOL(TensorProto.DataType.BOOL, 1),
  FLOAT16(TensorProto.DataType.FLOAT16, 2),
  DOUBLE(TensorProto.DataType.DOUBLE, 8);

  private final TensorProto.DataType dataType;
  private final int byteSize;

  ElementType(TensorProto.DataType dataType, int byteSize) {
    this.dataType = dataType;
    this.byteSize = byteSize;
  }

  /** The {@code TensorProto.DataType} number ONNX uses for this type. */
  public int onnxCode() {
    return dataType.getNumber();
  }

  /** Bytes per element in {@code raw_data} (little-endian). */
  public int byteSize() {
    return byteSize;
  }
}
