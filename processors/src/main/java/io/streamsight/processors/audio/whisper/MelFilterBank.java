package io.streamsight.processors.audio.whisper;

/**
 * Triangular mel filters on the Slaney mel scale with Slaney ("area") normalisation, built as
 * {@code transformers.audio_utils.mel_filter_bank(..., norm="slaney", mel_scale="slaney")} and
 * {@code librosa.filters.mel} build them: band edges evenly spaced in mel between the minimum and
 * maximum frequency, each triangle rising from one edge to the next, its height {@code 2 / (upper -
 * lower edge in Hz)} so every filter has unit area.
 *
 * <p>Stored sparsely: each filter's first non-zero frequency bin and its weights.
 */
final class MelFilterBank {

  private static final double MIN_LOG_HZ = 1000.0;
  private static final double MIN_LOG_MEL = 15.0;
  private static final double LOG_STEP = 27.0 / Math.log(6.4);

  private final int bins;
  private final int[] first;
  private final double[][] weights;

  private MelFilterBank(int bins, int[] first, double[][] weights) {
    this.bins = bins;
    this.first = first;
    this.weights = weights;
  }

  /**
   * @param frequencyBins {@code n_fft / 2 + 1}
   * @param filters number of mel filters
   * @param minHz lowest frequency
   * @param maxHz highest frequency
   * @param sampleRate sampling rate in Hz
   */
  static MelFilterBank slaney(
      int frequencyBins, int filters, double minHz, double maxHz, int sampleRate) {
    double minMel = hzToMel(minHz);
    double maxMel = hzToMel(maxHz);
    double[] edges = new double[filters + 2];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = melToHz(minMel + (maxMel - minMel) * i / (filters + 1));
    }
    double[] fftHz = new double[frequencyBins];
    for (int f = 0; f < frequencyBins; f++) {
      fftHz[f] = (double) Math.floorDiv(sampleRate, 2) * f / (frequencyBins - 1);
    }
    int[] first = new int[filters];
    double[][] weights = new double[filters][];
    for (int m = 0; m < filters; m++) {
      double lower = edges[m];
      double centre = edges[m + 1];
      double upper = edges[m + 2];
      double norm = 2.0 / (upper - lower);
      double[] dense = new double[frequencyBins];
      int lo = -1;
      int hi = -1;
      for (int f = 0; f < frequencyBins; f++) {
        double down = (fftHz[f] - lower) / (centre - lower);
        double up = (upper - fftHz[f]) / (upper - centre);
        double w = Math.max(0.0, Math.min(down, up)) * norm;
        dense[f] = w;
        if (w > 0) {
          lo = lo < 0 ? f : lo;
          hi = f;
        }
      }
      first[m] = Math.max(lo, 0);
      weights[m] = lo < 0 ? new double[0] : java.util.Arrays.copyOfRange(dense, lo, hi + 1);
    }
    return new MelFilterBank(frequencyBins, first, weights);
  }

  /** Slaney's mel scale: linear below 1 kHz, logarithmic above. */
  static double hzToMel(double hz) {
    double mel = 3.0 * hz / 200.0;
    return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) * LOG_STEP : mel;
  }

  static double melToHz(double mel) {
    double hz = 200.0 * mel / 3.0;
    return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp((mel - MIN_LOG_MEL) / LOG_STEP) : hz;
  }

  int filters() {
    return weights.length;
  }

  int frequencyBins() {
    return bins;
  }

  /** Filter {@code m}'s weight for frequency bin {@code f}. */
  double weight(int m, int f) {
    int i = f - first[m];
    return i >= 0 && i < weights[m].length ? weights[m][i] : 0.0;
  }

  /** Filter {@code m} applied to a power spectrum. */
  double apply(int m, double[] power) {
    double sum = 0;
    double[] w = weights[m];
    int from = first[m];
    for (int i = 0; i < w.length; i++) {
      sum += w[i] * power[from + i];
    }
    return sum;
  }
}
