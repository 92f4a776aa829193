package io.streamsight.processors.audio.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogMelSpectrogramTest {

  private static final LogMelSpectrogram WHISPER = new LogMelSpectrogram(80, 16000, 160, 400, 30);

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 16, 97, 400, 512})
  void shouldComputeTheSameTransformAsADirectDft(int n) {
    Random random = new Random(n);
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < n; i++) {
      re[i] = random.nextGaussian();
      im[i] = random.nextGaussian();
    }
    double[] outRe = new double[n];
    double[] outIm = new double[n];

    new Fft(n).transform(re, im, outRe, outIm);

    for (int k = 0; k < n; k++) {
      double sumRe = 0;
      double sumIm = 0;
      for (int j = 0; j < n; j++) {
        double angle = -2 * Math.PI * ((long) j * k % n) / n;
        sumRe += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
        sumIm += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
      }
      assertThat(outRe[k]).isCloseTo(sumRe, within(1e-9 * n));
      assertThat(outIm[k]).isCloseTo(sumIm, within(1e-9 * n));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {300, 440, 1000, 2500, 5000})
  void shouldPutAPureTonesEnergyInTheMelBandCentredOnIt(double hz) {
    float[] audio = TinyWhisper.tone(new float[16000], hz, 0.5, 0, 1);

    float[] features = WHISPER.extract(audio, 0, audio.length);

    int frame = 50; // 0.5 s, well inside the tone
    int loudest = 0;
    for (int m = 1; m < 80; m++) {
      if (features[m * 3000 + frame] > features[loudest * 3000 + frame]) {
        loudest = m;
      }
    }
    assertThat(loudest).isEqualTo(TinyWhisper.melBand(hz));
  }

  @Test
  void shouldGiveEachSlaneyFilterUnitArea() {
    MelFilterBank mel = WHISPER.filterBank();
    double binHz = 16000.0 / 400;
    for (int m = 20; m < 80; m++) {
      double area = 0;
      for (int f = 0; f < 201; f++) {
        area += mel.weight(m, f) * binHz;
      }
      // Sampled every 40 Hz, a narrow triangle's sum is only near its area; wide ones are close.
      assertThat(area).as("filter %d", m).isCloseTo(1.0, within(m < 60 ? 0.1 : 0.02));
    }
    assertThat(MelFilterBank.hzToMel(1000)).isEqualTo(15.0);
    assertThat(MelFilterBank.hzToMel(200)).isCloseTo(3.0, within(1e-12));
    assertThat(MelFilterBank.melToHz(MelFilterBank.hzToMel(6400))).isCloseTo(6400, within(1e-9));
    assertThat(MelFilterBank.hzToMel(6400)).isCloseTo(15 + 27, within(1e-9));
  }

  @Test
  void shouldMatchAStraightforwardComputationOfWhispersFeatures() {
    // Silence, then noise and a tone from 0.2 to 0.6 s, then silence: frames at both ends are zero.
    Random random = new Random(7);
    float[] audio = new float[16000];
    for (int i = 3200; i < 9600; i++) {
      audio[i] =
          (float) (0.1 * random.nextGaussian() + 0.3 * Math.sin(2 * Math.PI * 700 * i / 16000));
    }

    float[] fast = WHISPER.extract(audio, 0, audio.length);
    float[] reference = reference(audio);

    assertThat(fast).hasSize(80 * 3000);
    for (int i = 0; i < fast.length; i++) {
      assertThat(fast[i])
          .as("band %d frame %d", i / 3000, i % 3000)
          .isCloseTo(reference[i], within(1e-4f));
    }
  }

  @Test
  void shouldMapSilenceToTheFloorAndKeepEightDecadesBelowTheMaximum() {
    float[] silence = WHISPER.extract(new float[100], 0, 100);
    assertThat(silence).containsOnly(-1.5f);

    float[] tone = WHISPER.extract(TinyWhisper.tone(new float[8000], 1000, 0.9, 0, 0.5), 0, 8000);
    float max = Float.NEGATIVE_INFINITY;
    float min = Float.POSITIVE_INFINITY;
    for (float v : tone) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    // (x + 4) / 4 maps the 8-decade floor to exactly 2 below the maximum.
    assertThat(max - min).isCloseTo(2f, within(1e-5f));
  }

  @Test
  void shouldTakeOnlyTheWindowItIsGivenAndPadTheRest() {
    float[] audio = TinyWhisper.tone(new float[40 * 16000], 1000, 0.5, 0, 40);

    float[] second = WHISPER.extract(audio, 30 * 16000, 10 * 16000);

    int band = TinyWhisper.melBand(1000);
    assertThat(second[band * 3000 + 500]).isGreaterThan(second[band * 3000 + 1500] + 1f);
    assertThat(second[band * 3000 + 1500]).isEqualTo(second[band * 3000 + 2999]);
  }

  /**
   * Whisper's features the slow, obvious way: every frame, a direct DFT of the Hann-windowed
   * reflect-padded signal, a dense mel matrix from the filter formula, then the log and scaling.
   */
  private static float[] reference(float[] audio) {
    int nFft = 400;
    int hop = 160;
    int samples = 480000;
    double[] padded = new double[samples + nFft];
    for (int i = 0; i < samples; i++) {
      padded[200 + i] = i < audio.length ? audio[i] : 0;
    }
    for (int i = 1; i <= 200; i++) {
      padded[200 - i] = padded[200 + i];
      padded[200 + samples - 1 + i] = padded[200 + samples - 1 - i];
    }
    double[][] cos = new double[201][nFft];
    double[][] sin = new double[201][nFft];
    for (int k = 0; k <= 200; k++) {
      for (int j = 0; j < nFft; j++) {
        cos[k][j] = Math.cos(2 * Math.PI * k * j / nFft);
        sin[k][j] = Math.sin(2 * Math.PI * k * j / nFft);
      }
    }
    double[][] filters = denseSlaney();
    double[] logMel = new double[80 * 3000];
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < 3000; t++) {
      double[] power = new double[201];
      for (int k = 0; k <= 200; k++) {
        double re = 0;
        double im = 0;
        for (int j = 0; j < nFft; j++) {
          double x = padded[t * hop + j] * (0.5 - 0.5 * Math.cos(2 * Math.PI * j / nFft));
          re += x * cos[k][j];
          im -= x * sin[k][j];
        }
        power[k] = re * re + im * im;
      }
      for (int m = 0; m < 80; m++) {
        double energy = 0;
        for (int k = 0; k <= 200; k++) {
          energy += filters[m][k] * power[k];
        }
        logMel[m * 3000 + t] = Math.log10(Math.max(energy, 1e-10));
        max = Math.max(max, logMel[m * 3000 + t]);
      }
    }
    float[] out = new float[logMel.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) ((Math.max(logMel[i], max - 8) + 4) / 4);
    }
    return out;
  }

  /** librosa's Slaney filters, written out: edges evenly spaced in mel, area-normalised. */
  private static double[][] denseSlaney() {
    double top = 15 + Math.log(8) * 27 / Math.log(6.4);
    double[] edges = new double[82];
    for (int i = 0; i < 82; i++) {
      double mel = top * i / 81;
      edges[i] = mel < 15 ? mel * 200 / 3 : 1000 * Math.exp((mel - 15) * Math.log(6.4) / 27);
    }
    double[][] filters = new double[80][201];
    for (int m = 0; m < 80; m++) {
      for (int k = 0; k <= 200; k++) {
        double hz = 40.0 * k;
        double rising = (hz - edges[m]) / (edges[m + 1] - edges[m]);
        double falling = (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
        filters[m][k] = Math.max(0, Math.min(rising, falling)) * 2 / (edges[m + 2] - edges[m]);
      }
    }
    return filters;
  }
}
