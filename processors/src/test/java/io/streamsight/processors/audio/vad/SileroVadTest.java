package io.streamsight.processors.audio.vad;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.audio.AudioInspector;
import io.streamsight.processors.audio.MonoAudio;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Silero VAD v5 on real read speech (pocketsphinx-testdata's LibriVox clips). */
class SileroVadTest {

  private static ModelRegistry registry;
  private static SileroVad vad;
  private static final VadSettings SETTINGS = VadSettings.defaults();

  @BeforeAll
  static void load() {
    CatalogueModels catalogue = TestModels.require(SileroVad.MODEL);
    registry = TestModels.registry(1);
    vad = SileroVad.load(registry, catalogue, DevicePlacement.cpu("vad-test"));
  }

  @AfterAll
  static void close() {
    if (registry != null) {
      registry.close();
    }
  }

  private static float[] clip(Path wav) throws Exception {
    MonoAudio audio =
        new AudioInspector(1 << 26).decodeMono(Files.readAllBytes(wav), "wav", null, null);
    assertThat(audio.sampleRate()).isEqualTo(16000);
    return audio.samples();
  }

  /** Segments of a whole recording. */
  private static List<SpeechSegment> whole(float[] samples) throws Exception {
    VadStream stream = new VadStream(SETTINGS);
    stream.append(samples);
    try (SileroVad.Session session = vad.newSession()) {
      session.drain(List.of(stream), List.of(true));
    }
    return stream.drainClosed();
  }

  /** Start of the first 20 ms window louder than -35 dBFS RMS. */
  private static double firstLoudSecond(float[] samples) {
    int window = 320;
    for (int at = 0; at + window <= samples.length; at += window / 2) {
      double sum = 0;
      for (int i = at; i < at + window; i++) {
        sum += (double) samples[i] * samples[i];
      }
      if (10 * Math.log10(sum / window) > -35) {
        return at / 16000.0;
      }
    }
    return samples.length / 16000.0;
  }

  private static double speechSeconds(List<SpeechSegment> segments) {
    return segments.stream().mapToLong(s -> s.end() - s.start()).sum() / 16000.0;
  }

  @Test
  void shouldFindSpeechOverMostOfEveryReadSentence() throws Exception {
    for (Path wav : TestMedia.list(TestMedia.LIBRIVOX, ".wav")) {
      float[] samples = clip(wav);
      List<SpeechSegment> segments = whole(samples);
      double seconds = samples.length / 16000.0;
      System.out.printf(
          "%s %.2f s: %s%n",
          wav.getFileName(),
          seconds,
          segments.stream()
              .map(s -> String.format("[%.2f-%.2f]", s.start() / 16000.0, s.end() / 16000.0))
              .toList());
      // Measured: speech covers 0.89 to 0.95 of each clip (they are read sentences with a quarter
      // second of room tone at each end); the floor leaves a margin.
      assertThat(speechSeconds(segments) / seconds).as("%s", wav.getFileName()).isGreaterThan(0.75);
      // Independently of the model: speech starts where the signal first gets loud (the clips
      // open with 0.2 s below -44 dBFS), give or take the padding and a chunk or two.
      double loud = firstLoudSecond(samples);
      assertThat(segments.get(0).start() / 16000.0).isBetween(loud - 0.15, loud + 0.15);
    }
  }

  @Test
  void shouldNotCallInsertedSilenceSpeech() throws Exception {
    List<Path> wavs = TestMedia.list(TestMedia.LIBRIVOX, ".wav");
    float[] a = clip(wavs.get(0));
    float[] b = clip(wavs.get(1));
    int gap = 3 * 16000;
    float[] joined = new float[a.length + gap + b.length];
    System.arraycopy(a, 0, joined, 0, a.length);
    // A quiet noise floor (-60 dBFS), as a real line has, not digital zeros.
    java.util.Random noise = new java.util.Random(7);
    for (int i = a.length; i < a.length + gap; i++) {
      joined[i] = (float) (noise.nextGaussian() * 0.001);
    }
    System.arraycopy(b, 0, joined, a.length + gap, b.length);

    List<SpeechSegment> segments = whole(joined);
    long quietFrom = a.length + 16000L / 2;
    long quietTo = (long) a.length + gap - 16000 / 2;
    assertThat(segments)
        .allSatisfy(s -> assertThat(s.end() <= quietFrom || s.start() >= quietTo).isTrue());
    assertThat(segments).anySatisfy(s -> assertThat(s.start()).isLessThan(a.length));
    assertThat(segments).anySatisfy(s -> assertThat(s.end()).isGreaterThan(a.length + gap));
  }

  @Test
  void shouldGiveTheSameSegmentsWhenARecordingArrivesInPiecesAcrossRestarts() throws Exception {
    List<Path> wavs = TestMedia.list(TestMedia.LIBRIVOX, ".wav");
    float[] a = clip(wavs.get(2));
    float[] b = clip(wavs.get(3));
    float[] call = new float[a.length + b.length];
    System.arraycopy(a, 0, call, 0, a.length);
    System.arraycopy(b, 0, call, a.length, b.length);
    List<SpeechSegment> expected = whole(call);

    // Pieces of odd sizes, cutting chunks and words; the state goes through its serialised form
    // between pieces, as it does through the changelogged store.
    int[] sizes = {3331, 16000, 511, 12345, 40000, 1, 7777};
    List<SpeechSegment> got = new ArrayList<>();
    byte[] saved = null;
    int at = 0;
    for (int i = 0; at < call.length; i++) {
      int n = Math.min(sizes[i % sizes.length], call.length - at);
      VadStream stream =
          saved == null
              ? new VadStream(SETTINGS)
              : VadStream.readFrom(new DataInputStream(new ByteArrayInputStream(saved)), SETTINGS);
      stream.append(Arrays.copyOfRange(call, at, at + n));
      at += n;
      boolean last = at == call.length;
      try (SileroVad.Session session = vad.newSession()) {
        session.drain(List.of(stream), List.of(last));
      }
      got.addAll(stream.drainClosed());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      stream.writeTo(new DataOutputStream(out));
      saved = out.toByteArray();
      assertThat(saved.length).isLessThan(1_000_000);
    }

    assertThat(got).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(got.get(i).start()).isEqualTo(expected.get(i).start());
      assertThat(got.get(i).end()).isEqualTo(expected.get(i).end());
      assertThat(got.get(i).audio()).containsExactly(expected.get(i).audio());
    }
  }

  @Test
  void shouldAnalyseManySourcesInOneModelCallAsEachAlone() throws Exception {
    List<Path> wavs = TestMedia.list(TestMedia.LIBRIVOX, ".wav");
    List<VadStream> streams = new ArrayList<>();
    List<List<SpeechSegment>> alone = new ArrayList<>();
    for (Path wav : wavs) {
      float[] samples = clip(wav);
      alone.add(whole(samples));
      VadStream stream = new VadStream(SETTINGS);
      stream.append(samples);
      streams.add(stream);
    }
    try (SileroVad.Session session = vad.newSession()) {
      session.drain(streams, streams.stream().map(s -> true).toList());
    }
    for (int i = 0; i < streams.size(); i++) {
      List<SpeechSegment> batched = streams.get(i).drainClosed();
      assertThat(batched).hasSameSizeAs(alone.get(i));
      for (int j = 0; j < batched.size(); j++) {
        assertThat(Math.abs(batched.get(j).start() - alone.get(i).get(j).start()))
            .isLessThanOrEqualTo(SileroVad.CHUNK);
        assertThat(Math.abs(batched.get(j).end() - alone.get(i).get(j).end()))
            .isLessThanOrEqualTo(SileroVad.CHUNK);
      }
    }
  }
}
