package io.streamsight.processors.audio.whisper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsight.processors.inference.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whisper's log-mel front end, as {@code transformers}' {@code WhisperFeatureExtractor} computes it
 * from its {@code preprocessor_config.json}: the window's samples zero-padded (or cut) to {@code
 * chunk_length} seconds; a short-time Fourier transform with a periodic Hann window of {@code
 * n_fft} samples every {@code hop_length} samples, centred (the signal reflect-padded by {@code
 * n_fft/2} on both sides), the last frame dropped; the power spectrum through {@code feature_size}
 * Slaney mel filters from 0 Hz to 8 kHz; {@code log10} of it clamped at {@code 1e-10}; every value
 * raised to at least the window's maximum minus 8; then {@code (x + 4) / 4}.
 *
 * <p>Frames that lie wholly in the zero padding are not transformed (their power is exactly 0), so
 * a short clip costs little more than its length. Immutable and thread-safe.
 */
public final class LogMelSpectrogram {

  private final int featureSize;
  private final int sampleRate;
  private final int hop;
  private final int nFft;
  private final int samples;
  private final int frames;
  private final double[] window;
  private final Fft fft;
  private final MelFilterBank mel;

  public LogMelSpectrogram(int featureSize, int sampleRate, int hop, int nFft, int chunkSeconds) {
    if (featureSize < 1 || sampleRate < 1 || hop < 1 || nFft < 2 || chunkSeconds < 1) {
      throw new IllegalArgumentException("invalid feature extractor settings");
    }
    this.featureSize = featureSize;
    this.sampleRate = sampleRate;
    this.hop = hop;
    this.nFft = nFft;
    this.samples = chunkSeconds * sampleRate;
    this.frames = samples / hop;
    this.window = new double[nFft];
    for (int i = 0; i < nFft; i++) {
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / nFft);
    }
    this.fft = new Fft(nFft);
    this.mel = MelFilterBank.slaney(nFft / 2 + 1, featureSize, 0.0, 8000.0, sampleRate);
  }

  /**
   * Reads {@code preprocessor_config.json} of a Whisper export.
   *
   * @throws ModelLoadException naming the file when it is missing or not a Whisper feature
   *     extractor's
   */
  public static LogMelSpectrogram read(Path folder) {
    Path file = folder.resolve("preprocessor_config.json");
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException(
          "model folder " + folder + " has no preprocessor_config.json (the feature extractor)");
    }
    JsonNode config;
    try {
      config = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new ModelLoadException(file + " is not readable JSON", e);
    }
    String type = config.path("feature_extractor_type").asText("WhisperFeatureExtractor");
    if (!type.equals("WhisperFeatureExtractor")) {
      throw new ModelLoadException(
          file + ": feature_extractor_type is " + type + ", not WhisperFeatureExtractor");
    }
    if (config.path("do_normalize").asBoolean(false)) {
      throw new ModelLoadException(file + ": do_normalize=true is not supported");
    }
    try {
      return new LogMelSpectrogram(
          config.path("feature_size").asInt(80),
          config.path("sampling_rate").asInt(16000),
          config.path("hop_length").asInt(160),
          config.path("n_fft").asInt(400),
          config.path("chunk_length").asInt(30));
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(file + ": " + e.getMessage(), e);
    }
  }

  /** Mel bands per frame (80, or 128 for large-v3). */
  int featureSize() {
    return featureSize;
  }

  /** Frames per window (3000). */
  int frames() {
    return frames;
  }

  /** Samples per window (480000). */
  int samples() {
    return samples;
  }

  int sampleRate() {
    return sampleRate;
  }

  MelFilterBank filterBank() {
    return mel;
  }

  /**
   * The features of one window, {@code [featureSize, frames]} row-major (band first), as the model
   * takes them.
   *
   * @param audio mono samples at the sampling rate, nominally in [-1, 1]
   * @param from first sample of the window
   * @param length samples of the window taken from {@code audio} (the rest is zero padding)
   */
  public float[] extract(float[] audio, int from, int length) {
    float[] out = new float[featureSize * frames];
    extract(audio, from, length, out, 0);
    return out;
  }

  /** As {@link #extract(float[], int, int)}, into {@code out} at {@code offset}. */
  void extract(float[] audio, int from, int length, float[] out, int offset) {
    int pad = nFft / 2;
    int taken = Math.max(0, Math.min(Math.min(length, samples), audio.length - from));
    // The padded signal: reflect(pad) + window samples zero-padded to `samples` + reflect(pad).
    double[] signal = new double[samples + 2 * pad];
    for (int i = 0; i < taken; i++) {
      signal[pad + i] = audio[from + i];
    }
    for (int i = 1; i <= pad; i++) {
      signal[pad - i] = signal[pad + i];
      signal[pad + samples - 1 + i] = signal[pad + samples - 1 - i];
    }
    int firstNonZero = -1;
    int lastNonZero = -1;
    for (int i = 0; i < signal.length; i++) {
      if (signal[i] != 0.0) {
        firstNonZero = firstNonZero < 0 ? i : firstNonZero;
        lastNonZero = i;
      }
    }
    double[] logMel = new double[featureSize * frames];
    double silent = Math.log10(1e-10);
    double[] re = new double[nFft];
    double[] im = new double[nFft];
    double[] outRe = new double[nFft];
    double[] outIm = new double[nFft];
    double[] power = new double[nFft / 2 + 1];
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < frames; t++) {
      int start = t * hop;
      boolean zero = firstNonZero < 0 || start + nFft - 1 < firstNonZero || start > lastNonZero;
      if (zero) {
        for (int m = 0; m < featureSize; m++) {
          logMel[m * frames + t] = silent;
        }
        max = Math.max(max, silent);
        continue;
      }
      for (int i = 0; i < nFft; i++) {
        re[i] = signal[start + i] * window[i];
        im[i] = 0;
      }
      fft.transform(re, im, outRe, outIm);
      for (int f = 0; f < power.length; f++) {
        power[f] = outRe[f] * outRe[f] + outIm[f] * outIm[f];
      }
      for (int m = 0; m < featureSize; m++) {
        double value = Math.log10(Math.max(mel.apply(m, power), 1e-10));
        logMel[m * frames + t] = value;
        max = Math.max(max, value);
      }
    }
    double floor = max - 8.0;
    for (int i = 0; i < logMel.length; i++) {
      out[offset + i] = (float) ((Math.max(logMel[i], floor) + 4.0) / 4.0);
    }
  }
}
