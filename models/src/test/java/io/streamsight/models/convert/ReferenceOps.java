package io.streamsight.models.convert;

import java.util.Arrays;
import java.util.Random;

/**
 * Plain-Java TensorFlow semantics for the converted ops, written from TF's definitions (NHWC, HWIO
 * filters, SAME padding with the odd pixel at the end, ResizeBilinear's sampling), to check the
 * converted graphs against in ONNX Runtime.
 */
final class ReferenceOps {
  private ReferenceOps() {}

  /** A dense row-major float tensor. */
  static final class Nd {
    final int[] shape;
    final float[] data;

    Nd(int[] shape, float[] data) {
      if (ConstTensor.count(shape) != data.length) {
        throw new IllegalArgumentException(Arrays.toString(shape) + " vs " + data.length);
      }
      this.shape = shape;
      this.data = data;
    }

    static Nd random(Random random, int... shape) {
      float[] data = new float[ConstTensor.count(shape)];
      for (int i = 0; i < data.length; i++) {
        data[i] = (float) random.nextGaussian();
      }
      return new Nd(shape, data);
    }

    long[] longShape() {
      return Arrays.stream(shape).asLongStream().toArray();
    }

    float at(int... index) {
      return data[offset(index)];
    }

    int offset(int... index) {
      int[] strides = ConstTensor.strides(shape);
      int o = 0;
      for (int i = 0; i < index.length; i++) {
        o += index[i] * strides[i];
      }
      return o;
    }
  }

  /** Before-padding and output size of TF SAME/VALID along one axis. */
  static int[] samePadding(int in, int k, int stride, int dilation) {
    int effective = (k - 1) * dilation + 1;
    int out = (in + stride - 1) / stride;
    int total = Math.max((out - 1) * stride + effective - in, 0);
    return new int[] {total / 2, out};
  }

  /**
   * Conv2D (groups = 1) or depthwise (filter [kh, kw, C, M]) on NHWC with pads {top, left} and the
   * given output size.
   */
  static Nd conv(
      Nd x,
      Nd filter,
      boolean depthwise,
      int[] stride,
      int[] dilation,
      int[] padBefore,
      int outH,
      int outW) {
    int n = x.shape[0];
    int h = x.shape[1];
    int w = x.shape[2];
    int c = x.shape[3];
    int kh = filter.shape[0];
    int kw = filter.shape[1];
    int outC = depthwise ? c * filter.shape[3] : filter.shape[3];
    float[] out = new float[n * outH * outW * outC];
    int i = 0;
    for (int b = 0; b < n; b++) {
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          for (int oc = 0; oc < outC; oc++) {
            double sum = 0;
            for (int ky = 0; ky < kh; ky++) {
              int iy = oy * stride[0] - padBefore[0] + ky * dilation[0];
              if (iy < 0 || iy >= h) {
                continue;
              }
              for (int kx = 0; kx < kw; kx++) {
                int ix = ox * stride[1] - padBefore[1] + kx * dilation[1];
                if (ix < 0 || ix >= w) {
                  continue;
                }
                if (depthwise) {
                  int m = filter.shape[3];
                  int ic = oc / m;
                  sum += x.at(b, iy, ix, ic) * filter.at(ky, kx, ic, oc % m);
                } else {
                  for (int ic = 0; ic < c; ic++) {
                    sum += x.at(b, iy, ix, ic) * filter.at(ky, kx, ic, oc);
                  }
                }
              }
            }
            out[i++] = (float) sum;
          }
        }
      }
    }
    return new Nd(new int[] {n, outH, outW, outC}, out);
  }

  /** TF MaxPool on NHWC; padded cells never win. */
  static Nd maxPool(Nd x, int[] k, int[] stride, int[] padBefore, int outH, int outW) {
    int n = x.shape[0];
    int h = x.shape[1];
    int w = x.shape[2];
    int c = x.shape[3];
    float[] out = new float[n * outH * outW * c];
    int i = 0;
    for (int b = 0; b < n; b++) {
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          for (int ch = 0; ch < c; ch++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int ky = 0; ky < k[0]; ky++) {
              for (int kx = 0; kx < k[1]; kx++) {
                int iy = oy * stride[0] - padBefore[0] + ky;
                int ix = ox * stride[1] - padBefore[1] + kx;
                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                  max = Math.max(max, x.at(b, iy, ix, ch));
                }
              }
            }
            out[i++] = max;
          }
        }
      }
    }
    return new Nd(new int[] {n, outH, outW, c}, out);
  }

  /** Adds a per-last-axis bias (BiasAdd) or any tensor broadcastable NumPy-style. */
  static Nd add(Nd a, Nd b) {
    int rank = Math.max(a.shape.length, b.shape.length);
    int[] sa = expand(a.shape, rank);
    int[] sb = expand(b.shape, rank);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      out[i] = Math.max(sa[i], sb[i]);
    }
    float[] data = new float[ConstTensor.count(out)];
    Nd ea = new Nd(sa, a.data);
    Nd eb = new Nd(sb, b.data);
    int[] index = new int[rank];
    for (int i = 0; i < data.length; i++) {
      int[] ia = new int[rank];
      int[] ib = new int[rank];
      for (int d = 0; d < rank; d++) {
        ia[d] = sa[d] == 1 ? 0 : index[d];
        ib[d] = sb[d] == 1 ? 0 : index[d];
      }
      data[i] = ea.at(ia) + eb.at(ib);
      increment(index, out);
    }
    return new Nd(out, data);
  }

  static Nd map(Nd x, java.util.function.DoubleUnaryOperator f) {
    float[] out = new float[x.data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) f.applyAsDouble(x.data[i]);
    }
    return new Nd(x.shape, out);
  }

  static double relu6(double v) {
    return Math.min(Math.max(v, 0), 6);
  }

  static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  static java.util.function.DoubleUnaryOperator leaky(double alpha) {
    return v -> v < 0 ? alpha * v : v;
  }

  /** TF Pad/PadV2: paddings[axis] = {before, after}. */
  static Nd pad(Nd x, int[][] paddings, float value) {
    int rank = x.shape.length;
    int[] out = new int[rank];
    for (int d = 0; d < rank; d++) {
      out[d] = x.shape[d] + paddings[d][0] + paddings[d][1];
    }
    float[] data = new float[ConstTensor.count(out)];
    int[] index = new int[rank];
    for (int i = 0; i < data.length; i++) {
      int[] src = new int[rank];
      boolean inside = true;
      for (int d = 0; d < rank; d++) {
        src[d] = index[d] - paddings[d][0];
        inside &= src[d] >= 0 && src[d] < x.shape[d];
      }
      data[i] = inside ? x.at(src) : value;
      increment(index, out);
    }
    return new Nd(out, data);
  }

  static Nd transpose(Nd x, int[] perm) {
    int rank = perm.length;
    int[] out = new int[rank];
    for (int d = 0; d < rank; d++) {
      out[d] = x.shape[perm[d]];
    }
    float[] data = new float[x.data.length];
    int[] index = new int[rank];
    for (int i = 0; i < data.length; i++) {
      int[] src = new int[rank];
      for (int d = 0; d < rank; d++) {
        src[perm[d]] = index[d];
      }
      data[i] = x.at(src);
      increment(index, out);
    }
    return new Nd(out, data);
  }

  static Nd concat(int axis, Nd... parts) {
    int[] out = parts[0].shape.clone();
    out[axis] = 0;
    for (Nd p : parts) {
      out[axis] += p.shape[axis];
    }
    float[] data = new float[ConstTensor.count(out)];
    int[] index = new int[out.length];
    for (int i = 0; i < data.length; i++) {
      int at = index[axis];
      for (Nd p : parts) {
        if (at < p.shape[axis]) {
          int[] src = index.clone();
          src[axis] = at;
          data[i] = p.at(src);
          break;
        }
        at -= p.shape[axis];
      }
      increment(index, out);
    }
    return new Nd(out, data);
  }

  static Nd[] split(Nd x, int axis, int... sizes) {
    Nd[] parts = new Nd[sizes.length];
    int start = 0;
    for (int p = 0; p < sizes.length; p++) {
      int[] shape = x.shape.clone();
      shape[axis] = sizes[p];
      float[] data = new float[ConstTensor.count(shape)];
      int[] index = new int[shape.length];
      for (int i = 0; i < data.length; i++) {
        int[] src = index.clone();
        src[axis] += start;
        data[i] = x.at(src);
        increment(index, shape);
      }
      parts[p] = new Nd(shape, data);
      start += sizes[p];
    }
    return parts;
  }

  /**
   * TF ResizeBilinear on NHWC, following TF's kernel: source coordinate (with half-pixel centres
   * {@code (o + 0.5) * scale - 0.5}, else {@code o * scale}), lower index clamped at 0, upper index
   * clamped at size - 1, weight = fractional part.
   */
  static Nd resizeBilinear(Nd x, int outH, int outW, boolean alignCorners, boolean halfPixel) {
    int n = x.shape[0];
    int h = x.shape[1];
    int w = x.shape[2];
    int c = x.shape[3];
    double scaleY = scale(h, outH, alignCorners);
    double scaleX = scale(w, outW, alignCorners);
    float[] out = new float[n * outH * outW * c];
    int i = 0;
    for (int b = 0; b < n; b++) {
      for (int oy = 0; oy < outH; oy++) {
        double sy = halfPixel ? (oy + 0.5) * scaleY - 0.5 : oy * scaleY;
        int y0 = (int) Math.max(Math.floor(sy), 0);
        int y1 = (int) Math.min(Math.ceil(sy), h - 1);
        double fy = sy - Math.floor(sy);
        for (int ox = 0; ox < outW; ox++) {
          double sx = halfPixel ? (ox + 0.5) * scaleX - 0.5 : ox * scaleX;
          int x0 = (int) Math.max(Math.floor(sx), 0);
          int x1 = (int) Math.min(Math.ceil(sx), w - 1);
          double fx = sx - Math.floor(sx);
          for (int ch = 0; ch < c; ch++) {
            double top = x.at(b, y0, x0, ch) + (x.at(b, y0, x1, ch) - x.at(b, y0, x0, ch)) * fx;
            double bottom = x.at(b, y1, x0, ch) + (x.at(b, y1, x1, ch) - x.at(b, y1, x0, ch)) * fx;
            out[i++] = (float) (top + (bottom - top) * fy);
          }
        }
      }
    }
    return new Nd(new int[] {n, outH, outW, c}, out);
  }

  private static double scale(int in, int out, boolean alignCorners) {
    return alignCorners && out > 1 ? (in - 1) / (double) (out - 1) : in / (double) out;
  }

  private static int[] expand(int[] shape, int rank) {
    int[] out = new int[rank];
    Arrays.fill(out, 1);
    System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
    return out;
  }

  private static void increment(int[] index, int[] shape) {
    for (int d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) {
        return;
      }
      index[d] = 0;
    }
  }
}
