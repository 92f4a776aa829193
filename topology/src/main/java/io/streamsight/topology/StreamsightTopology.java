package io.streamsight.topology;

import io.streamsight.processors.audio.AudioInspector;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.medication.sig.SigParser;
import io.streamsight.processors.payload.ClaimCheckStore;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.processors.text.TextNormalizer;
import io.streamsight.processors.vision.Redactor;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.StreamsightConfig;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;

/** The whole Streamsight application: every topology in one Kafka Streams instance. */
public final class StreamsightTopology {

  private StreamsightTopology() {}

  /**
   * Builds the topology; the processors' limits come from the typed config, and model processors
   * load their models from {@code models} (which owns them and closes them after Kafka Streams).
   */
  public static Topology build(Topics topics, StreamsightConfig config, ModelRegistry models) {
    return build(topics, config, VisionSetup.load(config, models));
  }

  /** As {@link #build(Topics, StreamsightConfig, ModelRegistry)}, with the image models loaded. */
  public static Topology build(Topics topics, StreamsightConfig config, VisionSetup vision) {
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
    AudioTopology.addTo(
        builder,
        topics,
        new AudioTopology.Dependencies(
            new PayloadResolver(config.audioMaxBytes()),
            new AudioInspector(config.audioMaxBytes())));
    TextTopology.addTo(
        builder, topics, new TextTopology.Dependencies(new TextNormalizer(config.textMaxChars())));
    PharmacyTopology.addTo(builder, topics, new PharmacyTopology.Dependencies(new SigParser()));
    return builder.build();
  }
}
