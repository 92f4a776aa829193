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
import io.streamsight.processors.detection.DetectionSettings;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import io.streamsight.processors.medication.sig.SigParser;
import io.streamsight.processors.payload.ClaimCheckStore;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.processors.pose.BlazePose;
import io.streamsight.processors.text.TextNormalizer;
import io.streamsight.processors.vision.Redactor;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.StreamsightConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;

/** The whole Streamsight application: every topology in one Kafka Streams instance. */
public final class StreamsightTopology {

  /**
   * Processor name of the behaviour topology's detector: {@code processor.behavior-detect.device}.
   */
  public static final String BEHAVIOR_DETECT = "behavior-detect";

  /**
   * Processor name of the behaviour topology's pose model: {@code processor.behavior-pose.device}.
   */
  public static final String BEHAVIOR_POSE = "behavior-pose";

  private StreamsightTopology() {}

  /**
   * Builds the topology; the processors' limits come from the typed config, and model processors
   * load their models from {@code models} (which owns them and closes them after Kafka Streams).
   */
  public static Topology build(Topics topics, StreamsightConfig config, ModelRegistry models) {
    return build(topics, config, models, VisionSetup.load(config, models));
  }

  /**
   * As {@link #build(Topics, StreamsightConfig, ModelRegistry)}, with the image models already
   * loaded (tests give their own).
   */
  public static Topology build(
      Topics topics, StreamsightConfig config, ModelRegistry models, VisionSetup vision) {
    Map<String, Object> streamsProps = config.streamsProperties("unused:9092");
    StreamsBuilder builder =
        new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProps)));
    ImageTopology.addTo(
        builder,
        topics,
        new ImageTopology.Dependencies(
            new PayloadResolver(config.imageMaxBytes()),
            new ImageInspector(config.imageMaxBytes(), config.imageMaxPixels()),
            vision.plans(),
            vision.models(),
            new Redactor(
                new ClaimCheckStore(config.claimCheckDir(), config.claimCheckThresholdBytes())),
            config.batchSettings()));
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
    if (config.behaviorEnabled()) {
      BehaviorTopology.addTo(builder, topics, behavior(config, models));
    }
    return builder.build();
  }

  /**
   * The behaviour detector's settings: every class (the camera's tracker picks its own), down to
   * {@code behavior.detection.threshold} so ByteTrack's low-score stage has detections to use.
   */
  public static DetectionSettings behaviorDetection(StreamsightConfig config) {
    return new DetectionSettings(
        config.behaviorDetectionThreshold(),
        Map.of(),
        DetectionSettings.DEFAULT_NMS_IOU,
        DetectionSettings.DEFAULT_MAX_DETECTIONS,
        Set.of(),
        DetectionSettings.DEFAULT_DUPLICATE_IOU);
  }

  /** The behaviour topology's models (loaded now, so a missing one stops start-up) and limits. */
  static BehaviorTopology.Dependencies behavior(StreamsightConfig config, ModelRegistry models) {
    CatalogueModels catalogue = CatalogueModels.bundled(config.modelsDir());
    NanoDet nanoDet =
        NanoDet.load(
            models, catalogue, config.devicePlacement(BEHAVIOR_DETECT), behaviorDetection(config));
    BlazePose pose =
        config.behaviorPoseEnabled()
            ? BlazePose.load(models, catalogue, config.devicePlacement(BEHAVIOR_POSE))
            : null;
    return new BehaviorTopology.Dependencies(
        new PayloadResolver(config.imageMaxBytes()),
        new ImageInspector(config.imageMaxBytes(), config.imageMaxPixels()),
        nanoDet::newDetector,
        pose == null ? null : pose::newEstimator,
        config.batchSettings(),
        config.behaviorCountWindow(),
        config.behaviorCountGrace(),
        config.behaviorRecentEvents());
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
        config.pharmacyVadSettings(),
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
