package io.streamsight.processors.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The resampler's frequency response, measured with pure tones: what the new rate can carry passes
 * at (almost) unit gain, what it cannot is removed before it aliases, and upsampling adds no
 * images.
 */
class ResamplerTest {

  private static float[] tone(double hz, int rate, double seconds) {
    float[] out = new float[(int) Math.round(seconds * rate)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return out;
  }

  /** RMS of the middle half (away from the edges, where the signal starts and stops). */
  private static double rms(float[] x) {
    double sum = 0;
    int from = x.length / 4;
    int to = 3 * x.length / 4;
    for (int i = from; i < to; i++) {
      sum += (double) x[i] * x[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  /** Gain in dB of a tone through the converter. */
  private static double gainDb(int inRate, int outRate, double hz) {
    float[] in = tone(hz, inRate, 1.0);
    float[] out = Resampler.of(inRate, outRate).process(in);
    return 20 * Math.log10(rms(out) / rms(in));
  }

  /** Magnitude of one frequency in a signal (a single DFT bin, Hann-windowed), in dB re 0.5. */
  private static double levelDb(float[] x, int rate, double hz) {
    double re = 0;
    double im = 0;
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (x.length - 1));
      re += w * x[i] * Math.cos(2 * Math.PI * hz * i / rate);
      im -= w * x[i] * Math.sin(2 * Math.PI * hz * i / rate);
      norm += w;
    }
    return 20 * Math.log10(2 * Math.hypot(re, im) / norm / 0.5);
  }

  @Test
  void shouldPassSpeechBandTonesWhenDownsampling() {
    for (int rate : new int[] {22050, 44100, 48000, 96000}) {
      for (double hz : new double[] {100, 1000, 3000, 6000}) {
        assertThat(gainDb(rate, 16000, hz))
            .as("%d Hz at %d Hz", (int) hz, rate)
            .isCloseTo(0, within(0.1));
      }
    }
  }

  @Test
  void shouldRemoveTonesAboveTheNewNyquistBeforeTheyAlias() {
    for (int rate : new int[] {22050, 44100, 48000, 96000}) {
      for (double hz : new double[] {8000, 9000, 10000, 10500}) {
        // What the output holds of the tone: its alias at 16000 - hz, or (8 kHz) the tone itself.
        float[] out = Resampler.of(rate, 16000).process(tone(hz, rate, 1.0));
        double alias = Math.abs(16000 - hz);
        assertThat(levelDb(out, 16000, alias))
            .as("%d Hz at %d Hz", (int) hz, rate)
            .isLessThan(-Resampler.STOP_BAND_DB);
        assertThat(gainDb(rate, 16000, hz)).isLessThan(-Resampler.STOP_BAND_DB);
      }
    }
  }

  @Test
  void shouldDiscardWhatSampleDroppingWouldAlias() {
    // A 9 kHz tone at 48 kHz, taking every third sample, reads as a loud 7 kHz tone.
    float[] in = tone(9000, 48000, 1.0);
    float[] dropped = new float[in.length / 3];
    for (int i = 0; i < dropped.length; i++) {
      dropped[i] = in[3 * i];
    }
    assertThat(levelDb(dropped, 16000, 7000)).isGreaterThan(-1);
    assertThat(levelDb(Resampler.of(48000, 16000).process(in), 16000, 7000))
        .isLessThan(-Resampler.STOP_BAND_DB);
  }

  @Test
  void shouldUpsampleWithoutImages() {
    for (int rate : new int[] {8000, 11025}) {
      double hz = 1000;
      float[] out = Resampler.of(rate, 16000).process(tone(hz, rate, 1.0));
      assertThat(gainDb(rate, 16000, hz)).isCloseTo(0, within(0.1));
      // The image of the tone mirrored at the old Nyquist frequency.
      assertThat(levelDb(out, 16000, rate - hz)).isLessThan(-Resampler.STOP_BAND_DB);
    }
  }

  @Test
  void shouldKeepDurationAndLeaveSpeechRateAlone() {
    assertThat(Resampler.of(44100, 16000).process(new float[44100])).hasSize(16000);
    assertThat(Resampler.of(8000, 16000).process(new float[8001])).hasSize(16002);
    assertThat(Resampler.of(44099, 16000).outputLength(44099)).isEqualTo(16000);
    float[] x = tone(440, 16000, 0.1);
    assertThat(Resampler.of(16000, 16000).process(x)).containsExactly(x);
  }

  @Test
  void shouldHandleAwkwardRatesWithBoundedTables() {
    // 44,099 Hz: 16000/44099 does not reduce; positions are quantised, the response is not.
    assertThat(gainDb(44099, 16000, 1000)).isCloseTo(0, within(0.1));
    assertThat(gainDb(44099, 16000, 9000)).isLessThan(-Resampler.STOP_BAND_DB);
    assertThat(gainDb(767_999, 16000, 1000)).isCloseTo(0, within(0.1));
  }
}
