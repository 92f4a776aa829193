package io.streamsight.processors.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Decoding every accepted sample layout to mono floats, and refusing what cannot be decoded. */
class AudioDecodeTest {

  private final AudioInspector inspector = new AudioInspector(1 << 24);

  /** Frames of a stereo signal: left = +v, right = v/2, for v in {@code values}. */
  private static byte[] stereoData(int bits, boolean floating, double... values) {
    ByteBuffer out =
        ByteBuffer.allocate(values.length * 2 * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      for (double channel : new double[] {v, v / 2}) {
        if (floating && bits == 32) {
          out.putFloat((float) channel);
        } else if (floating) {
          out.putDouble(channel);
        } else if (bits == 8) {
          out.put((byte) Math.round(channel * 127 + 128));
        } else if (bits == 16) {
          out.putShort((short) Math.round(channel * 32767));
        } else if (bits == 24) {
          int s = (int) Math.round(channel * 8388607);
          out.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
        } else {
          out.putInt((int) Math.round(channel * 2147483647.0));
        }
      }
    }
    return out.array();
  }

  private static final double[] VALUES = {0, 0.5, -0.5, 0.999, -0.999, 0.25};

  /** Left and right mixed: (v + v/2) / 2 = 0.75 v. */
  private static void assertMixed(MonoAudio audio, double tolerance) {
    assertThat(audio.samples()).hasSize(VALUES.length);
    for (int i = 0; i < VALUES.length; i++) {
      assertThat((double) audio.samples()[i]).isCloseTo(0.75 * VALUES[i], within(tolerance));
    }
  }

  @Test
  void shouldMixIntegerPcmOfEverySizeToMono() {
    int[] bits = {8, 16, 24, 32};
    double[] tolerance = {1.0 / 64, 1e-4, 1e-6, 1e-8};
    for (int i = 0; i < bits.length; i++) {
      byte[] wav =
          TestWavs.riff(
              TestWavs.chunk("fmt ", TestWavs.fmt(TestWavs.PCM, 2, 22050, bits[i])),
              TestWavs.chunk("data", stereoData(bits[i], false, VALUES)));
      MonoAudio audio = inspector.decodeMono(wav, "wav", null, null);
      assertThat(audio.sampleRate()).isEqualTo(22050);
      assertThat(audio.info().getChannels()).isEqualTo(2);
      assertMixed(audio, tolerance[i]);
    }
  }

  @Test
  void shouldDecodeFloatAndExtensibleLayouts() {
    for (int bits : new int[] {32, 64}) {
      byte[] plain =
          TestWavs.riff(
              TestWavs.chunk("fmt ", TestWavs.fmt(TestWavs.IEEE_FLOAT, 2, 48000, bits)),
              TestWavs.chunk("data", stereoData(bits, true, VALUES)));
      assertMixed(inspector.decodeMono(plain, "wav", null, null), 1e-6);
      byte[] extensible =
          TestWavs.riff(
              TestWavs.chunk(
                  "fmt ", TestWavs.fmtExtensible(2, 48000, bits, bits, TestWavs.IEEE_FLOAT)),
              TestWavs.chunk("data", stereoData(bits, true, VALUES)));
      assertMixed(inspector.decodeMono(extensible, "wav", null, null), 1e-6);
    }
    byte[] pcm20in24 =
        TestWavs.riff(
            TestWavs.chunk("fmt ", TestWavs.fmtExtensible(2, 44100, 24, 20, TestWavs.PCM)),
            TestWavs.chunk("data", stereoData(24, false, VALUES)));
    assertMixed(inspector.decodeMono(pcm20in24, "wav", null, null), 1e-6);
  }

  @Test
  void shouldDecodeRawPcmWithTheDeclaredLayout() {
    byte[] raw = stereoData(16, false, VALUES);
    MonoAudio audio = inspector.decodeMono(raw, "pcm_s16le", 8000, 2);
    assertThat(audio.sampleRate()).isEqualTo(8000);
    assertMixed(audio, 1e-4);
  }

  @Test
  void shouldAverageManyChannelsAndSilenceBrokenFloats() {
    ByteBuffer data = ByteBuffer.allocate(6 * 4).order(ByteOrder.LITTLE_ENDIAN);
    data.putFloat(0.6f).putFloat(0.3f).putFloat(Float.NaN); // frame 1: (0.6 + 0.3 + 0) / 3
    data.putFloat(Float.POSITIVE_INFINITY).putFloat(-0.3f).putFloat(0.6f); // (0 - 0.3 + 0.6) / 3
    byte[] wav =
        TestWavs.riff(
            TestWavs.chunk("fmt ", TestWavs.fmt(TestWavs.IEEE_FLOAT, 3, 16000, 32)),
            TestWavs.chunk("data", data.array()));
    float[] mono = inspector.decodeMono(wav, "wav", null, null).samples();
    assertThat((double) mono[0]).isCloseTo(0.3, within(1e-6));
    assertThat((double) mono[1]).isCloseTo(0.1, within(1e-6));
  }

  @Test
  void shouldRefuseTruncatedAndUnsupportedRecordingsWithTheReason() {
    byte[] whole = TestWavs.wav(TestWavs.PCM, 1, 16000, 16, 100);
    byte[] cut = Arrays.copyOf(whole, whole.length - 51);
    assertThatThrownBy(() -> inspector.decodeMono(cut, "wav", null, null))
        .isInstanceOfSatisfying(
            RejectedInputException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED))
        .hasMessageContaining("truncated WAV");
    byte[] mp3 = TestWavs.wav(TestWavs.MP3, 1, 16000, 16, 100);
    assertThatThrownBy(() -> inspector.decodeMono(mp3, "wav", null, null))
        .isInstanceOfSatisfying(
            RejectedInputException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED))
        .hasMessageContaining("MPEG Layer III");
  }
}
