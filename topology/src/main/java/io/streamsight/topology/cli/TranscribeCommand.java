package io.streamsight.topology.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.audio.AudioInspector;
import io.streamsight.processors.audio.MonoAudio;
import io.streamsight.processors.audio.Resampler;
import io.streamsight.processors.audio.asr.SpeechRecognizer;
import io.streamsight.processors.audio.asr.SpeechRecognizer.Utterance;
import io.streamsight.processors.audio.asr.SpeechRecognizer.Vocabulary;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.processors.audio.vad.SpeechSegment;
import io.streamsight.processors.audio.vad.VadStream;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.topology.StreamsightTopology;
import io.streamsight.topology.config.StreamsightConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Transcribes WAV files with the audio topology's processors, without a broker: decode and resample
 * to 16 kHz, Silero VAD, the configured recogniser.
 */
@Command(
    name = "transcribe",
    mixinStandardHelpOptions = true,
    description = {
      "Transcribes WAV (or raw pcm_s16le 16 kHz) files; prints one JSON object per file:",
      "{\"file\", \"durationSec\", \"segments\": [{\"start\", \"end\", \"text\", \"confidence\"}],"
          + " \"text\"}, or {\"file\", \"error\", \"message\"} for a file that cannot be read."
    })
final class TranscribeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Option(
      names = "--recognizer",
      description =
          "sphinx (default), whisper (needs --whisper-dir) or none (speech segments only)")
  String recognizer;

  @Option(names = "--whisper-dir", description = "Folder of a Whisper ONNX export (Optimum).")
  Path whisperDir;

  @Option(
      names = "--pharmacy",
      description = "Recognise spoken medication orders with the pharmacy grammar (Sphinx).")
  boolean pharmacy;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files.")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    Map<String, String> extra = new HashMap<>();
    if (recognizer != null) {
      extra.put(StreamsightConfig.AUDIO_RECOGNIZER, recognizer);
    }
    if (whisperDir != null) {
      extra.put(StreamsightConfig.AUDIO_WHISPER_DIR, whisperDir.toString());
    }
    extra.put(StreamsightConfig.AUDIO_PHARMACY_GRAMMAR, Boolean.toString(pharmacy));
    StreamsightConfig cfg = config.load(extra);
    PrintWriter out = spec.commandLine().getOut();
    int failures = 0;
    try (ModelRegistry models = new ModelRegistry(cfg.modelsDir(), cfg.ortThreads())) {
      SileroVad vad =
          SileroVad.load(
              models,
              CatalogueModels.bundled(cfg.modelsDir()),
              cfg.devicePlacement(StreamsightConfig.AUDIO_VAD_PROCESSOR));
      SpeechRecognizer asr = StreamsightTopology.recognizer(cfg, models);
      AudioInspector inspector = new AudioInspector(cfg.audioMaxBytes());
      try (SileroVad.Session vadSession = vad.newSession();
          SpeechRecognizer.Session asrSession = asr == null ? null : asr.newSession()) {
        for (Path file : files) {
          ObjectNode node = JsonRecords.MAPPER.createObjectNode();
          node.put("file", file.toString());
          try {
            byte[] bytes = Files.readAllBytes(file);
            MonoAudio audio =
                Resampler.toSpeechRate(inspector.decodeMono(bytes, "pcm_s16le", 16000, 1));
            VadStream stream =
                new VadStream(pharmacy ? cfg.pharmacyVadSettings() : cfg.vadSettings());
            stream.append(audio.samples());
            vadSession.drain(List.of(stream), List.of(true));
            List<SpeechSegment> speech = stream.drainClosed();
            List<Utterance> words = new ArrayList<>();
            if (asrSession != null && !speech.isEmpty()) {
              words =
                  asrSession.recognize(
                      speech.stream().map(SpeechSegment::floats).toList(),
                      pharmacy ? Vocabulary.PHARMACY : Vocabulary.GENERAL);
            }
            node.put("durationSec", audio.seconds());
            ArrayNode segments = node.putArray("segments");
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < speech.size(); i++) {
              Utterance u = i < words.size() ? words.get(i) : null;
              ObjectNode s = segments.addObject();
              s.put("start", speech.get(i).start() / (double) SileroVad.SAMPLE_RATE);
              s.put("end", speech.get(i).end() / (double) SileroVad.SAMPLE_RATE);
              s.put("text", u == null ? "" : u.text());
              if (u == null || u.confidence() == null) {
                s.putNull("confidence");
              } else {
                s.put("confidence", u.confidence());
              }
              if (u != null && !u.text().isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(u.text());
              }
            }
            node.put("text", text.toString());
          } catch (RejectedInputException | java.io.IOException e) {
            failures++;
            if (e instanceof RejectedInputException r) {
              node.put("error", r.reason().name());
              node.put("message", e.getMessage());
            } else {
              node.put("error", "IO");
              node.put("message", "cannot read the file: " + e);
            }
          }
          out.println(node);
          out.flush();
        }
      }
    }
    return failures == 0 ? 0 : 1;
  }
}
