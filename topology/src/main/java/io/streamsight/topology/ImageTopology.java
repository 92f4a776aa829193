package io.streamsight.topology;

import io.streamsight.processors.image.ImageEnricher;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.schemas.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Image events in, one enriched image per event out; bad images go to the dead-letter queue. */
public final class ImageTopology {

  /** What the image topology needs, built from config elsewhere. */
  public record Dependencies(PayloadResolver payloads, ImageInspector inspector) {}

  private ImageTopology() {}

  public static void addTo(StreamsBuilder builder, Topics topics, Dependencies deps) {
    builder.stream(
            topics.images().name(),
            Consumed.with(topics.images().keySerde(), topics.images().valueSerde())
                .withName(topics.images().name() + "-source"))
        .processValues(
            ImageEnricher.supplier(deps.payloads(), deps.inspector()), Named.as("image-header"))
        .to(
            topics.enrichedImages().name(),
            Produced.with(topics.enrichedImages().keySerde(), topics.enrichedImages().valueSerde())
                .withName(topics.enrichedImages().name() + "-sink"));
  }
}
