package io.streamsight.topology;

import io.streamsight.processors.audio.AudioEnricher;
import io.streamsight.processors.audio.AudioInspector;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.schemas.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Audio events in, one transcript per event out; bad audio goes to the dead-letter queue. */
public final class AudioTopology {

  /** What the audio topology needs, built from config elsewhere. */
  public record Dependencies(PayloadResolver payloads, AudioInspector inspector) {}

  private AudioTopology() {}

  public static void addTo(StreamsBuilder builder, Topics topics, Dependencies deps) {
    builder.stream(
            topics.audio().name(),
            Consumed.with(topics.audio().keySerde(), topics.audio().valueSerde())
                .withName(topics.audio().name() + "-source"))
        .processValues(
            AudioEnricher.supplier(deps.payloads(), deps.inspector()), Named.as("audio-header"))
        .to(
            topics.transcripts().name(),
            Produced.with(topics.transcripts().keySerde(), topics.transcripts().valueSerde())
                .withName(topics.transcripts().name() + "-sink"));
  }
}
