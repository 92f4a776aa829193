package io.streamsight.topology.config;

import io.streamsight.models.ModelCache;
import io.streamsight.processors.audio.vad.VadSettings;
import io.streamsight.processors.caption.CaptionSettings;
import io.streamsight.processors.detection.CocoLabels;
import io.streamsight.processors.detection.DetectionSettings;
import io.streamsight.processors.face.FaceModels;
import io.streamsight.processors.face.FaceSettings;
import io.streamsight.processors.inference.BatchSettings;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.InferenceDeadLetterHandler;
import io.streamsight.processors.inference.OrtThreads;
import io.streamsight.processors.ocr.OcrSettings;
import io.streamsight.processors.vision.SourcePlan;
import io.streamsight.processors.vision.SourcePlans;
import io.streamsight.processors.vision.VisionSettings;
import io.streamsight.processors.vision.VisionStep;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The one typed configuration of a Streamsight instance.
 *
 * <p>Every Streamsight key has a type, a default, a validator and a doc string. Every other key
 * (Kafka client and Kafka Streams properties such as {@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}, {@code commit.interval.ms}) passes through to the Kafka clients untouched. Values
 * come from {@link ConfigLoader}; nothing else reads files or the environment.
 *
 * <p>Per-processor keys {@code processor.<name>.device} ({@code cpu}, {@code gpu:N} or a
 * comma-separated list of them for replicas; default {@code cpu}) cannot be declared in a {@link
 * ConfigDef}, which has no wildcards: they are validated when the config is built (a bad value
 * fails it with a {@link ConfigException} naming the key) and read through {@link
 * #devicePlacement(String)}. Like every Streamsight key they never reach a Kafka client.
 *
 * <p>Per-source image keys work the same way: {@code source.<sourceId>.image.processors} (a list
 * like {@code image.processors}, possibly empty) and {@code source.<sourceId>.image.privacy.blur}
 * ({@code true} or {@code false}) override the defaults for the images whose {@code sourceId} is
 * that id; they are validated when the config is built and read through {@link #imagePlans()}. The
 * image processors' devices are {@code processor.detection.device}, {@code processor.faces.device},
 * {@code processor.ocr.device} and {@code processor.caption.device}.
 */
public final class StreamsightConfig extends AbstractConfig {

  public static final String BOOTSTRAP_SERVERS = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
  public static final String APPLICATION_ID = StreamsConfig.APPLICATION_ID_CONFIG;
  public static final String PROCESSING_GUARANTEE = StreamsConfig.PROCESSING_GUARANTEE_CONFIG;
  public static final String NUM_STREAM_THREADS = StreamsConfig.NUM_STREAM_THREADS_CONFIG;
  public static final String STATE_DIR = StreamsConfig.STATE_DIR_CONFIG;
  public static final String DLQ_TOPIC = StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG;

  public static final String EMBEDDED_DATA_DIR = "embedded.data.dir";
  public static final String EMBEDDED_PORT = "embedded.port";
  public static final String TOPICS_CREATE = "topics.create";
  public static final String TOPICS_PARTITIONS = "topics.partitions";
  public static final String TOPICS_REPLICATION_FACTOR = "topics.replication.factor";
  public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";
  public static final String SHUTDOWN_LEAVE_GROUP = "shutdown.leave.group";
  public static final String IMAGE_MAX_BYTES = "image.max.bytes";
  public static final String IMAGE_MAX_PIXELS = "image.max.pixels";
  public static final String AUDIO_MAX_BYTES = "audio.max.bytes";
  public static final String TEXT_MAX_CHARS = "text.max.chars";
  public static final String CLAIMCHECK_THRESHOLD_BYTES = "claimcheck.threshold.bytes";
  public static final String CLAIMCHECK_DIR = "claimcheck.dir";
  public static final String FORMULARY_SAMPLE = "formulary.sample";
  public static final String MODELS_DIR = "models.dir";
  public static final String INFERENCE_INTRA_OP_THREADS = "inference.intra.op.threads";
  public static final String INFERENCE_INTER_OP_THREADS = "inference.inter.op.threads";
  public static final String BATCH_MAX_SIZE = "batch.max.size";
  public static final String BATCH_MAX_DELAY_MS = "batch.max.delay.ms";
  public static final String IMAGE_PROCESSORS = "image.processors";
  public static final String IMAGE_PRIVACY_BLUR = "image.privacy.blur";
  public static final String IMAGE_MODELS_MISSING = "image.models.missing";
  public static final String DETECTION_SCORE_THRESHOLD = "detection.score.threshold";
  public static final String DETECTION_CLASS_THRESHOLDS = "detection.class.thresholds";
  public static final String DETECTION_NMS_IOU = "detection.nms.iou";
  public static final String DETECTION_MAX_DETECTIONS = "detection.max.detections";
  public static final String DETECTION_CLASSES = "detection.classes";
  public static final String DETECTION_DUPLICATE_IOU = "detection.duplicate.iou";
  public static final String FACES_MODEL = "faces.model";
  public static final String FACES_SCORE_THRESHOLD = "faces.score.threshold";
  public static final String FACES_NMS_IOU = "faces.nms.iou";
  public static final String OCR_RECOGNIZER = "ocr.recognizer";
  public static final String OCR_MAX_SIDE = "ocr.max.side";
  public static final String OCR_CLASSIFY_ANGLE = "ocr.classify.angle";
  public static final String OCR_MIN_TEXT_SCORE = "ocr.min.text.score";
  public static final String CAPTION_MODEL_DIR = "caption.model.dir";
  public static final String CAPTION_BEAMS = "caption.beams";
  public static final String CAPTION_MAX_TOKENS = "caption.max.tokens";

  /** What {@code image.models.missing} may say. */
  public static final String MISSING_FAIL = "fail";

  public static final String MISSING_SKIP = "skip";
  public static final String BEHAVIOR_ENABLED = "behavior.enabled";
  public static final String BEHAVIOR_DETECTION_THRESHOLD = "behavior.detection.threshold";
  public static final String BEHAVIOR_POSE_ENABLED = "behavior.pose.enabled";
  public static final String BEHAVIOR_COUNT_WINDOW_MS = "behavior.count.window.ms";
  public static final String BEHAVIOR_COUNT_GRACE_MS = "behavior.count.grace.ms";
  public static final String BEHAVIOR_RECENT_EVENTS = "behavior.recent.events";
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_HOST = "http.host";
  public static final String AUDIO_SPEECH_ENABLED = "audio.speech.enabled";
  public static final String AUDIO_RECOGNIZER = "audio.recognizer";
  public static final String AUDIO_WHISPER_DIR = "audio.whisper.dir";
  public static final String AUDIO_PHARMACY_SOURCES = "audio.pharmacy.sources";
  public static final String AUDIO_PHARMACY_GRAMMAR = "audio.pharmacy.grammar";
  public static final String AUDIO_PHARMACY_MIN_SILENCE_MS = "audio.pharmacy.min.silence.ms";
  public static final String AUDIO_VAD_THRESHOLD = "audio.vad.threshold";
  public static final String AUDIO_VAD_NEG_THRESHOLD = "audio.vad.neg.threshold";
  public static final String AUDIO_VAD_MIN_SPEECH_MS = "audio.vad.min.speech.ms";
  public static final String AUDIO_VAD_MIN_SILENCE_MS = "audio.vad.min.silence.ms";
  public static final String AUDIO_VAD_SPEECH_PAD_MS = "audio.vad.speech.pad.ms";
  public static final String AUDIO_VAD_MAX_SPEECH_MS = "audio.vad.max.speech.ms";
  public static final String AUDIO_BATCH_MAX_SIZE = "audio.batch.max.size";
  public static final String AUDIO_MAX_EVENT_MS = "audio.max.event.ms";
  public static final String AUDIO_RECOGNIZER_MAX_RTF = "audio.recognizer.max.rtf";

  /** Values of {@value #AUDIO_RECOGNIZER}. */
  public static final String RECOGNIZER_SPHINX = "sphinx";

  public static final String RECOGNIZER_WHISPER = "whisper";
  public static final String RECOGNIZER_NONE = "none";

  /** Processor names of the audio models, for {@code processor.<name>.device}. */
  public static final String AUDIO_VAD_PROCESSOR = "audio-vad";

  public static final String AUDIO_ASR_PROCESSOR = "audio-asr";

  /** Prefix and suffix of the per-processor device keys, {@code processor.<name>.device}. */
  public static final String PROCESSOR_PREFIX = "processor.";

  public static final String DEVICE_SUFFIX = ".device";

  /**
   * Prefix and suffixes of the per-source image keys, {@code source.<sourceId>.image.processors}
   * and {@code source.<sourceId>.image.privacy.blur}.
   */
  public static final String SOURCE_PREFIX = "source.";

  public static final String SOURCE_PROCESSORS_SUFFIX = ".image.processors";
  public static final String SOURCE_BLUR_SUFFIX = ".image.privacy.blur";

  /** The image processors {@code image.processors} runs by default: every one this build has. */
  public static final String DEFAULT_IMAGE_PROCESSORS = "detection,faces,ocr,caption";

  public static final String AT_LEAST_ONCE = StreamsConfig.AT_LEAST_ONCE;
  public static final String EXACTLY_ONCE_V2 = StreamsConfig.EXACTLY_ONCE_V2;

  /** A payload is held in one Java array. */
  private static final long MAX_PAYLOAD_BYTES = Integer.MAX_VALUE - 8;

  private static final String DEFAULT_CACHE =
      System.getProperty("user.home") + File.separator + ".cache" + File.separator + "streamsight";

  /** The definition of every Streamsight key, in the order {@code streamsight config} prints. */
  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              BOOTSTRAP_SERVERS,
              Type.STRING,
              "",
              Importance.HIGH,
              "Kafka cluster to use, host:port[,host:port...]. Empty starts an in-process"
                  + " single-node KRaft broker (embedded.*) for demos and tests.")
          .define(
              APPLICATION_ID,
              Type.STRING,
              "streamsight",
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Kafka Streams application id: consumer group, prefix of internal topics and"
                  + " transactional ids. Instances with the same id share the work.")
          .define(
              PROCESSING_GUARANTEE,
              Type.STRING,
              AT_LEAST_ONCE,
              ValidString.in(AT_LEAST_ONCE, EXACTLY_ONCE_V2),
              Importance.HIGH,
              "at_least_once (records may be reprocessed after a crash, never lost) or"
                  + " exactly_once_v2 (Kafka transactions; outputs appear once, read_committed).")
          .define(
              NUM_STREAM_THREADS,
              Type.INT,
              1,
              Range.atLeast(1),
              Importance.MEDIUM,
              "Stream threads in this instance. Keep threads x model intra-op threads at or"
                  + " below the CPU cores.")
          .define(
              STATE_DIR,
              Type.STRING,
              DEFAULT_CACHE + File.separator + "state",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Folder for Kafka Streams local state stores.")
          .define(
              DLQ_TOPIC,
              Type.STRING,
              "streamsight.dlq",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Dead-letter topic: every record that cannot be read or processed goes there"
                  + " unchanged, with the reason in its __streams.errors.* headers.")
          .define(
              TOPICS_CREATE,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Create missing topics of the catalogue at start-up.")
          .define(
              TOPICS_PARTITIONS,
              Type.INT,
              3,
              Range.atLeast(1),
              Importance.MEDIUM,
              "Partitions of each topic created at start-up.")
          .define(
              TOPICS_REPLICATION_FACTOR,
              Type.INT,
              -1,
              Range.between(-1, Short.MAX_VALUE),
              Importance.MEDIUM,
              "Replication factor of each topic created at start-up; -1 takes the broker's"
                  + " default.replication.factor.")
          .define(
              EMBEDDED_DATA_DIR,
              Type.STRING,
              "",
              Importance.LOW,
              "Data folder of the embedded broker; empty uses a temporary folder deleted on"
                  + " exit. With a folder, topics and records survive restarts.")
          .define(
              EMBEDDED_PORT,
              Type.INT,
              9092,
              Range.between(0, 65535),
              Importance.LOW,
              "Listener port of the embedded broker on localhost; 0 picks a free port.")
          .define(
              SHUTDOWN_TIMEOUT_MS,
              Type.LONG,
              30_000L,
              Range.atLeast(0),
              Importance.LOW,
              "How long a clean shutdown (SIGTERM) may take to commit and close.")
          .define(
              SHUTDOWN_LEAVE_GROUP,
              Type.BOOLEAN,
              true,
              Importance.LOW,
              "Leave the consumer group on shutdown, so the other instances take over its"
                  + " partitions at once instead of after the session timeout. Set false with"
                  + " static membership (group.instance.id) for quick rolling restarts.")
          .define(
              IMAGE_MAX_BYTES,
              Type.LONG,
              50L * 1024 * 1024,
              Range.between(1, MAX_PAYLOAD_BYTES),
              Importance.MEDIUM,
              "Largest encoded image accepted, inline or by claim check; larger ones are"
                  + " dead-lettered.")
          .define(
              IMAGE_MAX_PIXELS,
              Type.LONG,
              40_000_000L,
              Range.atLeast(1),
              Importance.MEDIUM,
              "Largest width x height accepted, read from the header before decoding"
                  + " (decompression-bomb guard). Decoding takes about 3 bytes of heap per pixel.")
          .define(
              AUDIO_MAX_BYTES,
              Type.LONG,
              200L * 1024 * 1024,
              Range.between(1, MAX_PAYLOAD_BYTES),
              Importance.MEDIUM,
              "Largest encoded audio accepted, inline or by claim check.")
          .define(
              TEXT_MAX_CHARS,
              Type.INT,
              100_000,
              Range.atLeast(1),
              Importance.MEDIUM,
              "Longest text accepted, in characters after normalisation.")
          .define(
              CLAIMCHECK_THRESHOLD_BYTES,
              Type.INT,
              900 * 1024,
              Range.atLeast(0),
              Importance.MEDIUM,
              "Payloads larger than this are stored under claimcheck.dir and referenced by"
                  + " URI + sha256 + size instead of travelling inline (Kafka's default"
                  + " message limit is 1 MiB).")
          .define(
              CLAIMCHECK_DIR,
              Type.STRING,
              DEFAULT_CACHE + File.separator + "claims",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Folder where publishers store claim-checked payloads (file: URIs). It must be"
                  + " readable by every instance.")
          .define(
              MODELS_DIR,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "The verified model cache processors load models from (filled by `streamsight"
                  + " models fetch` or the build). Empty: STREAMSIGHT_MODELS_DIR, else"
                  + " ~/.cache/streamsight/models.")
          .define(
              FORMULARY_SAMPLE,
              Type.BOOLEAN,
              false,
              Importance.LOW,
              "At start-up, publish the built-in sample formulary (a dozen real Canadian"
                  + " products) when the formulary topic is empty. For demos; load the full Health"
                  + " Canada extract with `streamsight formulary import --dpd DIR`.")
          .define(
              INFERENCE_INTRA_OP_THREADS,
              Type.INT,
              0,
              Range.between(0, 1024),
              Importance.MEDIUM,
              "ONNX Runtime threads one operator of a model may use. 0 derives"
                  + " max(1, cores / num.stream.threads), so model threads x stream threads stay"
                  + " within the cores.")
          .define(
              INFERENCE_INTER_OP_THREADS,
              Type.INT,
              0,
              Range.between(0, 1024),
              Importance.LOW,
              "ONNX Runtime threads running independent operators of a model concurrently"
                  + " (parallel execution mode only). 0 derives 1.")
          .define(
              BATCH_MAX_SIZE,
              Type.INT,
              BatchSettings.DEFAULT_MAX_SIZE,
              Range.between(1, 4096),
              Importance.MEDIUM,
              "Records per model call: a micro-batch runs as soon as this many records are"
                  + " buffered. Keep one batch's inference well under max.poll.interval.ms.")
          .define(
              BATCH_MAX_DELAY_MS,
              Type.LONG,
              BatchSettings.DEFAULT_MAX_DELAY.toMillis(),
              Range.between(1, Duration.ofHours(1).toMillis()),
              Importance.MEDIUM,
              "Longest a buffered record waits (wall clock) for its micro-batch to fill before"
                  + " the batch runs anyway.")
          .define(
              IMAGE_PROCESSORS,
              Type.LIST,
              DEFAULT_IMAGE_PROCESSORS,
              (name, value) -> imageSteps(name, value),
              Importance.HIGH,
              "Image model processors that run for every source, in this order whatever the"
                  + " order here: detection (NanoDet, COCO-80 objects), faces (BlazeFace), ocr"
                  + " (PP-OCR), caption (the scene describer, or caption.model.dir). Empty: the"
                  + " image header only. Override per source with"
                  + " source.<sourceId>.image.processors; place each on a device with"
                  + " processor.<name>.device.")
          .define(
              IMAGE_PRIVACY_BLUR,
              Type.BOOLEAN,
              false,
              Importance.MEDIUM,
              "Privacy switch: publish a copy of every image with its faces blurred to"
                  + " images.redacted (same key). Runs the faces processor too. Override per source"
                  + " with source.<sourceId>.image.privacy.blur.")
          .define(
              IMAGE_MODELS_MISSING,
              Type.STRING,
              MISSING_FAIL,
              ValidString.in(MISSING_FAIL, MISSING_SKIP),
              Importance.MEDIUM,
              "When an image processor's model is not in the model cache at start-up: fail"
                  + " (start-up stops, saying which `streamsight models fetch` is needed) or skip"
                  + " (the processor is disabled for every source, with a warning in the log).")
          .define(
              DETECTION_SCORE_THRESHOLD,
              Type.DOUBLE,
              (double) DetectionSettings.DEFAULT_SCORE_THRESHOLD,
              Range.between(0.0, 1.0),
              Importance.MEDIUM,
              "Lowest score of an object detection kept, for classes without their own"
                  + " threshold.")
          .define(
              DETECTION_CLASS_THRESHOLDS,
              Type.LIST,
              "",
              (name, value) -> classThresholds(name, value),
              Importance.LOW,
              "Per-class score thresholds as label:score, e.g. dog:0.5,bird:0.5 (COCO labels).")
          .define(
              DETECTION_NMS_IOU,
              Type.DOUBLE,
              (double) DetectionSettings.DEFAULT_NMS_IOU,
              Range.between(0.0, 1.0),
              Importance.LOW,
              "Class-wise non-maximum suppression: of two boxes of one class overlapping by more"
                  + " than this IoU, the lower-scored one is dropped.")
          .define(
              DETECTION_MAX_DETECTIONS,
              Type.INT,
              DetectionSettings.DEFAULT_MAX_DETECTIONS,
              Range.atLeast(1),
              Importance.LOW,
              "Most objects reported per image, best first.")
          .define(
              DETECTION_CLASSES,
              Type.LIST,
              "",
              (name, value) -> cocoLabels(name, value),
              Importance.MEDIUM,
              "Object classes reported (COCO labels, e.g. person,car,truck); empty reports all"
                  + " 80.")
          .define(
              DETECTION_DUPLICATE_IOU,
              Type.DOUBLE,
              (double) DetectionSettings.DEFAULT_DUPLICATE_IOU,
              Range.between(0.0, 1.0),
              Importance.LOW,
              "Two detections of different classes overlapping by more than this IoU are one"
                  + " object labelled twice (NanoDet's horse/cow): only the better label is kept."
                  + " 1 keeps both.")
          .define(
              FACES_MODEL,
              Type.STRING,
              FaceModels.BOTH.configName(),
              ValidString.in("front", "back", "both"),
              Importance.MEDIUM,
              "BlazeFace model(s) of the faces processor: front (128x128, faces filling part of"
                  + " the frame), back (256x256, also small and distant faces) or both, merged.")
          .define(
              FACES_SCORE_THRESHOLD,
              Type.DOUBLE,
              (double) FaceSettings.DEFAULT_SCORE_THRESHOLD,
              Range.between(0.0, 1.0),
              Importance.LOW,
              "Lowest face score kept.")
          .define(
              FACES_NMS_IOU,
              Type.DOUBLE,
              (double) FaceSettings.DEFAULT_NMS_IOU,
              Range.between(0.0, 1.0),
              Importance.LOW,
              "Faces overlapping by more than this IoU are merged into one (weighted by score).")
          .define(
              OCR_RECOGNIZER,
              Type.STRING,
              "v4",
              ValidString.in("v4", "v3"),
              Importance.LOW,
              "PP-OCR recognition model: v4 (most accurate on characters) or v3 (keeps word"
                  + " spaces better on photographed pages).")
          .define(
              OCR_MAX_SIDE,
              Type.INT,
              OcrSettings.defaults().maxSideLength(),
              Range.between(32, 8192),
              Importance.LOW,
              "The OCR text detector sees each image scaled down to this long side (pixels):"
                  + " detection is most of OCR's time and grows with its square.")
          .define(
              OCR_CLASSIFY_ANGLE,
              Type.BOOLEAN,
              true,
              Importance.LOW,
              "Run PP-OCR's angle classifier and read lines it finds upside down turned.")
          .define(
              OCR_MIN_TEXT_SCORE,
              Type.DOUBLE,
              (double) OcrSettings.defaults().minTextScore(),
              Range.between(0.0, 1.0),
              Importance.LOW,
              "Text lines recognised with a lower confidence are dropped.")
          .define(
              CAPTION_MODEL_DIR,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "Folder of an ONNX encoder-decoder captioning model in Hugging Face Optimum's"
                  + " layout (encoder_model.onnx, decoder_model.onnx, tokenizer.json, ...). Empty:"
                  + " the caption processor is the scene describer, a template that writes one"
                  + " sentence from the detections, faces and text (not a model).")
          .define(
              CAPTION_BEAMS,
              Type.INT,
              0,
              Range.between(0, 64),
              Importance.LOW,
              "Beams of the captioning model's search (1 is greedy); 0 takes the model's"
                  + " generation config.")
          .define(
              CAPTION_MAX_TOKENS,
              Type.INT,
              0,
              Range.between(0, 1024),
              Importance.LOW,
              "Most tokens per caption of the captioning model; 0 takes the model's generation"
                  + " config.")
          .define(
              BEHAVIOR_ENABLED,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Run the surveillance behaviour topology: frames on video.frames of cameras with a"
                  + " config on the camera-config topic are detected (NanoDet), tracked (ByteTrack)"
                  + " and checked against the camera's rules. Loads NanoDet and BlazePose-lite at"
                  + " start-up.")
          .define(
              BEHAVIOR_DETECTION_THRESHOLD,
              Type.DOUBLE,
              0.1,
              Range.between(0.0, 1.0),
              Importance.LOW,
              "Lowest detection score passed to the tracker. ByteTrack keeps existing tracks"
                  + " alive on detections between this and the camera's tracker.lowScore..highScore;"
                  + " only those at or above newTrackScore start tracks.")
          .define(
              BEHAVIOR_POSE_ENABLED,
              Type.BOOLEAN,
              true,
              Importance.LOW,
              "Load BlazePose-lite and run it on fall candidates (fall rules with \"pose\":"
                  + " true); false uses the box cues (aspect, drop) alone.")
          .define(
              BEHAVIOR_COUNT_WINDOW_MS,
              Type.LONG,
              10_000L,
              Range.between(1, Duration.ofDays(1).toMillis()),
              Importance.MEDIUM,
              "Size of the tumbling event-time windows of behavior.counts (occupancy over time,"
                  + " line crossings), by frame capture time.")
          .define(
              BEHAVIOR_COUNT_GRACE_MS,
              Type.LONG,
              0L,
              Range.between(0, Duration.ofDays(1).toMillis()),
              Importance.LOW,
              "How late (capture time behind the newest frame of the partition) a frame may be and"
                  + " still count in its window; a window's counts are emitted once its end plus"
                  + " the grace has passed.")
          .define(
              BEHAVIOR_RECENT_EVENTS,
              Type.INT,
              100,
              Range.between(1, 100_000),
              Importance.LOW,
              "Behaviour events kept per camera for the HTTP API's recent-events query.")
          .define(
              HTTP_PORT,
              Type.INT,
              -1,
              Range.between(-1, 65535),
              Importance.MEDIUM,
              "Port of the live-query HTTP API (occupancy, active tracks, recent events per"
                  + " camera, answered across instances); -1 disables it, 0 picks a free port. It is"
                  + " also this instance's application.server, where other instances forward"
                  + " queries for the cameras it owns.")
          .define(
              HTTP_HOST,
              Type.STRING,
              "localhost",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Host name other instances reach this instance's HTTP API at (advertised as"
                  + " application.server); the server listens on all interfaces.")
          .define(
              AUDIO_SPEECH_ENABLED,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Find speech in audio events (Silero VAD, model silero-vad-v5 from the model cache)"
                  + " and recognise it (audio.recognizer). false: transcripts carry the audio"
                  + " format only.")
          .define(
              AUDIO_RECOGNIZER,
              Type.STRING,
              RECOGNIZER_SPHINX,
              ValidString.in(RECOGNIZER_SPHINX, RECOGNIZER_WHISPER, RECOGNIZER_NONE),
              Importance.MEDIUM,
              "Speech recogniser: sphinx (CMU Sphinx4 en-US, CPU; general language model, or"
                  + " the pharmacy grammar for pharmacy sources), whisper (an ONNX export in"
                  + " audio.whisper.dir; device processor.audio-asr.device), or none (speech"
                  + " segments without text).")
          .define(
              AUDIO_WHISPER_DIR,
              Type.STRING,
              "",
              Importance.LOW,
              "Folder of a Whisper model exported by Hugging Face Optimum (encoder, decoder,"
                  + " tokenizer, configs); required when audio.recognizer=whisper.")
          .define(
              AUDIO_PHARMACY_SOURCES,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Audio sources that speak medication orders: source ids, or prefixes ending in *"
                  + " (pharmacy-*). Events with attribute kind=order are too. Their speech is"
                  + " recognised with the pharmacy grammar and their transcripts become typed"
                  + " orders (TextEvent kind order on text.raw) for the pharmacy topology.")
          .define(
              AUDIO_PHARMACY_GRAMMAR,
              Type.BOOLEAN,
              true,
              Importance.LOW,
              "Recognise pharmacy sources with a grammar of the sample formulary's drug names"
                  + " and the sig vocabulary (Sphinx only); false uses the general model.")
          .define(
              AUDIO_VAD_THRESHOLD,
              Type.DOUBLE,
              0.5,
              Range.between(0.01, 0.99),
              Importance.LOW,
              "Speech probability at which a 32 ms chunk starts or continues speech.")
          .define(
              AUDIO_VAD_NEG_THRESHOLD,
              Type.DOUBLE,
              0.35,
              Range.between(0.01, 0.99),
              Importance.LOW,
              "Speech ends only after chunks below this probability (at most"
                  + " audio.vad.threshold).")
          .define(
              AUDIO_VAD_MIN_SPEECH_MS,
              Type.INT,
              250,
              Range.between(0, 10_000),
              Importance.LOW,
              "Shorter speech is dropped.")
          .define(
              AUDIO_VAD_MIN_SILENCE_MS,
              Type.INT,
              100,
              Range.between(0, 10_000),
              Importance.LOW,
              "Silence that ends speech; shorter pauses stay inside a segment.")
          .define(
              AUDIO_PHARMACY_MIN_SILENCE_MS,
              Type.INT,
              1_000,
              Range.between(0, 10_000),
              Importance.LOW,
              "Silence that ends speech from a pharmacy source: a spoken order is one utterance"
                  + " even when the speaker pauses (the pharmacy grammar reads an order drug"
                  + " first, so the second half of a split order cannot be read).")
          .define(
              AUDIO_VAD_SPEECH_PAD_MS,
              Type.INT,
              30,
              Range.between(0, 10_000),
              Importance.LOW,
              "Padding added on each side of a segment; at most audio.vad.min.silence.ms.")
          .define(
              AUDIO_VAD_MAX_SPEECH_MS,
              Type.INT,
              15_000,
              Range.between(1_000, 25_000),
              Importance.LOW,
              "Longer speech is split. Bounds one recognition call and the open segment kept"
                  + " in the VAD state store (16-bit audio; a changelog record stays under 1 MB).")
          .define(
              AUDIO_BATCH_MAX_SIZE,
              Type.INT,
              1,
              Range.between(1, 256),
              Importance.MEDIUM,
              "Audio events per micro-batch of the speech step (the VAD runs the batch's"
                  + " sources in one model call per chunk). A batch takes up to"
                  + " audio.batch.max.size x audio.max.event.ms x audio.recognizer.max.rtf.")
          .define(
              AUDIO_MAX_EVENT_MS,
              Type.LONG,
              60_000L,
              Range.between(1_000, 3_600_000),
              Importance.MEDIUM,
              "Longest audio event recognised; longer ones are dead-lettered (publish long"
                  + " recordings as chunks of one source).")
          .define(
              AUDIO_RECOGNIZER_MAX_RTF,
              Type.DOUBLE,
              4.0,
              Range.between(0.01, 100),
              Importance.LOW,
              "Slowest real-time factor (processing time / audio time) to plan for. With"
                  + " speech on, the consumer's max.poll.interval.ms is raised, unless set, to"
                  + " twice the longest batch (batch x max event x this), so a slow batch never"
                  + " makes the instance leave its group.");

  /** Keys that configure Streamsight itself and never reach a Kafka client. */
  private static final Set<String> OWN_KEYS =
      Set.of(
          EMBEDDED_DATA_DIR,
          EMBEDDED_PORT,
          TOPICS_CREATE,
          TOPICS_PARTITIONS,
          TOPICS_REPLICATION_FACTOR,
          SHUTDOWN_TIMEOUT_MS,
          SHUTDOWN_LEAVE_GROUP,
          IMAGE_MAX_BYTES,
          IMAGE_MAX_PIXELS,
          AUDIO_MAX_BYTES,
          TEXT_MAX_CHARS,
          CLAIMCHECK_THRESHOLD_BYTES,
          CLAIMCHECK_DIR,
          MODELS_DIR,
          FORMULARY_SAMPLE,
          INFERENCE_INTRA_OP_THREADS,
          INFERENCE_INTER_OP_THREADS,
          BATCH_MAX_SIZE,
          BATCH_MAX_DELAY_MS,
          IMAGE_PROCESSORS,
          IMAGE_PRIVACY_BLUR,
          IMAGE_MODELS_MISSING,
          DETECTION_SCORE_THRESHOLD,
          DETECTION_CLASS_THRESHOLDS,
          DETECTION_NMS_IOU,
          DETECTION_MAX_DETECTIONS,
          DETECTION_CLASSES,
          DETECTION_DUPLICATE_IOU,
          FACES_MODEL,
          FACES_SCORE_THRESHOLD,
          FACES_NMS_IOU,
          OCR_RECOGNIZER,
          OCR_MAX_SIDE,
          OCR_CLASSIFY_ANGLE,
          OCR_MIN_TEXT_SCORE,
          CAPTION_MODEL_DIR,
          CAPTION_BEAMS,
          CAPTION_MAX_TOKENS,
          BEHAVIOR_ENABLED,
          BEHAVIOR_DETECTION_THRESHOLD,
          BEHAVIOR_POSE_ENABLED,
          BEHAVIOR_COUNT_WINDOW_MS,
          BEHAVIOR_COUNT_GRACE_MS,
          BEHAVIOR_RECENT_EVENTS,
          HTTP_PORT,
          HTTP_HOST,
          AUDIO_SPEECH_ENABLED,
          AUDIO_RECOGNIZER,
          AUDIO_WHISPER_DIR,
          AUDIO_PHARMACY_SOURCES,
          AUDIO_PHARMACY_GRAMMAR,
          AUDIO_PHARMACY_MIN_SILENCE_MS,
          AUDIO_VAD_THRESHOLD,
          AUDIO_VAD_NEG_THRESHOLD,
          AUDIO_VAD_MIN_SPEECH_MS,
          AUDIO_VAD_MIN_SILENCE_MS,
          AUDIO_VAD_SPEECH_PAD_MS,
          AUDIO_VAD_MAX_SPEECH_MS,
          AUDIO_BATCH_MAX_SIZE,
          AUDIO_MAX_EVENT_MS,
          AUDIO_RECOGNIZER_MAX_RTF);

  public StreamsightConfig(Map<String, ?> values) {
    super(DEFINITION, values, false);
    originals()
        .forEach(
            (key, value) -> {
              String processor = deviceKeyProcessor(key);
              if (processor != null) {
                parsePlacement(processor, key, value);
              }
              String source = sourceKeySource(key, SOURCE_PROCESSORS_SUFFIX);
              if (source != null) {
                imageSteps(key, splitList(value));
              }
              if (sourceKeySource(key, SOURCE_BLUR_SUFFIX) != null) {
                parseBoolean(key, value);
              }
            });
  }

  /** Whether no cluster is configured, so an embedded broker must be started. */
  public boolean useEmbeddedBroker() {
    return bootstrapServers().isBlank();
  }

  public String bootstrapServers() {
    return getString(BOOTSTRAP_SERVERS).trim();
  }

  public String applicationId() {
    return getString(APPLICATION_ID);
  }

  public String processingGuarantee() {
    return getString(PROCESSING_GUARANTEE);
  }

  public String deadLetterTopic() {
    return getString(DLQ_TOPIC);
  }

  public boolean createTopics() {
    return getBoolean(TOPICS_CREATE);
  }

  public int topicPartitions() {
    return getInt(TOPICS_PARTITIONS);
  }

  public int topicReplicationFactor() {
    return getInt(TOPICS_REPLICATION_FACTOR);
  }

  /** The embedded broker's data folder, or null for a temporary one. */
  public Path embeddedDataDir() {
    String dir = getString(EMBEDDED_DATA_DIR);
    return dir.isBlank() ? null : Path.of(dir);
  }

  public int embeddedPort() {
    return getInt(EMBEDDED_PORT);
  }

  public long shutdownTimeoutMs() {
    return getLong(SHUTDOWN_TIMEOUT_MS);
  }

  public boolean shutdownLeaveGroup() {
    return getBoolean(SHUTDOWN_LEAVE_GROUP);
  }

  public long imageMaxBytes() {
    return getLong(IMAGE_MAX_BYTES);
  }

  public long imageMaxPixels() {
    return getLong(IMAGE_MAX_PIXELS);
  }

  public long audioMaxBytes() {
    return getLong(AUDIO_MAX_BYTES);
  }

  public int textMaxChars() {
    return getInt(TEXT_MAX_CHARS);
  }

  public int claimCheckThresholdBytes() {
    return getInt(CLAIMCHECK_THRESHOLD_BYTES);
  }

  /** The model cache folder: {@code models.dir}, else the model cache's own default. */
  public Path modelsDir() {
    return ModelCache.configuredRoot(getString(MODELS_DIR));
  }

  public boolean publishSampleFormulary() {
    return getBoolean(FORMULARY_SAMPLE);
  }

  public Path claimCheckDir() {
    return Path.of(getString(CLAIMCHECK_DIR));
  }

  /**
   * ONNX Runtime threads per model session: the configured values, or derived from {@code
   * num.stream.threads} and this machine's cores ({@code Runtime.availableProcessors()}).
   */
  public OrtThreads ortThreads() {
    return OrtThreads.derive(
        getInt(INFERENCE_INTRA_OP_THREADS),
        getInt(INFERENCE_INTER_OP_THREADS),
        getInt(NUM_STREAM_THREADS),
        Runtime.getRuntime().availableProcessors());
  }

  public BatchSettings batchSettings() {
    return new BatchSettings(
        getInt(BATCH_MAX_SIZE), Duration.ofMillis(getLong(BATCH_MAX_DELAY_MS)));
  }

  public boolean behaviorEnabled() {
    return getBoolean(BEHAVIOR_ENABLED);
  }

  public float behaviorDetectionThreshold() {
    return getDouble(BEHAVIOR_DETECTION_THRESHOLD).floatValue();
  }

  public boolean behaviorPoseEnabled() {
    return getBoolean(BEHAVIOR_POSE_ENABLED);
  }

  public Duration behaviorCountWindow() {
    return Duration.ofMillis(getLong(BEHAVIOR_COUNT_WINDOW_MS));
  }

  public Duration behaviorCountGrace() {
    return Duration.ofMillis(getLong(BEHAVIOR_COUNT_GRACE_MS));
  }

  public int behaviorRecentEvents() {
    return getInt(BEHAVIOR_RECENT_EVENTS);
  }

  /** The HTTP API's port: -1 off, 0 any free port. */
  public int httpPort() {
    return getInt(HTTP_PORT);
  }

  public String httpHost() {
    return getString(HTTP_HOST);
  }

  public boolean audioSpeechEnabled() {
    return getBoolean(AUDIO_SPEECH_ENABLED);
  }

  /** {@code sphinx}, {@code whisper} or {@code none}. */
  public String audioRecognizer() {
    return getString(AUDIO_RECOGNIZER);
  }

  /** The Whisper export folder, or null when not set. */
  public Path audioWhisperDir() {
    String dir = getString(AUDIO_WHISPER_DIR);
    return dir.isBlank() ? null : Path.of(dir);
  }

  public List<String> audioPharmacySources() {
    return getList(AUDIO_PHARMACY_SOURCES).stream()
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  public boolean audioPharmacyGrammar() {
    return getBoolean(AUDIO_PHARMACY_GRAMMAR);
  }

  /**
   * The VAD's settings.
   *
   * @throws ConfigException when they contradict each other
   */
  public VadSettings vadSettings() {
    try {
      return new VadSettings(
          getDouble(AUDIO_VAD_THRESHOLD).floatValue(),
          getDouble(AUDIO_VAD_NEG_THRESHOLD).floatValue(),
          getInt(AUDIO_VAD_MIN_SPEECH_MS),
          getInt(AUDIO_VAD_MIN_SILENCE_MS),
          getInt(AUDIO_VAD_SPEECH_PAD_MS),
          getInt(AUDIO_VAD_MAX_SPEECH_MS));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("audio.vad.*: " + e.getMessage());
    }
  }

  /** The VAD's settings for pharmacy sources: speech ends after a longer silence. */
  public VadSettings pharmacyVadSettings() {
    return vadSettings().withMinSilenceMs(getInt(AUDIO_PHARMACY_MIN_SILENCE_MS));
  }

  /** Micro-batches of the speech step: {@code audio.batch.max.size}, {@code batch.max.delay.ms}. */
  public BatchSettings audioBatchSettings() {
    return new BatchSettings(
        getInt(AUDIO_BATCH_MAX_SIZE), Duration.ofMillis(getLong(BATCH_MAX_DELAY_MS)));
  }

  public long audioMaxEventMs() {
    return getLong(AUDIO_MAX_EVENT_MS);
  }

  /** Longest a speech batch may take: batch size x longest event x slowest real-time factor. */
  public long audioWorstBatchMs() {
    return (long)
        (getInt(AUDIO_BATCH_MAX_SIZE)
            * getLong(AUDIO_MAX_EVENT_MS)
            * getDouble(AUDIO_RECOGNIZER_MAX_RTF));
  }

  /** Where a processor's model runs: {@code processor.<name>.device}, {@code cpu} if unset. */
  public DevicePlacement devicePlacement(String processorName) {
    String key = PROCESSOR_PREFIX + processorName + DEVICE_SUFFIX;
    Object value = originals().get(key);
    return value == null
        ? DevicePlacement.cpu(processorName)
        : parsePlacement(processorName, key, value);
  }

  /**
   * Which image model processors run for which source, and where the privacy switch is on: {@code
   * image.processors} and {@code image.privacy.blur} for every source, overridden per source by
   * {@code source.<sourceId>.image.processors} and {@code source.<sourceId>.image.privacy.blur}.
   */
  public SourcePlans imagePlans() {
    List<String> defaults = getList(IMAGE_PROCESSORS);
    boolean blur = getBoolean(IMAGE_PRIVACY_BLUR);
    Map<String, List<String>> steps = new TreeMap<>();
    Map<String, Boolean> blurs = new TreeMap<>();
    originals()
        .forEach(
            (key, value) -> {
              String source = sourceKeySource(key, SOURCE_PROCESSORS_SUFFIX);
              if (source != null) {
                steps.put(source, splitList(value));
              }
              source = sourceKeySource(key, SOURCE_BLUR_SUFFIX);
              if (source != null) {
                blurs.put(source, parseBoolean(key, value));
              }
            });
    Map<String, SourcePlan> bySource = new TreeMap<>();
    for (String source : union(steps.keySet(), blurs.keySet())) {
      bySource.put(
          source,
          SourcePlan.of(steps.getOrDefault(source, defaults), blurs.getOrDefault(source, blur)));
    }
    return new SourcePlans(SourcePlan.of(defaults, blur), bySource);
  }

  /** The settings of every image model processor. */
  public VisionSettings visionSettings() {
    DetectionSettings detection =
        new DetectionSettings(
            getDouble(DETECTION_SCORE_THRESHOLD).floatValue(),
            DetectionSettings.parseClassThresholds(getList(DETECTION_CLASS_THRESHOLDS)),
            getDouble(DETECTION_NMS_IOU).floatValue(),
            getInt(DETECTION_MAX_DETECTIONS),
            Set.copyOf(getList(DETECTION_CLASSES)),
            getDouble(DETECTION_DUPLICATE_IOU).floatValue());
    FaceSettings faces =
        new FaceSettings(
            FaceModels.parse(getString(FACES_MODEL)),
            getDouble(FACES_SCORE_THRESHOLD).floatValue(),
            getDouble(FACES_NMS_IOU).floatValue(),
            FaceSettings.DEFAULT_MAX_FACES);
    OcrSettings ocr =
        OcrSettings.defaults().toBuilder()
            .recognizer(
                getString(OCR_RECOGNIZER).equals("v3")
                    ? OcrSettings.Recognizer.V3
                    : OcrSettings.Recognizer.V4)
            .maxSideLength(getInt(OCR_MAX_SIDE))
            .classifyAngle(getBoolean(OCR_CLASSIFY_ANGLE))
            .minTextScore(getDouble(OCR_MIN_TEXT_SCORE).floatValue())
            .build();
    String captionDir = getString(CAPTION_MODEL_DIR).strip();
    CaptionSettings caption = CaptionSettings.defaults();
    if (getInt(CAPTION_BEAMS) > 0) {
      caption = caption.withBeams(getInt(CAPTION_BEAMS));
    }
    if (getInt(CAPTION_MAX_TOKENS) > 0) {
      caption = caption.withMaxNewTokens(getInt(CAPTION_MAX_TOKENS));
    }
    return new VisionSettings(
        detection, faces, ocr, captionDir.isEmpty() ? null : Path.of(captionDir), caption);
  }

  /** Whether image processors whose models are missing are disabled rather than fatal. */
  public boolean skipUnavailableImageModels() {
    return MISSING_SKIP.equals(getString(IMAGE_MODELS_MISSING));
  }

  /** The source id of a {@code source.<id><suffix>} key, or null for any other key. */
  private static String sourceKeySource(String key, String suffix) {
    if (key.startsWith(SOURCE_PREFIX)
        && key.endsWith(suffix)
        && key.length() > SOURCE_PREFIX.length() + suffix.length()) {
      return key.substring(SOURCE_PREFIX.length(), key.length() - suffix.length());
    }
    return null;
  }

  private static boolean isSourceKey(String key) {
    return sourceKeySource(key, SOURCE_PROCESSORS_SUFFIX) != null
        || sourceKeySource(key, SOURCE_BLUR_SUFFIX) != null;
  }

  private static java.util.SortedSet<String> union(Set<String> a, Set<String> b) {
    java.util.SortedSet<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** A list value as given (a List from a ConfigDef, or a comma-separated string). */
  private static List<String> splitList(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).map(String::strip).toList();
    }
    String text = String.valueOf(value).strip();
    return text.isEmpty()
        ? List.of()
        : java.util.Arrays.stream(text.split(",", -1)).map(String::strip).toList();
  }

  private static boolean parseBoolean(String key, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(value).strip();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(key, value, "Expected value to be either true or false");
  }

  private static void imageSteps(String key, Object value) {
    for (String name : splitList(value)) {
      if (name.isEmpty()) {
        continue;
      }
      try {
        VisionStep.parse(name);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(key, value, e.getMessage());
      }
    }
  }

  private static void classThresholds(String key, Object value) {
    try {
      DetectionSettings.parseClassThresholds(splitList(value));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, value, e.getMessage());
    }
  }

  private static void cocoLabels(String key, Object value) {
    for (String label : splitList(value)) {
      if (!label.isEmpty() && !CocoLabels.contains(label)) {
        throw new ConfigException(
            key, value, "'" + label + "' is not a COCO label (person, bicycle, car, ...)");
      }
    }
  }

  /** The processor name of a {@code processor.<name>.device} key, or null for any other key. */
  private static String deviceKeyProcessor(String key) {
    if (key.startsWith(PROCESSOR_PREFIX)
        && key.endsWith(DEVICE_SUFFIX)
        && key.length() > PROCESSOR_PREFIX.length() + DEVICE_SUFFIX.length()) {
      return key.substring(PROCESSOR_PREFIX.length(), key.length() - DEVICE_SUFFIX.length());
    }
    return null;
  }

  private static DevicePlacement parsePlacement(String processorName, String key, Object value) {
    try {
      return DevicePlacement.parse(processorName, String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, value, e.getMessage());
    }
  }

  /**
   * Properties for any Kafka client (producer, consumer, admin): every key that is not
   * Streamsight's own, untouched, with {@code bootstrap.servers} set to the given address.
   */
  public Map<String, Object> kafkaClientProperties(String bootstrapServers) {
    Map<String, Object> props = new HashMap<>();
    originals()
        .forEach(
            (k, v) -> {
              if (!OWN_KEYS.contains(k) && deviceKeyProcessor(k) == null && !isSourceKey(k)) {
                props.put(k, v);
              }
            });
    props.put(BOOTSTRAP_SERVERS, bootstrapServers);
    return props;
  }

  /**
   * Kafka Streams properties: the client pass-through plus our typed values and the error handling
   * every Streamsight topology relies on (dead-letter queue, continue on bad records, explicit
   * naming of every internal resource).
   */
  @SuppressWarnings("deprecation") // the global-thread switch goes once it is Kafka's default
  public Map<String, Object> streamsProperties(String bootstrapServers) {
    Map<String, Object> props = kafkaClientProperties(bootstrapServers);
    props.put(APPLICATION_ID, applicationId());
    props.put(PROCESSING_GUARANTEE, processingGuarantee());
    props.put(NUM_STREAM_THREADS, getInt(NUM_STREAM_THREADS));
    props.put(STATE_DIR, getString(STATE_DIR));
    props.put(DLQ_TOPIC, deadLetterTopic());
    if (audioSpeechEnabled()) {
      // Recognition runs on the stream thread: poll at least twice as seldom as the slowest batch.
      long pollInterval = Math.max(300_000L, 2 * audioWorstBatchMs());
      String key = StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
      if (!props.containsKey(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG)
          && !props.containsKey(
              StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG))
          && !props.containsKey(key)) {
        props.put(key, (int) Math.min(Integer.MAX_VALUE, pollInterval));
      }
    }
    props.putIfAbsent(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class.getName());
    props.putIfAbsent(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        InferenceDeadLetterHandler.class.getName());
    props.putIfAbsent(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProductionExceptionHandler.class.getName());
    // Bad records on the formulary's GlobalKTables are dead-lettered too, not fatal.
    props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    return props;
  }

  /** Every defined key, in definition order, for {@code streamsight config}. */
  public static List<ConfigDef.ConfigKey> keys() {
    return List.copyOf(DEFINITION.configKeys().values());
  }
}
