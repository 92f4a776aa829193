package io.streamsight.processors.audio.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Spoken orders for tests, synthesised with espeak-ng (installed here and in CI; a test skips,
 * saying so, where it is not).
 *
 * <p>The voice is espeak-ng's Klatt variant ({@value #VOICE}). With the default voice, Sphinx's
 * en-US acoustic model hears little: on eight synthetic orders, word error rate 0.37 with the
 * pharmacy grammar and only 3 of the 8 drug names right (0.96 with the general model on four of
 * them); with the Klatt voice, 0.04 with the grammar and all 8 drug names right. The default voice
 * is far from the recorded speech the model was trained on; what the tests check is recognition of
 * an order, not espeak-ng.
 */
public final class SyntheticSpeech {

  /** espeak-ng voice: US English, Klatt synthesiser. */
  public static final String VOICE = "en-us+klatt";

  private SyntheticSpeech() {}

  /** Speaks {@code text} into a WAV file (22.05 kHz mono, 16-bit). */
  public static void speak(String text, Path wav) throws InterruptedException {
    Process espeak;
    try {
      espeak =
          new ProcessBuilder("espeak-ng", "-v", VOICE, "-w", wav.toString(), text)
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "espeak-ng is not installed: " + e.getMessage());
      return;
    }
    assertThat(espeak.waitFor(60, TimeUnit.SECONDS)).as("espeak-ng finished").isTrue();
    assertThat(espeak.exitValue()).as("espeak-ng exit status").isZero();
  }
}
