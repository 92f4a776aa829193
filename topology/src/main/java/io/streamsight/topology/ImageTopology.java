package io.streamsight.topology;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.ImageEvent;
import io.streamsight.processors.image.ImageEnricher;
import io.streamsight.processors.image.ImageHeaderCheck;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.inference.BatchSettings;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.processors.vision.ImageEnrichmentProcessor;
import io.streamsight.processors.vision.ImageOutputs;
import io.streamsight.processors.vision.Redactor;
import io.streamsight.processors.vision.SourcePlans;
import io.streamsight.processors.vision.VisionModels;
import io.streamsight.schemas.Topics;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Image events in, one enriched image per event out; bad images go to the dead-letter queue.
 *
 * <p>Each source's plan ({@link SourcePlans}) decides its path, so each image is decoded exactly
 * once:
 *
 * <pre>
 * images.raw ─┬─ (no model step) ── image-header ─────────────────────────────── images.enriched
 *             └─ (model steps) ──── image-header-check ── image-models ─┬─ enriched ── images.enriched
 *                                                                       └─ redacted ── images.redacted
 * </pre>
 *
 * The header-only path inspects and fully decodes each image to check it (the header step as it
 * always was). The model path checks the header alone (limits, readable header: bad images are
 * dead-lettered before they are buffered), then {@code image-models} micro-batches the events,
 * decodes each once and runs the source's model steps ({@link ImageEnrichmentProcessor}). A source
 * is on one path only, so its records stay in order.
 */
public final class ImageTopology {

  /** Name of the model node's changelogged micro-batch buffer. */
  public static final String BUFFER_STORE = "image-models-buffer";

  /**
   * What the image topology needs, built from config elsewhere.
   *
   * @param payloads resolves inline bytes and claim checks
   * @param inspector checks and decodes images
   * @param plans which model steps run for which source
   * @param models the loaded model steps (none when no source uses a model)
   * @param redactor encodes face-blurred copies for {@code images.redacted}
   * @param batch micro-batch size and delay of the model node
   */
  public record Dependencies(
      PayloadResolver payloads,
      ImageInspector inspector,
      SourcePlans plans,
      VisionModels models,
      Redactor redactor,
      BatchSettings batch) {

    public Dependencies {
      requireNonNull(payloads, "payloads");
      requireNonNull(inspector, "inspector");
      requireNonNull(plans, "plans");
      requireNonNull(models, "models");
      requireNonNull(redactor, "redactor");
      requireNonNull(batch, "batch");
    }
  }

  private ImageTopology() {}

  public static void addTo(StreamsBuilder builder, Topics topics, Dependencies deps) {
    KStream<String, ImageEvent> images =
        builder.stream(
            topics.images().name(),
            Consumed.with(topics.images().keySerde(), topics.images().valueSerde())
                .withName(topics.images().name() + "-source"));
    SourcePlans plans = deps.plans();
    if (plans.stepsInUse().isEmpty()) {
      headerOnly(images, topics, deps);
      return;
    }
    Map<String, KStream<String, ImageEvent>> paths =
        images
            .split(Named.as("image-path-"))
            .branch(
                (key, event) -> event != null && plans.forSource(event.getSourceId()).usesModels(),
                Branched.as("models"))
            .defaultBranch(Branched.as("header"));
    headerOnly(paths.get("image-path-header"), topics, deps);
    KStream<String, ImageOutputs> outputs =
        paths
            .get("image-path-models")
            .processValues(
                () -> new ImageHeaderCheck(deps.payloads(), deps.inspector()),
                Named.as("image-header-check"))
            .process(
                ImageEnrichmentProcessor.supplier(
                    BUFFER_STORE,
                    deps.batch(),
                    topics.images().keySerde(),
                    topics.images().valueSerde(),
                    new ImageEnrichmentProcessor.Dependencies(
                        deps.payloads(), deps.inspector(), deps.models(), plans, deps.redactor())),
                Named.as("image-models"));
    outputs
        .mapValues(ImageOutputs::enriched, Named.as("image-models-enriched"))
        .to(
            topics.enrichedImages().name(),
            Produced.with(topics.enrichedImages().keySerde(), topics.enrichedImages().valueSerde())
                .withName(topics.enrichedImages().name() + "-models-sink"));
    outputs
        .filter((key, out) -> out.redacted() != null, Named.as("image-models-redacted-filter"))
        .mapValues(ImageOutputs::redacted, Named.as("image-models-redacted"))
        .to(
            topics.redactedImages().name(),
            Produced.with(topics.redactedImages().keySerde(), topics.redactedImages().valueSerde())
                .withName(topics.redactedImages().name() + "-sink"));
  }

  private static void headerOnly(
      KStream<String, ImageEvent> images, Topics topics, Dependencies deps) {
    images
        .processValues(
            ImageEnricher.supplier(deps.payloads(), deps.inspector()), Named.as("image-header"))
        .to(
            topics.enrichedImages().name(),
            Produced.with(topics.enrichedImages().keySerde(), topics.enrichedImages().valueSerde())
                .withName(topics.enrichedImages().name() + "-sink"));
  }
}
