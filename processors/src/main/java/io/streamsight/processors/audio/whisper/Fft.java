package io.streamsight.processors.audio.whisper;

/**
 * A complex FFT of any fixed length, mixed radix (Cooley-Tukey over the length's prime factors,
 * each butterfly a direct DFT of its radix), so Whisper's 400-point frames (2⁴·5²) cost about 14
 * operations per point instead of the 400 of a direct DFT. Twiddles are precomputed in double
 * precision. Instances are immutable and thread-safe; {@link #transform} allocates its scratch.
 */
final class Fft {

  private final int n;
  private final int[] factors;
  private final double[] cos;
  private final double[] sin;

  Fft(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("FFT length must be positive: " + n);
    }
    this.n = n;
    this.factors = factor(n);
    this.cos = new double[n];
    this.sin = new double[n];
    for (int k = 0; k < n; k++) {
      double angle = -2 * Math.PI * k / n;
      cos[k] = Math.cos(angle);
      sin[k] = Math.sin(angle);
    }
  }

  private static int[] factor(int n) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    int rest = n;
    for (int p = 2; (long) p * p <= rest; p++) {
      while (rest % p == 0) {
        out.add(p);
        rest /= p;
      }
    }
    if (rest > 1) {
      out.add(rest);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  int length() {
    return n;
  }

  /**
   * The DFT {@code X[k] = Σ x[j]·e^{-2πi·jk/n}} of {@code (re, im)}, written to {@code (outRe,
   * outIm)}.
   */
  void transform(double[] re, double[] im, double[] outRe, double[] outIm) {
    recurse(re, im, 0, 1, n, outRe, outIm, 0, 0, new double[n], new double[n]);
  }

  private void recurse(
      double[] re,
      double[] im,
      int offset,
      int stride,
      int m,
      double[] outRe,
      double[] outIm,
      int outOffset,
      int level,
      double[] tmpRe,
      double[] tmpIm) {
    if (m == 1) {
      outRe[outOffset] = re[offset];
      outIm[outOffset] = im[offset];
      return;
    }
    int p = factors[level];
    int q = m / p;
    for (int j = 0; j < p; j++) {
      recurse(
          re,
          im,
          offset + j * stride,
          stride * p,
          q,
          outRe,
          outIm,
          outOffset + j * q,
          level + 1,
          tmpRe,
          tmpIm);
    }
    // out[outOffset + j*q + k] holds sub-transform j at k; X[k + r*q] = Σ_j W_m^{j(k+rq)} Y_j[k].
    int twiddleStep = n / m;
    for (int k = 0; k < q; k++) {
      for (int r = 0; r < p; r++) {
        int index = k + r * q;
        double sumRe = 0;
        double sumIm = 0;
        for (int j = 0; j < p; j++) {
          double yRe = outRe[outOffset + j * q + k];
          double yIm = outIm[outOffset + j * q + k];
          int t = (int) ((long) j * index % m) * twiddleStep;
          sumRe += yRe * cos[t] - yIm * sin[t];
          sumIm += yRe * sin[t] + yIm * cos[t];
        }
        tmpRe[outOffset + index] = sumRe;
        tmpIm[outOffset + index] = sumIm;
      }
    }
    System.arraycopy(tmpRe, outOffset, outRe, outOffset, m);
    System.arraycopy(tmpIm, outOffset, outIm, outOffset, m);
  }
}
