package io.streamsight.processors.tracking;

/**
 * The constant-velocity Kalman filter of SORT, DeepSORT and ByteTrack, on the box state {@code (cx,
 * cy, a, h, vcx, vcy, va, vh)}: centre, aspect ratio {@code w / h}, height and their velocities per
 * frame. Noise scales with the box height (the weights are ByteTrack's), so a near, large person
 * moves more pixels per frame than a far, small one with the same uncertainty.
 *
 * <p>Stateless: the mean (8 values) and covariance (8 × 8, row-major) live in the {@link Track} and
 * are updated in place.
 */
final class BoxKalmanFilter {

  static final int DIM = 8;
  private static final double POSITION_WEIGHT = 1.0 / 20;
  private static final double VELOCITY_WEIGHT = 1.0 / 160;

  private BoxKalmanFilter() {}

  /** A new state from a first measurement {@code (cx, cy, a, h)}: zero velocity, wide variance. */
  static void initiate(double[] z, double[] mean, double[] cov) {
    java.util.Arrays.fill(mean, 0);
    System.arraycopy(z, 0, mean, 0, 4);
    double h = z[3];
    double[] std = {
      2 * POSITION_WEIGHT * h,
      2 * POSITION_WEIGHT * h,
      1e-2,
      2 * POSITION_WEIGHT * h,
      10 * VELOCITY_WEIGHT * h,
      10 * VELOCITY_WEIGHT * h,
      1e-5,
      10 * VELOCITY_WEIGHT * h
    };
    java.util.Arrays.fill(cov, 0);
    for (int i = 0; i < DIM; i++) {
      cov[i * DIM + i] = std[i] * std[i];
    }
  }

  /** One frame ahead: x += v, P = F P Fᵀ + Q. */
  static void predict(double[] mean, double[] cov) {
    double h = mean[3];
    double[] q = {
      POSITION_WEIGHT * h,
      POSITION_WEIGHT * h,
      1e-2,
      POSITION_WEIGHT * h,
      VELOCITY_WEIGHT * h,
      VELOCITY_WEIGHT * h,
      1e-5,
      VELOCITY_WEIGHT * h
    };
    for (int i = 0; i < 4; i++) {
      mean[i] += mean[i + 4];
    }
    // F P Fᵀ with F = [[I, I], [0, I]]: rows then columns i += i + 4.
    double[] fp = cov.clone();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < DIM; j++) {
        fp[i * DIM + j] += cov[(i + 4) * DIM + j];
      }
    }
    for (int i = 0; i < DIM; i++) {
      for (int j = 0; j < 4; j++) {
        cov[i * DIM + j] = fp[i * DIM + j] + fp[i * DIM + j + 4];
      }
      for (int j = 4; j < DIM; j++) {
        cov[i * DIM + j] = fp[i * DIM + j];
      }
    }
    for (int i = 0; i < DIM; i++) {
      cov[i * DIM + i] += q[i] * q[i];
    }
  }

  /** Corrects the state with a measurement {@code (cx, cy, a, h)}. */
  static void update(double[] mean, double[] cov, double[] z) {
    double h = mean[3];
    double[] r = {POSITION_WEIGHT * h, POSITION_WEIGHT * h, 1e-1, POSITION_WEIGHT * h};
    // S = H P Hᵀ + R: the top-left 4 × 4 block of P.
    double[] s = new double[16];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        s[i * 4 + j] = cov[i * DIM + j];
      }
      s[i * 4 + i] += r[i] * r[i];
    }
    double[] sInv = invert4(s);
    // K = P Hᵀ S⁻¹: (8 × 4).
    double[] k = new double[DIM * 4];
    for (int i = 0; i < DIM; i++) {
      for (int j = 0; j < 4; j++) {
        double sum = 0;
        for (int m = 0; m < 4; m++) {
          sum += cov[i * DIM + m] * sInv[m * 4 + j];
        }
        k[i * 4 + j] = sum;
      }
    }
    double[] innovation = new double[4];
    for (int i = 0; i < 4; i++) {
      innovation[i] = z[i] - mean[i];
    }
    for (int i = 0; i < DIM; i++) {
      double sum = 0;
      for (int j = 0; j < 4; j++) {
        sum += k[i * 4 + j] * innovation[j];
      }
      mean[i] += sum;
    }
    // P -= K H P (= K S Kᵀ): H P is the first four rows of P.
    double[] khp = new double[DIM * DIM];
    for (int i = 0; i < DIM; i++) {
      for (int j = 0; j < DIM; j++) {
        double sum = 0;
        for (int m = 0; m < 4; m++) {
          sum += k[i * 4 + m] * cov[m * DIM + j];
        }
        khp[i * DIM + j] = sum;
      }
    }
    for (int i = 0; i < DIM * DIM; i++) {
      cov[i] -= khp[i];
    }
  }

  /** Inverse of a symmetric positive-definite 4 × 4 matrix by Gauss-Jordan elimination. */
  static double[] invert4(double[] m) {
    int n = 4;
    double[] a = m.clone();
    double[] inv = new double[16];
    for (int i = 0; i < n; i++) {
      inv[i * n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(a[row * n + col]) > Math.abs(a[pivot * n + col])) {
          pivot = row;
        }
      }
      if (pivot != col) {
        swapRows(a, pivot, col, n);
        swapRows(inv, pivot, col, n);
      }
      double d = a[col * n + col];
      if (Math.abs(d) < 1e-12) {
        throw new IllegalStateException("singular innovation covariance");
      }
      for (int j = 0; j < n; j++) {
        a[col * n + j] /= d;
        inv[col * n + j] /= d;
      }
      for (int row = 0; row < n; row++) {
        if (row != col) {
          double f = a[row * n + col];
          for (int j = 0; j < n; j++) {
            a[row * n + j] -= f * a[col * n + j];
            inv[row * n + j] -= f * inv[col * n + j];
          }
        }
      }
    }
    return inv;
  }

  private static void swapRows(double[] a, int r1, int r2, int n) {
    for (int j = 0; j < n; j++) {
      double t = a[r1 * n + j];
      a[r1 * n + j] = a[r2 * n + j];
      a[r2 * n + j] = t;
    }
  }
}
