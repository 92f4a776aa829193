package io.streamsight.topology;

import io.streamsight.processors.TestModels;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.schemas.Topic;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.config.StreamsightConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the whole Streamsight topology in a {@link TopologyTestDriver} with the production config
 * (dead-letter queue and continue-on-error handlers included) and a fixed clock.
 */
public abstract class TopologyTestSupport {

  protected static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  protected final Topics topics = Topics.create("streamsight.dlq");
  protected TopologyTestDriver driver;
  protected ModelRegistry models;
  protected TestOutputTopic<byte[], byte[]> deadLetters;

  /**
   * Config overrides for the test class; none by default. Unless a class sets {@code
   * image.processors}, no image model runs (the image header only), so that topology tests that are
   * not about images load no models.
   */
  protected Map<String, String> overrides() {
    return Map.of();
  }

  /** The image models of the topology; a class that shares models across tests overrides this. */
  protected VisionSetup vision(StreamsightConfig config, ModelRegistry registry) {
    return VisionSetup.load(config, registry);
  }

  @BeforeEach
  void startDriver() {
    Map<String, String> values = new HashMap<>(overrides());
    values.putIfAbsent("application.id", getClass().getSimpleName());
    values.putIfAbsent("image.processors", "");
    // The behaviour topology (two models to load per test) has its own tests.
    values.putIfAbsent("behavior.enabled", "false");
    // Without the VAD model (a machine that could not fetch it), audio gets the format only.
    if (!TestModels.catalogue().available(SileroVad.MODEL)) {
      values.putIfAbsent("audio.speech.enabled", "false");
    }
    StreamsightConfig config = ConfigLoader.load(null, Map.of(), values);
    Properties props = new Properties();
    props.putAll(config.streamsProperties("dummy:9092"));
    models = new ModelRegistry(modelCache(config), config.ortThreads());
    driver =
        new TopologyTestDriver(
            StreamsightTopology.build(topics, config, models, vision(config, models)),
            props,
            START);
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetters().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
    models.close();
  }

  private static Path modelCache(StreamsightConfig config) {
    try {
      return Files.createDirectories(config.modelsDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /** An input topic that takes raw bytes, for records that are not valid Avro. */
  protected TestInputTopic<byte[], byte[]> rawInput(Topic<?, ?> topic) {
    return driver.createInputTopic(
        topic.name(), new ByteArraySerializer(), new ByteArraySerializer());
  }

  protected <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  /** The value of a {@code __streams.errors.*} header of a dead letter. */
  protected static String errorHeader(TestRecord<byte[], byte[]> deadLetter, String name) {
    Headers headers = deadLetter.headers();
    Header header = headers.lastHeader("__streams.errors." + name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
