package io.streamsight.topology;

import io.streamsight.processors.audio.AudioInspector;
import io.streamsight.processors.audio.PharmacySources;
import io.streamsight.processors.audio.SpeechProcessor;
import io.streamsight.processors.audio.asr.PharmacyGrammar;
import io.streamsight.processors.audio.asr.PronouncingDictionary;
import io.streamsight.processors.audio.asr.SpeechRecognizer;
import io.streamsight.processors.audio.asr.SphinxRecognizer;
import io.streamsight.processors.audio.asr.WhisperSpeechRecognizer;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.processors.audio.whisper.WhisperRecognizer;
import io.streamsight.processors.audio.whisper.WhisperSettings;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import io.streamsight.processors.medication.sig.SigParser;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.processors.text.TextNormalizer;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.StreamsightConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;

/** The whole Streamsight application: every topology in one Kafka Streams instance. */
public final class StreamsightTopology {

  private StreamsightTopology() {}

  /**
   * Builds the topology; the processors' limits come from the typed config, and model processors
   * load their models from {@code models} (which owns them and closes them after Kafka Streams).
   */
  public static Topology build(Topics topics, StreamsightConfig config, ModelRegistry models) {
    Map<String, Object> streamsProps = config.streamsProperties("unused:9092");
    StreamsBuilder builder =
        new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProps)));
    ImageTopology.addTo(
        builder,
        topics,
        new ImageTopology.Dependencies(
            new PayloadResolver(config.imageMaxBytes()),
            new ImageInspector(config.imageMaxBytes(), config.imageMaxPixels())));
    PayloadResolver audioPayloads = new PayloadResolver(config.audioMaxBytes());
    AudioInspector audioInspector = new AudioInspector(config.audioMaxBytes());
    AudioTopology.addTo(
        builder,
        topics,
        new AudioTopology.Dependencies(
            audioPayloads,
            audioInspector,
            config.audioSpeechEnabled()
                ? speech(config, models, audioPayloads, audioInspector)
                : null,
            config.audioBatchSettings(),
            config.audioMaxEventMs()));
    TextTopology.addTo(
        builder, topics, new TextTopology.Dependencies(new TextNormalizer(config.textMaxChars())));
    PharmacyTopology.addTo(builder, topics, new PharmacyTopology.Dependencies(new SigParser()));
    return builder.build();
  }

  /** The speech step's models: Silero VAD from the cache, the configured recogniser. */
  private static SpeechProcessor.Dependencies speech(
      StreamsightConfig config,
      ModelRegistry models,
      PayloadResolver payloads,
      AudioInspector inspector) {
    CatalogueModels catalogue = CatalogueModels.bundled(config.modelsDir());
    SileroVad vad =
        SileroVad.load(
            models, catalogue, config.devicePlacement(StreamsightConfig.AUDIO_VAD_PROCESSOR));
    return new SpeechProcessor.Dependencies(
        payloads,
        inspector,
        vad,
        config.vadSettings(),
        recognizer(config, models),
        new PharmacySources(config.audioPharmacySources()),
        catalogue);
  }

  /** The configured recogniser, or null for none. */
  public static SpeechRecognizer recognizer(StreamsightConfig config, ModelRegistry models) {
    return switch (config.audioRecognizer()) {
      case StreamsightConfig.RECOGNIZER_SPHINX ->
          SphinxRecognizer.createLazy(
              config.audioPharmacyGrammar()
                  ? () ->
                      PharmacyGrammar.of(
                          SampleFormulary.products(), PronouncingDictionary.bundled())
                  : null);
      case StreamsightConfig.RECOGNIZER_WHISPER -> {
        Path dir = config.audioWhisperDir();
        if (dir == null) {
          throw new ModelLoadException(
              "audio.recognizer=whisper needs audio.whisper.dir, the folder of an ONNX export");
        }
        yield new WhisperSpeechRecognizer(
            WhisperRecognizer.load(
                dir,
                models,
                config.devicePlacement(StreamsightConfig.AUDIO_ASR_PROCESSOR),
                WhisperSettings.defaults()));
      }
      default -> null;
    };
  }
}
