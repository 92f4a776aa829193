package io.streamsight.topology.runtime;

import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.StreamsightTopology;
import io.streamsight.topology.broker.EmbeddedKafkaBroker;
import io.streamsight.topology.config.StreamsightConfig;
import io.streamsight.topology.http.BehaviorQueryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Streamsight instance: the embedded broker when no cluster is configured, the
 * catalogue's topics, and one Kafka Streams client running every topology.
 *
 * <p>{@link #close()} closes Kafka Streams first (committing what was processed), then the embedded
 * broker; it is safe to call from a shutdown hook and more than once.
 */
public final class StreamsightRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsightRuntime.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final StreamsightConfig config;
  private final EmbeddedKafkaBroker broker;
  private final String bootstrapServers;
  private final Topics topics;
  private final KafkaStreams streams;
  private final ModelRegistry models;
  private final BehaviorQueryServer http;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();

  private StreamsightRuntime(
      StreamsightConfig config,
      EmbeddedKafkaBroker broker,
      String bootstrapServers,
      Topics topics,
      KafkaStreams streams,
      ModelRegistry models,
      BehaviorQueryServer http) {
    this.config = config;
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
    this.topics = topics;
    this.streams = streams;
    this.models = models;
    this.http = http;
  }

  /** Starts everything and returns once Kafka Streams is RUNNING. */
  public static StreamsightRuntime start(StreamsightConfig config) throws InterruptedException {
    EmbeddedKafkaBroker broker = null;
    ModelRegistry models = null;
    BehaviorQueryServer http = null;
    String bootstrap = config.bootstrapServers();
    if (config.useEmbeddedBroker()) {
      broker = EmbeddedKafkaBroker.start(config.embeddedDataDir(), config.embeddedPort());
      bootstrap = broker.bootstrapServers();
      LOG.info("embedded Kafka broker listening on {}", bootstrap);
    }
    try {
      Topics topics = Topics.create(config.deadLetterTopic());
      if (config.createTopics()) {
        TopicCreator.createMissing(
            config.kafkaClientProperties(bootstrap),
            TopicCreator.newTopics(
                topics, config.topicPartitions(), config.topicReplicationFactor()));
      }
      if (config.publishSampleFormulary()) {
        SampleFormularyLoader.loadIfEmpty(config.kafkaClientProperties(bootstrap), topics);
      }
      Map<String, Object> props = config.streamsProperties(bootstrap);
      HostInfo self = null;
      if (config.httpPort() >= 0) {
        // Bound before Kafka Streams starts, so the advertised application.server is the real port.
        try {
          http = BehaviorQueryServer.start(config.httpPort(), topics);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot start the HTTP API: " + e.getMessage(), e);
        }
        self = new HostInfo(config.httpHost(), http.port());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        LOG.info("live-query HTTP API on port {}", http.port());
      }
      // Models load while the topology is built (processors ask the registry), so a missing or
      // tampered model stops start-up before any record is read.
      models = new ModelRegistry(modelCache(config), config.ortThreads());
      KafkaStreams streams =
          new KafkaStreams(StreamsightTopology.build(topics, config, models), toProps(props));
      if (http != null) {
        http.attach(streams, self);
      }
      StreamsightRuntime runtime =
          new StreamsightRuntime(config, broker, bootstrap, topics, streams, models, http);
      runtime.startStreams();
      return runtime;
    } catch (RuntimeException | InterruptedException e) {
      if (http != null) {
        http.close();
      }
      if (models != null) {
        models.close();
      }
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
  }

  private static Properties toProps(Map<String, Object> map) {
    Properties props = new Properties();
    props.putAll(map);
    return props;
  }

  private void startStreams() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener(
        (newState, oldState) -> {
          LOG.info("Kafka Streams {} -> {}", oldState, newState);
          if (newState == State.RUNNING) {
            running.countDown();
          }
          if (newState == State.ERROR || newState == State.NOT_RUNNING) {
            running.countDown();
            stopped.countDown();
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("stream thread failed; shutting this instance down", e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
    if (!running.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new IllegalStateException("Kafka Streams did not reach RUNNING in " + START_TIMEOUT);
    }
    if (streams.state() != State.RUNNING && streams.state() != State.REBALANCING) {
      State state = streams.state();
      close();
      throw new IllegalStateException("Kafka Streams stopped while starting: " + state);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Topics topics() {
    return topics;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public StreamsightConfig config() {
    return config;
  }

  /**
   * The registry that loads and owns every model of this instance; it is closed after Kafka
   * Streams, so no processor's predictor outlives its model.
   */
  public ModelRegistry models() {
    return models;
  }

  /** The live-query HTTP API's port, or -1 when it is off ({@code http.port} = -1). */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  private static Path modelCache(StreamsightConfig config) {
    try {
      return Files.createDirectories(config.modelsDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the model cache " + config.modelsDir(), e);
    }
  }

  /** Blocks until Kafka Streams stops (close, or a fatal error). Returns true on a clean stop. */
  public boolean awaitTermination() throws InterruptedException {
    stopped.await();
    return streams.state() != State.ERROR;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (http != null) {
      http.close();
    }
    Duration timeout = Duration.ofMillis(config.shutdownTimeoutMs());
    LOG.info("closing Kafka Streams (timeout {})", timeout);
    boolean clean =
        streams.close(
            CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(
                    config.shutdownLeaveGroup()
                        ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP
                        : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
    if (!clean) {
      LOG.warn("Kafka Streams did not close within {}", timeout);
    }
    stopped.countDown();
    if (clean) {
      models.close();
    } else {
      // A stream thread may still hold a predictor: leave the native sessions to the JVM's exit.
      LOG.warn("models left open: Kafka Streams threads did not stop in time");
    }
    if (broker != null) {
      broker.close();
    }
    LOG.info("closed");
  }
}
