package io.streamsight.topology;

import io.streamsight.processors.text.TextNormalizer;
import io.streamsight.processors.text.TextNormalizerProcessor;
import io.streamsight.schemas.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Text events in, Unicode- and whitespace-normalised text events out. */
public final class TextTopology {

  /** What the text topology needs, built from config elsewhere. */
  public record Dependencies(TextNormalizer normalizer) {}

  private TextTopology() {}

  public static void addTo(StreamsBuilder builder, Topics topics, Dependencies deps) {
    builder.stream(
            topics.text().name(),
            Consumed.with(topics.text().keySerde(), topics.text().valueSerde())
                .withName(topics.text().name() + "-source"))
        .processValues(
            TextNormalizerProcessor.supplier(deps.normalizer()), Named.as("text-normalize"))
        .to(
            topics.normalizedText().name(),
            Produced.with(topics.normalizedText().keySerde(), topics.normalizedText().valueSerde())
                .withName(topics.normalizedText().name() + "-sink"));
  }
}
