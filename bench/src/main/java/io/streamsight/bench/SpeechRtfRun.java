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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real-time factor (processing time / audio time, lower is faster) of Silero VAD and of each
 * recogniser on the CPU, on WAV files given as arguments (e.g. the LibriVox clips of
 * pocketsphinx-testdata). Each is measured as wall time and as this thread's CPU time (the figure
 * to trust on a shared machine), after one warm-up pass (model loading is not counted).
 *
 * <pre>
 * java -cp bench/target/streamsight-bench.jar io.streamsight.bench.SpeechRtfRun \
 *   [--whisper DIR] ~/.cache/streamsight/media/usr/share/pocketsphinx/test/data/librivox/*.wav
 * </pre>
 */
public final class SpeechRtfRun {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private SpeechRtfRun() {}

  private interface Work {
    void run(float[] clip) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path whisperDir = null;
    List<float[]> clips = new ArrayList<>();
    AudioInspector inspector = new AudioInspector(1L << 30);
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--whisper")) {
        whisperDir = Path.of(args[++i]);
        continue;
      }
      clips.add(
          Resampler.toSpeechRate(
                  inspector.decodeMono(Files.readAllBytes(Path.of(args[i])), "wav", null, null))
              .samples());
    }
    double seconds = clips.stream().mapToDouble(c -> c.length / 16000.0).sum();
    System.out.printf("%d clips, %.1f s of audio%n", clips.size(), seconds);

    Path cache = ModelCache.configured().root();
    try (ModelRegistry registry = new ModelRegistry(cache, new OrtThreads(1, 1))) {
      SileroVad vad =
          SileroVad.load(registry, CatalogueModels.bundled(cache), DevicePlacement.cpu("bench"));
      try (SileroVad.Session session = vad.newSession()) {
        measure(
            "silero-vad-v5",
            clips,
            seconds,
            clip -> {
              VadStream s = new VadStream(VadSettings.defaults());
              s.append(clip);
              session.drain(List.of(s), List.of(true));
            });
      }
      SpeechRecognizer sphinx =
          SphinxRecognizer.create(
              PharmacyGrammar.of(SampleFormulary.products(), PronouncingDictionary.bundled()));
      recognizer("sphinx4 general LM", sphinx, Vocabulary.GENERAL, clips, seconds);
      recognizer("sphinx4 pharmacy grammar", sphinx, Vocabulary.PHARMACY, clips, seconds);
      if (whisperDir != null) {
        SpeechRecognizer whisper =
            new WhisperSpeechRecognizer(
                WhisperRecognizer.load(
                    whisperDir,
                    registry,
                    DevicePlacement.cpu("bench"),
                    WhisperSettings.defaults()));
        recognizer("whisper " + whisper.name(), whisper, Vocabulary.GENERAL, clips, seconds);
      }
    }
  }

  private static void recognizer(
      String name, SpeechRecognizer r, Vocabulary vocabulary, List<float[]> clips, double seconds)
      throws Exception {
    try (SpeechRecognizer.Session session = r.newSession()) {
      measure(name, clips, seconds, clip -> session.recognize(List.of(clip), vocabulary));
    }
  }

  private static void measure(String name, List<float[]> clips, double seconds, Work work)
      throws Exception {
    work.run(clips.get(0)); // warm-up: loads lazily built decoders, JIT
    long wall = System.nanoTime();
    long cpu = CPU.getCurrentThreadCpuTime();
    for (float[] clip : clips) {
      work.run(clip);
    }
    double wallS = (System.nanoTime() - wall) / 1e9;
    double cpuS = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
    System.out.printf(
        "%-28s RTF %.3f wall, %.3f CPU (%.1f s wall, %.1f s CPU for %.1f s audio)%n",
        name, wallS / seconds, cpuS / seconds, wallS, cpuS, seconds);
  }
}
