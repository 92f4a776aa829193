package io.streamsight.schemas;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.EnrichedImage;
import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.MedicationOrder;
import io.streamsight.events.MedicationValidation;
import io.streamsight.events.TextEvent;
import io.streamsight.events.Transcript;
import io.streamsight.events.ZoneCounts;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serdes.StringSerde;

/**
 * The topic catalogue: every Streamsight topic with its key and value serdes. Immutable and
 * thread-safe; build one per application with {@link #create()} and pass it around.
 *
 * <p>Keys are strings (the source, camera or order id named in each schema's doc). Values are Avro
 * records in single-object encoding ({@link AvroSerde}), except on the dead-letter queue, which
 * holds the failed records' raw bytes as Kafka Streams' dead-letter-queue support (KIP-1034) writes
 * them, so its serdes are byte arrays.
 */
public final class Topics {

  /** Raw images in, keyed by sourceId: {@link ImageEvent}. */
  public static final String IMAGES_RAW = "images.raw";

  /**
   * Video frames in, keyed by camera id: {@link ImageEvent}s with a frame index, from {@code
   * streamsight ingest-video}; the behaviour topology's input (frames of cameras with a camera
   * config are tracked and checked against its rules).
   */
  public static final String VIDEO_FRAMES = "video.frames";

  /** Enriched images out, keyed by sourceId: {@link EnrichedImage}. */
  public static final String IMAGES_ENRICHED = "images.enriched";

  /**
   * Copies of images with every face blurred, for sources with the privacy switch on, keyed by
   * sourceId like the image they copy: {@link ImageEvent}.
   */
  public static final String IMAGES_REDACTED = "images.redacted";

  /** Raw audio in, keyed by sourceId: {@link AudioEvent}. */
  public static final String AUDIO_RAW = "audio.raw";

  /** Transcripts out, keyed by sourceId: {@link Transcript}. */
  public static final String AUDIO_TRANSCRIPTS = "audio.transcripts";

  /** Raw text in, keyed by sourceId: {@link TextEvent}. */
  public static final String TEXT_RAW = "text.raw";

  /** Normalised text out, keyed by sourceId: {@link TextEvent}. */
  public static final String TEXT_NORMALIZED = "text.normalized";

  /** Medication orders in, keyed by orderId: {@link MedicationOrder}. */
  public static final String PHARMACY_ORDERS = "pharmacy.orders";

  /** Medication order validations out, keyed by orderId: {@link MedicationValidation}. */
  public static final String PHARMACY_VALIDATIONS = "pharmacy.validations";

  /** The formulary, compacted, keyed by DIN: {@link FormularyProduct}. */
  public static final String FORMULARY = "formulary";

  /**
   * The formulary's name index, compacted, keyed by normalised name: {@link FormularyNameEntry}.
   */
  public static final String FORMULARY_NAMES = "formulary.names";

  /** Behaviour events out, keyed by cameraId: {@link BehaviorEvent}. */
  public static final String BEHAVIOR_EVENTS = "behavior.events";

  /**
   * Windowed counts per camera and zone or line (occupancy over time, in/out crossings), keyed by
   * cameraId: {@link ZoneCounts}.
   */
  public static final String BEHAVIOR_COUNTS = "behavior.counts";

  /**
   * Camera configs (zones, lines, rules), compacted, keyed by cameraId; the value is the
   * camera-config JSON itself (UTF-8 text), read as a GlobalKTable.
   */
  public static final String CAMERA_CONFIG = "camera-config";

  /**
   * Default dead-letter queue; the deployed name comes from the Kafka Streams setting {@code
   * errors.dead.letter.queue.topic.name}, passed to {@link #create(String)}.
   */
  public static final String DEAD_LETTER_QUEUE = "streamsight.dlq";

  private final Topic<String, ImageEvent> images;
  private final Topic<String, ImageEvent> videoFrames;
  private final Topic<String, EnrichedImage> enrichedImages;
  private final Topic<String, ImageEvent> redactedImages;
  private final Topic<String, AudioEvent> audio;
  private final Topic<String, Transcript> transcripts;
  private final Topic<String, TextEvent> text;
  private final Topic<String, TextEvent> normalizedText;
  private final Topic<String, MedicationOrder> orders;
  private final Topic<String, MedicationValidation> validations;
  private final Topic<String, BehaviorEvent> behaviorEvents;
  private final Topic<String, ZoneCounts> behaviorCounts;
  private final Topic<String, String> cameraConfig;
  private final Topic<String, FormularyProduct> formulary;
  private final Topic<String, FormularyNameEntry> formularyNames;
  private final Topic<byte[], byte[]> deadLetters;
  private final List<Topic<?, ?>> all;

  private Topics(SchemaStore store, String deadLetterTopic) {
    // One String serde and one serde per record type, shared by the topics that carry it.
    Serde<String> keys = new StringSerde();
    AvroSerde<TextEvent> textEvents = AvroSerde.of(TextEvent.class, store);
    AvroSerde<ImageEvent> imageEvents = AvroSerde.of(ImageEvent.class, store);
    this.images = new Topic<>(IMAGES_RAW, keys, imageEvents);
    this.videoFrames = new Topic<>(VIDEO_FRAMES, keys, imageEvents);
    this.enrichedImages =
        new Topic<>(IMAGES_ENRICHED, keys, AvroSerde.of(EnrichedImage.class, store));
    this.redactedImages = new Topic<>(IMAGES_REDACTED, keys, imageEvents);
    this.audio = new Topic<>(AUDIO_RAW, keys, AvroSerde.of(AudioEvent.class, store));
    this.transcripts = new Topic<>(AUDIO_TRANSCRIPTS, keys, AvroSerde.of(Transcript.class, store));
    this.text = new Topic<>(TEXT_RAW, keys, textEvents);
    this.normalizedText = new Topic<>(TEXT_NORMALIZED, keys, textEvents);
    this.orders = new Topic<>(PHARMACY_ORDERS, keys, AvroSerde.of(MedicationOrder.class, store));
    this.validations =
        new Topic<>(PHARMACY_VALIDATIONS, keys, AvroSerde.of(MedicationValidation.class, store));
    this.behaviorEvents =
        new Topic<>(BEHAVIOR_EVENTS, keys, AvroSerde.of(BehaviorEvent.class, store));
    this.behaviorCounts = new Topic<>(BEHAVIOR_COUNTS, keys, AvroSerde.of(ZoneCounts.class, store));
    this.cameraConfig = new Topic<>(CAMERA_CONFIG, keys, new StringSerde());
    this.formulary = new Topic<>(FORMULARY, keys, AvroSerde.of(FormularyProduct.class, store));
    this.formularyNames =
        new Topic<>(FORMULARY_NAMES, keys, AvroSerde.of(FormularyNameEntry.class, store));
    this.deadLetters = new Topic<>(deadLetterTopic, Serdes.ByteArray(), Serdes.ByteArray());
    this.all =
        List.of(
            images,
            videoFrames,
            enrichedImages,
            redactedImages,
            audio,
            transcripts,
            text,
            normalizedText,
            orders,
            validations,
            behaviorEvents,
            behaviorCounts,
            cameraConfig,
            formulary,
            formularyNames,
            deadLetters);
    requireDistinctNames(all);
  }

  /** The catalogue with the default dead-letter queue {@value #DEAD_LETTER_QUEUE}. */
  public static Topics create() {
    return create(DEAD_LETTER_QUEUE);
  }

  /**
   * The catalogue with the given dead-letter queue name (the value of {@code
   * errors.dead.letter.queue.topic.name}).
   *
   * @throws IllegalArgumentException when the name is not a legal topic name or is another
   *     catalogue topic
   */
  public static Topics create(String deadLetterTopic) {
    return create(SchemaStore.load(), deadLetterTopic);
  }

  /**
   * The catalogue with serdes that read the versions in {@code store}; for tests and tools.
   *
   * @throws IllegalArgumentException as {@link #create(String)}
   */
  public static Topics create(SchemaStore store, String deadLetterTopic) {
    return new Topics(Objects.requireNonNull(store, "store"), deadLetterTopic);
  }

  /** {@value #IMAGES_RAW}: String → {@link ImageEvent}. */
  public Topic<String, ImageEvent> images() {
    return images;
  }

  /** {@value #VIDEO_FRAMES}: camera id → {@link ImageEvent} (video frames). */
  public Topic<String, ImageEvent> videoFrames() {
    return videoFrames;
  }

  /** {@value #IMAGES_ENRICHED}: String → {@link EnrichedImage}. */
  public Topic<String, EnrichedImage> enrichedImages() {
    return enrichedImages;
  }

  /** {@value #IMAGES_REDACTED}: String → {@link ImageEvent}, faces blurred. */
  public Topic<String, ImageEvent> redactedImages() {
    return redactedImages;
  }

  /** {@value #AUDIO_RAW}: String → {@link AudioEvent}. */
  public Topic<String, AudioEvent> audio() {
    return audio;
  }

  /** {@value #AUDIO_TRANSCRIPTS}: String → {@link Transcript}. */
  public Topic<String, Transcript> transcripts() {
    return transcripts;
  }

  /** {@value #TEXT_RAW}: String → {@link TextEvent}. */
  public Topic<String, TextEvent> text() {
    return text;
  }

  /** {@value #TEXT_NORMALIZED}: String → {@link TextEvent}, NFC-normalised. */
  public Topic<String, TextEvent> normalizedText() {
    return normalizedText;
  }

  /** {@value #PHARMACY_ORDERS}: String → {@link MedicationOrder}. */
  public Topic<String, MedicationOrder> orders() {
    return orders;
  }

  /** {@value #PHARMACY_VALIDATIONS}: String → {@link MedicationValidation}. */
  public Topic<String, MedicationValidation> validations() {
    return validations;
  }

  /** {@value #FORMULARY}: DIN → {@link FormularyProduct}; compacted, read as a GlobalKTable. */
  public Topic<String, FormularyProduct> formulary() {
    return formulary;
  }

  /** {@value #FORMULARY_NAMES}: normalised name → {@link FormularyNameEntry}; compacted. */
  public Topic<String, FormularyNameEntry> formularyNames() {
    return formularyNames;
  }

  /** The topics that hold the latest value per key (reference data): created compacted. */
  public List<Topic<?, ?>> compacted() {
    return List.of(formulary, formularyNames, cameraConfig);
  }

  /** {@value #BEHAVIOR_EVENTS}: String → {@link BehaviorEvent}. */
  public Topic<String, BehaviorEvent> behaviorEvents() {
    return behaviorEvents;
  }

  /** {@value #BEHAVIOR_COUNTS}: String → {@link ZoneCounts}, one record per closed window. */
  public Topic<String, ZoneCounts> behaviorCounts() {
    return behaviorCounts;
  }

  /**
   * {@value #CAMERA_CONFIG}: cameraId → camera-config JSON; compacted, read as a GlobalKTable. A
   * tombstone removes the camera's config (and stops its analysis).
   */
  public Topic<String, String> cameraConfig() {
    return cameraConfig;
  }

  /**
   * The dead-letter queue (default {@value #DEAD_LETTER_QUEUE}): byte[] → byte[], the raw key and
   * value of records that could not be processed.
   */
  public Topic<byte[], byte[]> deadLetters() {
    return deadLetters;
  }

  /** Every topic: inputs and outputs in pipeline order, the dead-letter queue last. Immutable. */
  public List<Topic<?, ?>> all() {
    return all;
  }

  /** The topic with this name, or empty when it is not in the catalogue. */
  public Optional<Topic<?, ?>> byName(String name) {
    return all.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private static void requireDistinctNames(List<Topic<?, ?>> topics) {
    Set<String> seen = new HashSet<>();
    for (Topic<?, ?> topic : topics) {
      if (!seen.add(topic.name())) {
        throw new IllegalArgumentException(
            "topic name '" + topic.name() + "' is used twice in the catalogue");
      }
    }
  }
}
