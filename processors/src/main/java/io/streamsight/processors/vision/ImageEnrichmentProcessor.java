package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.EnrichedImage;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.ModelProvenance;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.image.ImageEnricher;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.image.ImageInspector.DecodedImage;
import io.streamsight.processors.inference.BatchSettings;
import io.streamsight.processors.inference.MicroBatchProcessor;
import io.streamsight.processors.payload.PayloadResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The image pipeline's model node: buffers image events in micro-batches (a changelogged store, see
 * {@link MicroBatchProcessor}), then per batch decodes each image <em>once</em>, runs the model
 * steps its source's plan enables ({@link ImageAnalyzer}: detection, faces, OCR, caption, in that
 * order, each step batched over the images that need it), and forwards one {@link ImageOutputs} per
 * event: the enriched record (image-header provenance first, with the decode time, then one entry
 * per model with its share of the batch) and, for sources with the privacy switch, the face-blurred
 * copy.
 *
 * <p>Damaged pixel data found while decoding is a {@link RejectedInputException}: the batch is
 * retried record by record and the damaged record dead-lettered with its reason. The records reach
 * this node only after {@link io.streamsight.processors.image.ImageHeaderCheck}, so oversize and
 * unreadable images never get here.
 */
public final class ImageEnrichmentProcessor
    extends MicroBatchProcessor<String, ImageEvent, ImageOutputs> {

  private final PayloadResolver payloads;
  private final ImageInspector inspector;
  private final VisionModels models;
  private final SourcePlans plans;
  private final Redactor redactor;
  private ProcessorContext<String, ImageOutputs> context;
  private ImageAnalyzer analyzer;

  /** What the node needs besides its buffer. */
  public record Dependencies(
      PayloadResolver payloads,
      ImageInspector inspector,
      VisionModels models,
      SourcePlans plans,
      Redactor redactor) {

    public Dependencies {
      requireNonNull(payloads, "payloads");
      requireNonNull(inspector, "inspector");
      requireNonNull(models, "models");
      requireNonNull(plans, "plans");
      requireNonNull(redactor, "redactor");
    }
  }

  ImageEnrichmentProcessor(
      String storeName,
      BatchSettings batch,
      Serde<String> keySerde,
      Serde<ImageEvent> valueSerde,
      Dependencies deps) {
    super(storeName, batch, keySerde, valueSerde);
    this.payloads = deps.payloads();
    this.inspector = deps.inspector();
    this.models = deps.models();
    this.plans = deps.plans();
    this.redactor = deps.redactor();
  }

  /**
   * A supplier for {@code KStream#process}: a new processor (with its own predictors) per task, and
   * the buffer store, which Kafka Streams adds and connects.
   */
  public static ProcessorSupplier<String, ImageEvent, String, ImageOutputs> supplier(
      String storeName,
      BatchSettings batch,
      Serde<String> keySerde,
      Serde<ImageEvent> valueSerde,
      Dependencies deps) {
    requireNonNull(storeName, "storeName");
    requireNonNull(batch, "batch");
    requireNonNull(deps, "deps");
    return new ProcessorSupplier<>() {
      @Override
      public ImageEnrichmentProcessor get() {
        return new ImageEnrichmentProcessor(storeName, batch, keySerde, valueSerde, deps);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(bufferStore(storeName));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, ImageOutputs> context) {
    this.context = context;
    this.analyzer = new ImageAnalyzer(models);
    super.init(context);
  }

  @Override
  protected List<ImageOutputs> inferBatch(List<ImageEvent> events) {
    List<ImageWork> works = new ArrayList<>(events.size());
    List<DecodedImage> decoded = new ArrayList<>(events.size());
    double[] headerMs = new double[events.size()];
    for (int i = 0; i < events.size(); i++) {
      ImageEvent event = events.get(i);
      long start = System.nanoTime();
      DecodedImage image = inspector.decode(ImageEnricher.payload(event, payloads));
      decoded.add(image);
      works.add(new ImageWork(plans.forSource(event.getSourceId()), image.image()));
      headerMs[i] = (System.nanoTime() - start) / 1e6;
    }
    analyzer.analyze(works);
    long now = context.currentSystemTimeMs();
    List<ImageOutputs> outputs = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      ImageEvent event = events.get(i);
      ImageWork work = works.get(i);
      EnrichedImage.Builder header =
          ImageEnricher.builder(event, decoded.get(i).info(), headerMs[i], now);
      List<ModelProvenance> provenance = new ArrayList<>(header.getModels());
      provenance.addAll(work.models());
      EnrichedImage enriched =
          header
              .setDetections(new ArrayList<>(work.detections()))
              .setFaces(new ArrayList<>(work.faces()))
              .setTextRegions(new ArrayList<>(work.textRegions()))
              .setFullText(work.fullText())
              .setCaption(work.caption())
              .setModels(provenance)
              .build();
      ImageEvent redacted =
          work.redacted() == null
              ? null
              : redactor.redacted(
                  event, decoded.get(i).info().getFormat(), work.redacted(), work.faces().size());
      outputs.add(new ImageOutputs(enriched, redacted));
    }
    return outputs;
  }

  @Override
  public void close() {
    if (analyzer != null) {
      analyzer.close();
      analyzer = null;
    }
    super.close();
  }
}
