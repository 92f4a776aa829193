package io.streamsight.processors.audio;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.AudioInfo;
import io.streamsight.events.EventRef;
import io.streamsight.events.ModelProvenance;
import io.streamsight.events.Transcript;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import io.streamsight.processors.payload.PayloadResolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The first audio step: one {@link Transcript} per {@link AudioEvent}, carrying the {@link
 * AudioInfo} read from the recording, no segments, empty text, no language yet, and one {@link
 * ModelProvenance} entry {@code audio-header} (device {@code cpu}, {@code inferenceMs} = time spent
 * resolving and inspecting the payload).
 *
 * <p>Bad input is not caught: {@link RejectedInputException} from {@link PayloadResolver} or {@link
 * AudioInspector} propagates to the processing exception handler, which dead-letters the source
 * record. A record without a value (a tombstone) is rejected as {@link Reason#EMPTY}. Key and
 * timestamp are kept; use with {@code processValues}.
 */
public final class AudioEnricher implements FixedKeyProcessor<String, AudioEvent, Transcript> {

  /** Name of this step in {@link ModelProvenance#getName()}. */
  public static final String STEP_NAME = "audio-header";

  /** Version of this step in {@link ModelProvenance#getVersion()}. */
  public static final String STEP_VERSION = "1";

  private final PayloadResolver payloads;
  private final AudioInspector inspector;
  private FixedKeyProcessorContext<String, Transcript> context;

  /**
   * @param payloads resolves inline bytes and claim checks (limit: {@code audio.max.bytes})
   * @param inspector reads and checks the recording
   */
  public AudioEnricher(PayloadResolver payloads, AudioInspector inspector) {
    this.payloads = requireNonNull(payloads, "payloads");
    this.inspector = requireNonNull(inspector, "inspector");
  }

  /**
   * A supplier for {@code KStream#processValues}: a new processor for every {@code get()}, all
   * sharing the given (stateless, thread-safe) resolver and inspector.
   */
  public static FixedKeyProcessorSupplier<String, AudioEvent, Transcript> supplier(
      PayloadResolver payloads, AudioInspector inspector) {
    requireNonNull(payloads, "payloads");
    requireNonNull(inspector, "inspector");
    return () -> new AudioEnricher(payloads, inspector);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Transcript> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, AudioEvent> record) {
    AudioEvent event = record.value();
    long start = System.nanoTime();
    AudioInfo info = inspect(event, payloads, inspector);
    double inferenceMs = (System.nanoTime() - start) / 1e6;

    Transcript transcript =
        Transcript.newBuilder()
            .setSource(ref(event))
            .setAudio(info)
            .setSegments(new ArrayList<>())
            .setText("")
            .setLanguage(null)
            // Mutable: later steps append their own provenance to this list.
            .setModels(
                new ArrayList<>(
                    List.of(
                        ModelProvenance.newBuilder()
                            .setName(STEP_NAME)
                            .setVersion(STEP_VERSION)
                            .setSha256(null)
                            .setDevice("cpu")
                            .setInferenceMs(inferenceMs)
                            .build())))
            .setAttributes(copy(event.getAttributes()))
            .setProcessedTime(Instant.ofEpochMilli(context.currentSystemTimeMs()))
            .build();
    context.forward(record.withValue(transcript));
  }

  /**
   * The format of an event's recording, read from its header (or its declared raw encoding).
   *
   * @throws RejectedInputException when there is no event ({@link Reason#EMPTY}) or its payload
   *     cannot be resolved or read
   */
  static AudioInfo inspect(AudioEvent event, PayloadResolver payloads, AudioInspector inspector) {
    if (event == null) {
      throw new RejectedInputException(Reason.EMPTY, "audio record has no value");
    }
    return inspector.inspect(
        payloads.resolve(event.getPayload()),
        event.getEncoding(),
        event.getSampleRate(),
        event.getChannels());
  }

  /** What a transcript says it was made from: the event, its source and its chunk index. */
  static EventRef ref(AudioEvent event) {
    return EventRef.newBuilder()
        .setEventId(event.getEventId())
        .setSourceId(event.getSourceId())
        .setCaptureTime(event.getCaptureTime())
        .setSequence(event.getChunkIndex())
        .build();
  }

  private static Map<String, String> copy(Map<String, String> attributes) {
    return attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
  }
}
