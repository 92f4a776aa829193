package io.streamsight.bench;

import io.streamsight.models.ModelCache;
import io.streamsight.processors.audio.AudioInspector;
import io.streamsight.processors.audio.Resampler;
import io.streamsight.processors.audio.asr.PharmacyGrammar;
import io.streamsight.processors.audio.asr.PronouncingDictionary;
import io.streamsight.processors.audio.asr.SpeechRecognizer;
import io.streamsight.processors.audio.asr.SpeechRecognizer.Vocabulary;
import io.streamsight.processors.audio.asr.SphinxRecognizer;
import io.streamsight.processors.audio.asr.WhisperSpeechRecognizer;
import io.streamsight.processors.audio.asr.WordErrorRate;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.processors.audio.vad.VadSettings;
import io.streamsight.processors.audio.vad.VadStream;
import io.streamsight.processors.audio.whisper.WhisperRecognizer;
import io.streamsight.processors.audio.whisper.WhisperSettings;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.OrtThreads;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real-time factor (processing time / audio time, lower is faster) of Silero VAD and of each
 * recogniser on the CPU, and the general model's word error rate where reference transcripts are
 * given. Each is measured as wall time and as this thread's CPU time (the figure to trust on a
 * shared machine), after one warm-up pass (model loading is not counted).
 *
 * <p>Arguments: WAV files of general speech (e.g. the LibriVox clips of pocketsphinx-testdata);
 * {@code --references FILE}, their transcripts in the Sphinx test-set format (utterance id = file
 * name without {@code .wav}); {@code --order FILE} (repeatable), spoken medication orders for the
 * pharmacy grammar (without them the grammar runs on the general clips, which it was not built for:
 * a slower search); {@code --whisper DIR}, an Optimum Whisper export.
 *
 * <pre>
 * L=~/.cache/streamsight/media/usr/share/pocketsphinx/test/data/librivox
 * java -cp bench/target/streamsight-bench.jar io.streamsight.bench.SpeechRtfRun \
 *   --references $L/transcription [--order order.wav ...] [--whisper DIR] $L/*.wav
 * </pre>
 */
public final class SpeechRtfRun {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private SpeechRtfRun() {}

  private interface Work {
    void run(int index, float[] clip) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path whisperDir = null;
    Map<String, String> references = Map.of();
    List<String> ids = new ArrayList<>();
    List<float[]> clips = new ArrayList<>();
    List<float[]> orders = new ArrayList<>();
    AudioInspector inspector = new AudioInspector(1L << 30);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--whisper" -> whisperDir = Path.of(args[++i]);
        case "--references" ->
            references = WordErrorRate.sphinxTranscription(Files.readAllLines(Path.of(args[++i])));
        case "--order" -> orders.add(speech(inspector, Path.of(args[++i])));
        default -> {
          Path file = Path.of(args[i]);
          ids.add(file.getFileName().toString().replaceFirst("\\.wav$", ""));
          clips.add(speech(inspector, file));
        }
      }
    }
    double seconds = seconds(clips);
    System.out.printf(
        "%d clips, %.1f s of audio; %d orders, %.1f s%n",
        clips.size(), seconds, orders.size(), seconds(orders));

    Path cache = ModelCache.configured().root();
    try (ModelRegistry registry = new ModelRegistry(cache, new OrtThreads(1, 1))) {
      SileroVad vad =
          SileroVad.load(registry, CatalogueModels.bundled(cache), DevicePlacement.cpu("bench"));
      try (SileroVad.Session session = vad.newSession()) {
        measure(
            "silero-vad-v5",
            clips,
            (i, clip) -> {
              VadStream s = new VadStream(VadSettings.defaults());
              s.append(clip);
              session.drain(List.of(s), List.of(true));
            });
      }
      SpeechRecognizer sphinx =
          SphinxRecognizer.create(
              PharmacyGrammar.of(SampleFormulary.products(), PronouncingDictionary.bundled()));
      String[] heard = new String[clips.size()];
      recognizer("sphinx4 general LM", sphinx, Vocabulary.GENERAL, clips, heard);
      report(ids, heard, references);
      recognizer(
          "sphinx4 pharmacy grammar",
          sphinx,
          Vocabulary.PHARMACY,
          orders.isEmpty() ? clips : orders,
          new String[orders.isEmpty() ? clips.size() : orders.size()]);
      if (whisperDir != null) {
        SpeechRecognizer whisper =
            new WhisperSpeechRecognizer(
                WhisperRecognizer.load(
                    whisperDir,
                    registry,
                    DevicePlacement.cpu("bench"),
                    WhisperSettings.defaults()));
        recognizer(
            "whisper " + whisper.name(),
            whisper,
            Vocabulary.GENERAL,
            clips,
            new String[clips.size()]);
      }
    }
  }

  private static float[] speech(AudioInspector inspector, Path wav) throws IOException {
    return Resampler.toSpeechRate(inspector.decodeMono(Files.readAllBytes(wav), "wav", null, null))
        .samples();
  }

  private static double seconds(List<float[]> clips) {
    return clips.stream().mapToDouble(c -> c.length / 16000.0).sum();
  }

  /** Word error rate of each clip that has a reference, and over all of them. */
  private static void report(List<String> ids, String[] heard, Map<String, String> references) {
    int errors = 0;
    int words = 0;
    for (int i = 0; i < ids.size(); i++) {
      String reference = references.get(ids.get(i));
      if (reference == null) {
        continue;
      }
      int e = WordErrorRate.edits(WordErrorRate.words(heard[i]), WordErrorRate.words(reference));
      int n = WordErrorRate.words(reference).size();
      errors += e;
      words += n;
      System.out.printf(
          "  %s: WER %.3f (%d/%d) | %s%n", ids.get(i), (double) e / n, e, n, heard[i]);
    }
    if (words > 0) {
      System.out.printf(
          "  general model, WER %.3f (%d errors / %d words)%n",
          (double) errors / words, errors, words);
    }
  }

  private static void recognizer(
      String name, SpeechRecognizer r, Vocabulary vocabulary, List<float[]> clips, String[] heard)
      throws Exception {
    try (SpeechRecognizer.Session session = r.newSession()) {
      measure(
          name,
          clips,
          (i, clip) -> heard[i] = session.recognize(List.of(clip), vocabulary).get(0).text());
    }
  }

  private static void measure(String name, List<float[]> clips, Work work) throws Exception {
    work.run(0, clips.get(0)); // warm-up: loads lazily built decoders, JIT
    long wall = System.nanoTime();
    long cpu = CPU.getCurrentThreadCpuTime();
    for (int i = 0; i < clips.size(); i++) {
      work.run(i, clips.get(i));
    }
    double wallS = (System.nanoTime() - wall) / 1e9;
    double cpuS = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
    double seconds = seconds(clips);
    System.out.printf(
        "%-28s RTF %.3f wall, %.3f CPU (%.1f s wall, %.1f s CPU for %.1f s audio)%n",
        name, wallS / seconds, cpuS / seconds, wallS, cpuS, seconds);
  }
}
