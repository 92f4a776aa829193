package io.streamsight.processors.image;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.EnrichedImage;
import io.streamsight.events.EventRef;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.ImageInfo;
import io.streamsight.events.ModelProvenance;
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
 * The first image step: one {@link EnrichedImage} per {@link ImageEvent}, carrying the {@link
 * ImageInfo} read from the image header, no detections, faces, text or caption yet, and one {@link
 * ModelProvenance} entry {@code image-header} (device {@code cpu}, {@code inferenceMs} = time spent
 * resolving and inspecting the payload).
 *
 * <p>Bad input is not caught: {@link RejectedInputException} from {@link PayloadResolver} or {@link
 * ImageInspector} propagates to the processing exception handler, which dead-letters the source
 * record. A record without a value (a tombstone) is rejected as {@link Reason#EMPTY}. Key and
 * timestamp are kept; use with {@code processValues}.
 */
public final class ImageEnricher implements FixedKeyProcessor<String, ImageEvent, EnrichedImage> {

  /** Name of this step in {@link ModelProvenance#getName()}. */
  public static final String STEP_NAME = "image-header";

  /** Version of this step in {@link ModelProvenance#getVersion()}. */
  public static final String STEP_VERSION = "1";

  private final PayloadResolver payloads;
  private final ImageInspector inspector;
  private FixedKeyProcessorContext<String, EnrichedImage> context;

  /**
   * @param payloads resolves inline bytes and claim checks (limit: {@code image.max.bytes})
   * @param inspector reads and checks the image
   */
  public ImageEnricher(PayloadResolver payloads, ImageInspector inspector) {
    this.payloads = requireNonNull(payloads, "payloads");
    this.inspector = requireNonNull(inspector, "inspector");
  }

  /**
   * A supplier for {@code KStream#processValues}: a new processor for every {@code get()}, all
   * sharing the given (stateless, thread-safe) resolver and inspector.
   */
  public static FixedKeyProcessorSupplier<String, ImageEvent, EnrichedImage> supplier(
      PayloadResolver payloads, ImageInspector inspector) {
    requireNonNull(payloads, "payloads");
    requireNonNull(inspector, "inspector");
    return () -> new ImageEnricher(payloads, inspector);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedImage> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, ImageEvent> record) {
    ImageEvent event = record.value();
    long start = System.nanoTime();
    ImageInfo info = inspector.inspect(payload(event, payloads));
    double inferenceMs = (System.nanoTime() - start) / 1e6;

    EnrichedImage enriched =
        builder(event, info, inferenceMs, context.currentSystemTimeMs()).build();
    context.forward(record.withValue(enriched));
  }

  /**
   * The enriched record of an image whose header step is done, still open for the model steps'
   * results: source reference, image info, no model results yet, and the {@value #STEP_NAME}
   * provenance entry first in a mutable list that later steps append to.
   *
   * @param headerMs time spent resolving, inspecting (and, in the model path, decoding) the image
   * @param nowMs the enrichment time, epoch milliseconds
   */
  public static EnrichedImage.Builder builder(
      ImageEvent event, ImageInfo info, double headerMs, long nowMs) {
    return EnrichedImage.newBuilder()
        .setSource(
            EventRef.newBuilder()
                .setEventId(event.getEventId())
                .setSourceId(event.getSourceId())
                .setCaptureTime(event.getCaptureTime())
                .setSequence(event.getFrameIndex())
                .build())
        .setImage(info)
        .setDetections(new ArrayList<>())
        .setFaces(new ArrayList<>())
        .setTextRegions(new ArrayList<>())
        .setFullText(null)
        .setCaption(null)
        // Mutable: later steps append their own provenance to this list.
        .setModels(new ArrayList<>(List.of(provenance(headerMs))))
        .setAttributes(copy(event.getAttributes()))
        .setEnrichedTime(Instant.ofEpochMilli(nowMs));
  }

  /**
   * The encoded image of an event.
   *
   * @throws RejectedInputException {@link Reason#EMPTY} for a record without a value (a tombstone),
   *     and whatever {@link PayloadResolver#resolve} refuses
   */
  public static byte[] payload(ImageEvent event, PayloadResolver payloads) {
    if (event == null) {
      throw new RejectedInputException(Reason.EMPTY, "image record has no value");
    }
    return payloads.resolve(event.getPayload());
  }

  /** The provenance entry of this step: no model file, on the CPU, {@code ms} spent. */
  public static ModelProvenance provenance(double ms) {
    return ModelProvenance.newBuilder()
        .setName(STEP_NAME)
        .setVersion(STEP_VERSION)
        .setSha256(null)
        .setDevice("cpu")
        .setInferenceMs(ms)
        .build();
  }

  private static Map<String, String> copy(Map<String, String> attributes) {
    return attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
  }
}
