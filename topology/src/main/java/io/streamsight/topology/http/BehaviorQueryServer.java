package io.streamsight.topology.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamsight.events.BehaviorEvent;
import io.streamsight.processors.behavior.CameraState;
import io.streamsight.processors.tracking.TimedBox;
import io.streamsight.processors.tracking.Track;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.BehaviorTopology;
import io.streamsight.topology.cli.JsonRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live-query HTTP API over the behaviour stores (JDK {@code com.sun.net.httpserver}: no extra
 * dependency for four read-only JSON routes). A camera's state lives on the instance that owns its
 * partition: {@code queryMetadataForKey} finds it; a local camera is answered with an IQv2 {@link
 * KeyQuery} on that partition, any other is forwarded to its owner's {@code application.server}
 * (this API on that instance) with {@code ?local=true}. {@code /cameras} asks every instance that
 * hosts the store ({@code streamsMetadataForStore}) and merges.
 *
 * <ul>
 *   <li>{@code GET /cameras}: the cameras with state, on every instance.
 *   <li>{@code GET /cameras/{id}/occupancy}: tracks in each zone now, and line totals.
 *   <li>{@code GET /cameras/{id}/tracks}: confirmed and lost tracks: id, class, box, velocity.
 *   <li>{@code GET /cameras/{id}/events?limit=N}: the newest behaviour events, newest last.
 * </ul>
 *
 * Answers 404 for an unknown camera, 503 while the owning instance is not known (a rebalance).
 */
public final class BehaviorQueryServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BehaviorQueryServer.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Topics topics;
  private volatile KafkaStreams streams;
  private volatile HostInfo self;

  private BehaviorQueryServer(HttpServer server, ExecutorService executor, Topics topics) {
    this.server = server;
    this.executor = executor;
    this.topics = topics;
  }

  /** Binds the port (0 = any free one) on all interfaces and starts serving. */
  public static BehaviorQueryServer start(int port, Topics topics) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    BehaviorQueryServer api = new BehaviorQueryServer(server, executor, topics);
    server.createContext("/cameras", api::handle);
    server.start();
    return api;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Serves queries from this Kafka Streams instance, advertised as {@code self}. */
  public void attach(KafkaStreams streams, HostInfo self) {
    this.self = self;
    this.streams = streams;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, error("only GET"));
        return;
      }
      if (streams == null) {
        send(exchange, 503, error("not started"));
        return;
      }
      URI uri = exchange.getRequestURI();
      Map<String, String> query = query(uri.getRawQuery());
      boolean local = "true".equals(query.get("local"));
      String[] parts = uri.getPath().split("/", -1);
      // "", "cameras", id, what
      if (parts.length == 2) {
        send(exchange, 200, cameras(local));
        return;
      }
      if (parts.length != 4) {
        send(exchange, 404, error("routes: /cameras, /cameras/{id}/occupancy|tracks|events"));
        return;
      }
      String camera = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
      String what = parts[3];
      if (!Set.of("occupancy", "tracks", "events").contains(what)) {
        send(exchange, 404, error("unknown query " + what));
        return;
      }
      String store =
          what.equals("events") ? BehaviorTopology.RECENT_STORE : BehaviorTopology.CAMERA_STORE;
      KeyQueryMetadata owner =
          streams.queryMetadataForKey(store, camera, Serdes.String().serializer());
      if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
        send(exchange, 503, error("no instance owns camera " + camera + " right now"));
        return;
      }
      if (!local && !owner.activeHost().equals(self)) {
        forward(exchange, owner.activeHost(), uri);
        return;
      }
      Object value = localKey(store, camera, owner.partition());
      if (value == null) {
        send(exchange, 404, error("no state for camera " + camera));
        return;
      }
      int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
      send(exchange, 200, render(camera, what, value, limit));
    } catch (RuntimeException e) {
      LOG.warn("query {} failed", exchange.getRequestURI(), e);
      send(exchange, 500, error(e.toString()));
    }
  }

  private Object localKey(String store, String camera, int partition) {
    StateQueryRequest<Object> request =
        StateQueryRequest.inStore(store)
            .withQuery(KeyQuery.<String, Object>withKey(camera))
            .withPartitions(Set.of(partition));
    StateQueryResult<Object> result = streams.query(request);
    QueryResult<Object> partitionResult = result.getPartitionResults().get(partition);
    if (partitionResult == null || !partitionResult.isSuccess()) {
      throw new IllegalStateException(
          "store "
              + store
              + " partition "
              + partition
              + ": "
              + (partitionResult == null ? "no result" : partitionResult.getFailureMessage()));
    }
    return partitionResult.getResult();
  }

  private ObjectNode cameras(boolean local) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("cameras");
    StateQueryRequest<KeyValueIterator<String, CameraState>> request =
        StateQueryRequest.inStore(BehaviorTopology.CAMERA_STORE)
            .withQuery(RangeQuery.<String, CameraState>withNoBounds());
    StateQueryResult<KeyValueIterator<String, CameraState>> result = streams.query(request);
    for (QueryResult<KeyValueIterator<String, CameraState>> part :
        result.getPartitionResults().values()) {
      if (part.isSuccess()) {
        try (KeyValueIterator<String, CameraState> it = part.getResult()) {
          it.forEachRemaining(kv -> list.add(kv.key));
        }
      }
    }
    if (!local) {
      for (StreamsMetadata md : streams.streamsMetadataForStore(BehaviorTopology.CAMERA_STORE)) {
        if (md.hostInfo().equals(self)) {
          continue;
        }
        try {
          var remote = MAPPER.readTree(get(md.hostInfo(), "/cameras?local=true").body());
          remote.path("cameras").forEach(list::add);
        } catch (IOException | InterruptedException e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          root.putArray("unreachable").add(md.hostInfo().toString());
        }
      }
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private ObjectNode render(String camera, String what, Object value, int limit) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("camera", camera);
    switch (what) {
      case "occupancy" -> {
        CameraState state = (CameraState) value;
        ObjectNode zones = root.putObject("zones");
        state
            .occupants()
            .forEach(
                (zone, ids) -> {
                  ObjectNode z = zones.putObject(zone);
                  z.put("count", ids.size());
                  ArrayNode tracks = z.putArray("tracks");
                  ids.forEach(tracks::add);
                });
        ObjectNode lines = root.putObject("lineTotals");
        state
            .lineTotals()
            .forEach(
                (line, c) -> {
                  ObjectNode l = lines.putObject(line);
                  l.put("in", c[0]);
                  l.put("out", c[1]);
                });
        root.put("lastFrameTime", state.tracker().lastTimeMs());
      }
      case "tracks" -> {
        CameraState state = (CameraState) value;
        ArrayNode tracks = root.putArray("tracks");
        for (Track t : state.tracker().identified()) {
          ObjectNode n = tracks.addObject();
          n.put("id", t.id());
          n.put("class", t.label());
          n.put("status", t.status().name());
          TimedBox b = t.lastBox();
          ArrayNode box = n.putArray("box");
          box.add(b.x()).add(b.y()).add(b.w()).add(b.h());
          float[] v = t.velocityPerSecond(5);
          n.putArray("velocityPxPerSecond").add(v[0]).add(v[1]);
          n.put("firstSeen", t.firstSeenMs());
          n.put("lastSeen", t.lastSeenMs());
        }
        root.put("lastFrameTime", state.tracker().lastTimeMs());
      }
      default -> {
        List<BehaviorEvent> events = (List<BehaviorEvent>) value;
        ArrayNode list = root.putArray("events");
        for (BehaviorEvent e : events.subList(Math.max(0, events.size() - limit), events.size())) {
          list.add(JsonRecords.avro(topics.behaviorEvents().name(), e));
        }
      }
    }
    return root;
  }

  private void forward(HttpExchange exchange, HostInfo host, URI uri) throws IOException {
    String path =
        uri.getRawPath()
            + "?"
            + (uri.getRawQuery() == null ? "" : uri.getRawQuery() + "&")
            + "local=true";
    try {
      HttpResponse<String> response = get(host, path);
      sendRaw(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(exchange, 503, error("interrupted"));
    } catch (IOException e) {
      send(exchange, 502, error("owner " + host + " unreachable: " + e.getMessage()));
    }
  }

  private HttpResponse<String> get(HostInfo host, String path)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new java.util.HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static ObjectNode error(String message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("error", message);
    return node;
  }

  private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    sendRaw(exchange, status, body.toString());
  }

  private static void sendRaw(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
