package io.streamsight.processors.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A band-limited sample-rate converter: a polyphase windowed-sinc FIR filter (Kaiser window), the
 * method of libsamplerate's and resampy's sinc converters.
 *
 * <p>Output sample {@code n} sits at input time {@code t = n * inRate / outRate}; it is the sum of
 * the input samples around {@code t} weighted by a low-pass impulse response {@code h(t - k)}. The
 * cut-off is {@value #CUTOFF} of the lower of the two Nyquist frequencies, so downsampling removes
 * everything the new rate cannot represent before it could alias (44.1 kHz → 16 kHz: pass band to
 * about 6.5 kHz, at least {@value #STOP_BAND_DB} dB down from 7.9 kHz), and upsampling removes the
 * spectral images. The response is {@value #ZERO_CROSSINGS} zero crossings of the sinc on each
 * side, shaped by a Kaiser window with beta {@value #KAISER_BETA}; each phase of the filter is
 * normalised to unit gain at DC.
 *
 * <p>For a rational ratio {@code L/M} (after dividing by the greatest common divisor) the filter is
 * tabulated at the {@code L} fractional positions the output can take; for awkward rates (44,099
 * Hz) with more positions than {@value #MAX_PHASES}, or than fit in a table of {@value #MAX_TABLE}
 * coefficients, the nearest tabulated position is used: a timing error of at most 1/128 of an input
 * sample, and well below 1/1000 for common rates.
 *
 * <p>Samples before the start and after the end count as silence. Immutable and thread-safe; {@link
 * #of} caches one converter per pair of rates.
 */
public final class Resampler {

  /** The rate speech models take. */
  public static final int SPEECH_RATE = 16_000;

  /** Cut-off as a fraction of the lower Nyquist frequency. */
  static final double CUTOFF = 0.9;

  /** Half the filter length, in zero crossings of the sinc at the cut-off. */
  static final int ZERO_CROSSINGS = 32;

  /** Kaiser window shape: about 90 dB of stop-band attenuation. */
  static final double KAISER_BETA = 9.0;

  /** The attenuation the documentation promises at and above the lower Nyquist frequency. */
  static final int STOP_BAND_DB = 70;

  static final int MAX_PHASES = 4096;

  /** Most coefficients tabulated for one pair of rates (16 MB of floats). */
  static final int MAX_TABLE = 4 << 20;

  private static final Map<Long, Resampler> CACHE = new ConcurrentHashMap<>();

  private final int inRate;
  private final int outRate;
  private final long up;
  private final long down;
  private final int phases;
  private final int halfTaps;
  private final float[][] table;

  private Resampler(int inRate, int outRate) {
    if (inRate < 1 || outRate < 1) {
      throw new IllegalArgumentException("rates must be positive: " + inRate + " → " + outRate);
    }
    this.inRate = inRate;
    this.outRate = outRate;
    long g = gcd(inRate, outRate);
    this.up = outRate / g;
    this.down = inRate / g;
    // Cut-off in cycles per input sample.
    double cutoff = CUTOFF * 0.5 * Math.min(inRate, outRate) / inRate;
    double halfSpan = ZERO_CROSSINGS / (2 * cutoff);
    this.halfTaps = (int) Math.ceil(halfSpan);
    int affordable = Math.max(64, MAX_TABLE / (2 * halfTaps));
    this.phases = (int) Math.min(up, Math.min(MAX_PHASES, affordable));
    this.table = new float[phases][2 * halfTaps];
    double windowNorm = bessel0(KAISER_BETA);
    for (int p = 0; p < phases; p++) {
      double phi = p / (double) phases;
      double sum = 0;
      double[] taps = new double[2 * halfTaps];
      for (int j = 0; j < taps.length; j++) {
        double tau = phi + halfTaps - 1 - j;
        double r = tau / halfSpan;
        if (Math.abs(r) >= 1) {
          continue;
        }
        double x = 2 * cutoff * tau;
        double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        double window = bessel0(KAISER_BETA * Math.sqrt(1 - r * r)) / windowNorm;
        taps[j] = 2 * cutoff * sinc * window;
        sum += taps[j];
      }
      for (int j = 0; j < taps.length; j++) {
        table[p][j] = (float) (taps[j] / sum);
      }
    }
  }

  /** The converter from {@code inRate} to {@code outRate} (cached). */
  public static Resampler of(int inRate, int outRate) {
    return CACHE.computeIfAbsent(
        (long) inRate << 32 | outRate, key -> new Resampler(inRate, outRate));
  }

  /** {@code audio} at {@link #SPEECH_RATE}, mono; the same object when it already is. */
  public static MonoAudio toSpeechRate(MonoAudio audio) {
    if (audio.sampleRate() == SPEECH_RATE) {
      return audio;
    }
    return new MonoAudio(
        audio.info(), of(audio.sampleRate(), SPEECH_RATE).process(audio.samples()), SPEECH_RATE);
  }

  /** Number of output samples for {@code inputLength} input samples: ceil(in * out / inRate). */
  public long outputLength(long inputLength) {
    return (inputLength * up + down - 1) / down;
  }

  /** Converts a whole signal; the input is not modified. */
  public float[] process(float[] in) {
    if (inRate == outRate) {
      return in.clone();
    }
    int n = Math.toIntExact(outputLength(in.length));
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      // Input time of output i: i * down / up = whole + p / up.
      long position = i * down;
      long whole = position / up;
      long rest = position % up;
      int phase;
      if (phases == up) {
        phase = (int) rest;
      } else {
        phase = (int) Math.round(rest * (double) phases / up);
        if (phase == phases) {
          phase = 0;
          whole++;
        }
      }
      float[] h = table[phase];
      long first = whole - halfTaps + 1;
      int from = (int) Math.max(0, -first);
      int to = (int) Math.min(h.length, in.length - first);
      double acc = 0;
      for (int j = from; j < to; j++) {
        acc += in[(int) (first + j)] * h[j];
      }
      out[i] = (float) acc;
    }
    return out;
  }

  public int inRate() {
    return inRate;
  }

  public int outRate() {
    return outRate;
  }

  /** Taps of the filter (its length in input samples). */
  public int taps() {
    return 2 * halfTaps;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** The zeroth-order modified Bessel function of the first kind (power series). */
  static double bessel0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 200; k++) {
      term *= q / ((double) k * k);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return sum;
  }
}
