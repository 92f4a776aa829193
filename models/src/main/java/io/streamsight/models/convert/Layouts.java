package io.streamsight.models.convert;

import java.util.Arrays;

/**
 * Axis permutations in ONNX {@code Transpose} convention: applying {@code perm} to {@code x} gives
 * a tensor whose axis {@code i} is axis {@code perm[i]} of {@code x}.
 *
 * <p>The converter pairs every TF tensor {@code T} with an ONNX tensor {@code O} and a permutation
 * {@code p} such that {@code T = Transpose(O, p)}. TF's NHWC tensors held as NCHW have {@code p =}
 * {@link #NHWC_AS_NCHW}.
 */
final class Layouts {
  /** TF axes (N, H, W, C) of a tensor held in ONNX as (N, C, H, W). */
  static final int[] NHWC_AS_NCHW = {0, 2, 3, 1};

  private Layouts() {}

  static int[] identity(int rank) {
    int[] perm = new int[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = i;
    }
    return perm;
  }

  static boolean isIdentity(int[] perm) {
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] != i) {
        return false;
      }
    }
    return true;
  }

  static int[] inverse(int[] perm) {
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inv[perm[i]] = i;
    }
    return inv;
  }

  /** Transposing by {@code first} and then by {@code then} equals transposing by the result. */
  static int[] andThen(int[] first, int[] then) {
    int[] out = new int[then.length];
    for (int i = 0; i < then.length; i++) {
      out[i] = first[then[i]];
    }
    return out;
  }

  /** Checks that {@code perm} is a permutation of {@code 0..rank-1}. */
  static int[] checked(int[] perm, int rank, String where) throws ConversionException {
    int[] sorted = perm.clone();
    Arrays.sort(sorted);
    if (perm.length != rank || !Arrays.equals(sorted, identity(rank))) {
      throw new ConversionException(
          "bad permutation " + Arrays.toString(perm) + " for rank " + rank + " in " + where);
    }
    return perm;
  }

  /** A short name for a permutation, for generated value names: {@code [0,2,3,1]} → "0231". */
  static String name(int[] perm) {
    StringBuilder s = new StringBuilder();
    for (int p : perm) {
      s.append(p);
    }
    return s.toString();
  }
}
