package io.streamsight.topology.broker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process, single-node Kafka KRaft cluster (one combined broker + controller, node id 1) for
 * the demo and integration tests.
 *
 * <p>Clients connect over PLAINTEXT to {@link #bootstrapServers()} ({@code 127.0.0.1:port}).
 * Internal topics use replication factor 1 and min ISR 1, so transactions and {@code
 * exactly_once_v2} work; topics are never auto-created (use {@link #createTopics}). Storage is
 * formatted only on first use of a data dir, so a broker restarted on the same dir (and port) keeps
 * its topics and records. Instances are thread-safe; {@link #close()} is idempotent and may run
 * from a JVM shutdown hook.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private static final int NODE_ID = 1;
  private static final String HOST = "127.0.0.1";
  private static final String LOG_DIR_NAME = "kraft-combined-logs";
  private static final String CONFIG_FILE_NAME = "embedded-broker.properties";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final boolean ownsDataDir;
  private final int port;
  private final Object closeLock = new Object();
  private boolean closed;

  private EmbeddedKafkaBroker(KafkaRaftServer server, Path dataDir, boolean ownsDataDir, int port) {
    this.server = server;
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
    this.port = port;
  }

  /**
   * Formats (first use only) and starts a broker, returning once it accepts client requests.
   *
   * @param dataDir folder for the log and metadata dirs, created if missing; {@code null} for a
   *     fresh temp dir that {@link #close()} deletes
   * @param port client (PLAINTEXT) port on 127.0.0.1; 0 picks a free one
   * @return the running broker; the caller must {@link #close()} it
   * @throws IllegalStateException if the broker fails to start or is not ready within 60 s (what
   *     was started is shut down and an owned temp dir deleted)
   * @throws UncheckedIOException if the data dir cannot be created or written
   */
  public static EmbeddedKafkaBroker start(Path dataDir, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
    }
    long startNanos = System.nanoTime();
    boolean ownsDataDir = dataDir == null;
    Path dir;
    try {
      dir =
          ownsDataDir
              ? Files.createTempDirectory("streamsight-kafka-")
              : Files.createDirectories(dataDir.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create Kafka data dir " + dataDir, e);
    }

    KafkaRaftServer server = null;
    boolean started = false;
    try {
      int clientPort = port == 0 ? freePort() : port;
      Map<String, String> props = brokerProperties(dir.resolve(LOG_DIR_NAME), clientPort);
      formatIfNeeded(dir, props);

      server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
      server.startup();
      EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, dir, ownsDataDir, clientPort);
      broker.awaitReady(startNanos + READY_TIMEOUT.toNanos());
      LOG.info(
          "Embedded Kafka broker ready on {} (data dir {}) in {} ms",
          broker.bootstrapServers(),
          dir,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
      started = true;
      return broker;
    } catch (IllegalStateException | UncheckedIOException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Embedded Kafka broker failed to start (data dir " + dir + "): " + rootCauseMessage(e),
          e);
    } finally {
      if (!started) {
        LOG.error("Embedded Kafka broker failed to start; cleaning up (data dir {})", dir);
        if (server != null) {
          shutdownQuietly(server);
        }
        if (ownsDataDir) {
          deleteQuietly(dir);
        }
      }
    }
  }

  /** Returns the client bootstrap address, {@code "127.0.0.1:<port>"}. */
  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  /** Returns the client (PLAINTEXT) port actually used. */
  public int port() {
    return port;
  }

  /** Returns the folder holding the log and metadata dirs. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Creates the topics that do not exist yet (existing ones are left as they are) and waits until
   * every partition of every requested topic has a leader.
   *
   * @throws IllegalStateException if a topic cannot be created or is not ready within 30 s
   */
  public void createTopics(Collection<NewTopic> topics) {
    if (topics.isEmpty()) {
      return;
    }
    try (Admin admin = newAdmin()) {
      Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
      for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
        try {
          result.getValue().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          LOG.info("Created topic {}", result.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("Cannot create topic " + result.getKey(), e.getCause());
          }
          LOG.debug("Topic {} already exists", result.getKey());
        }
      }
      Set<String> names = topics.stream().map(NewTopic::name).collect(Collectors.toSet());
      awaitTopicsReady(admin, names, System.nanoTime() + TOPIC_TIMEOUT.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out creating topics", e);
    }
  }

  /**
   * Shuts the broker down and waits for it to stop; deletes the data dir if {@link #start} created
   * it. Idempotent; a concurrent second caller (e.g. a shutdown hook) waits for the first.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
      long startNanos = System.nanoTime();
      shutdownQuietly(server);
      if (ownsDataDir) {
        deleteQuietly(dataDir);
      }
      LOG.info(
          "Embedded Kafka broker on {} stopped in {} ms",
          bootstrapServers(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }
  }

  private static Map<String, String> brokerProperties(Path logDir, int clientPort) {
    int controllerPort = freePort();
    Map<String, String> props = new LinkedHashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());

    // One node: every replicated thing has exactly one replica.
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "4");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");

    props.put("num.partitions", "1");
    props.put("auto.create.topics.enable", "false");
    props.put("group.initial.rebalance.delay.ms", "0");

    // Demo-sized storage: a day of data, small segments, a small cleaner buffer.
    props.put("log.retention.hours", "24");
    props.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));

    // Few threads: this runs beside the application, often on a laptop or a 2-core CI box.
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.put("num.recovery.threads.per.data.dir", "1");
    props.put("background.threads", "2");
    props.put("broker.heartbeat.interval.ms", "500");
    return props;
  }

  /** Formats {@code props}' log dir with a new cluster id unless it already holds one. */
  private static void formatIfNeeded(Path dataDir, Map<String, String> props) {
    Path logDir = Path.of(props.get("log.dirs"));
    if (Files.exists(logDir.resolve("meta.properties"))) {
      LOG.info("Kafka storage in {} already formatted; keeping its data", logDir);
      return;
    }
    Path configFile = dataDir.resolve(CONFIG_FILE_NAME);
    Properties properties = new Properties();
    properties.putAll(props);
    try (Writer writer = Files.newBufferedWriter(configFile, UTF_8)) {
      properties.store(writer, "Written by EmbeddedKafkaBroker to format the storage");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + configFile, e);
    }
    String clusterId = Uuid.randomUuid().toString();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream printStream = new PrintStream(output, true, UTF_8)) {
      String[] args = {"format", "--config", configFile.toString(), "--cluster-id", clusterId};
      exitCode = StorageTool.execute(args, printStream);
    }
    String message = output.toString(UTF_8).strip();
    if (exitCode != 0) {
      throw new IllegalStateException(
          "Formatting Kafka storage in " + logDir + " failed (" + exitCode + "): " + message);
    }
    LOG.info("Formatted Kafka storage in {} for new cluster {}", logDir, clusterId);
    LOG.debug("Kafka storage tool output: {}", message);
  }

  private void awaitReady(long deadlineNanos) {
    String lastProblem = "no answer yet";
    try (Admin admin = newAdmin()) {
      while (System.nanoTime() < deadlineNanos) {
        try {
          boolean registered =
              admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                  .anyMatch(node -> node.id() == NODE_ID);
          if (registered) {
            return;
          }
          lastProblem = "broker not registered yet";
        } catch (ExecutionException | TimeoutException e) {
          lastProblem = e.toString();
        }
        Thread.sleep(POLL_INTERVAL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
    }
    throw new IllegalStateException(
        "Kafka broker on "
            + bootstrapServers()
            + " not ready within "
            + READY_TIMEOUT.toSeconds()
            + " s: "
            + lastProblem);
  }

  private static void awaitTopicsReady(Admin admin, Set<String> names, long deadlineNanos)
      throws InterruptedException, TimeoutException {
    List<String> pending = new ArrayList<>(names);
    while (true) {
      try {
        Map<String, TopicDescription> descriptions =
            admin.describeTopics(pending).allTopicNames().get(5, TimeUnit.SECONDS);
        pending.removeIf(
            name ->
                descriptions.get(name).partitions().stream()
                    .map(TopicPartitionInfo::leader)
                    .allMatch(leader -> leader != null && !leader.isEmpty()));
        if (pending.isEmpty()) {
          return;
        }
      } catch (ExecutionException | TimeoutException e) {
        LOG.debug("Topics {} not described yet: {}", pending, e.toString());
      }
      if (System.nanoTime() >= deadlineNanos) {
        throw new TimeoutException("Topics without a leader after 30 s: " + pending);
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
  }

  private Admin newAdmin() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-broker-admin");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    return Admin.create(config);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port", e);
    }
  }

  private static String rootCauseMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }

  private static void shutdownQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Error shutting down the embedded Kafka broker", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      Utils.delete(dir.toFile());
    } catch (IOException e) {
      LOG.warn("Cannot delete Kafka data dir {}", dir, e);
    }
  }
}
