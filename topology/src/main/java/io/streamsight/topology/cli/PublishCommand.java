package io.streamsight.topology.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamsight.events.MedicationOrder;
import io.streamsight.processors.behavior.CameraConfig;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.StreamsightConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Publishes files to an input topic as the right event type. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes files to an input topic as events: images to images.raw, WAV files to"
          + " audio.raw, each line of a text file to text.raw, each JSON line to pharmacy.orders,"
          + " a camera-config JSON file to camera-config (key: --source, the camera id).",
      "Prints one JSON line per published record. FILE '-' reads standard input (text, orders)."
    })
final class PublishCommand implements Callable<Integer> {

  @Mixin ConfigOptions options = new ConfigOptions();

  @Option(names = "--bootstrap-server", description = "Overrides bootstrap.servers.")
  String bootstrap;

  @Option(names = "--topic", required = true, description = "Input topic.")
  String topic;

  @Option(
      names = "--source",
      defaultValue = "cli",
      description =
          "Source id (camera, line, feed); also the record key. Default: ${DEFAULT-VALUE}.")
  String source;

  @Option(names = "--kind", defaultValue = "note", description = "Text kind (text.raw).")
  String kind;

  @Option(names = "--encoding", description = "Raw PCM encoding, e.g. pcm_s16le (audio.raw).")
  String encoding;

  @Option(names = "--sample-rate", description = "Raw PCM sample rate (audio.raw).")
  Integer sampleRate;

  @Option(names = "--channels", description = "Raw PCM channel count (audio.raw).")
  Integer channels;

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<String> files = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    StreamsightConfig config = options.load();
    Topics topics = Topics.create(config.deadLetterTopic());
    EventFactory events =
        new EventFactory(
            config.claimCheckDir(), config.claimCheckThresholdBytes(), Clock.systemUTC());
    String servers = Cli.bootstrap(bootstrap, config);
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    try (RecordPublisher publisher = new RecordPublisher(config.kafkaClientProperties(servers))) {
      for (String file : files) {
        if (topic.equals(topics.images().name())) {
          byte[] bytes = Files.readAllBytes(Path.of(file));
          if (!MediaTypes.isImage(bytes)) {
            System.err.println(
                "warning: " + file + " does not look like an image; published as is");
          }
          var event = events.image(source, bytes, null, Map.of("file", fileName(file)));
          sent.add(publisher.publish(topics.images(), source, event));
          labels.add(label(file, event.getEventId()));
        } else if (topic.equals(topics.audio().name())) {
          byte[] bytes = Files.readAllBytes(Path.of(file));
          var event =
              events.audio(
                  source, bytes, encoding, sampleRate, channels, Map.of("file", fileName(file)));
          sent.add(publisher.publish(topics.audio(), source, event));
          labels.add(label(file, event.getEventId()));
        } else if (topic.equals(topics.text().name())) {
          for (String line : lines(file)) {
            var event = events.text(source, line, kind, Map.of());
            sent.add(publisher.publish(topics.text(), source, event));
            labels.add(label(file, event.getEventId()));
          }
        } else if (topic.equals(topics.orders().name())) {
          for (String line : lines(file)) {
            MedicationOrder order = order(line);
            sent.add(publisher.publish(topics.orders(), order.getOrderId(), order));
            labels.add(label(file, order.getOrderId()));
          }
        } else if (topic.equals(topics.cameraConfig().name())) {
          // The camera-config JSON itself, keyed by camera id (--source); checked first, so a
          // typo is refused here rather than dead-lettering the camera's frames.
          String json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
          try {
            CameraConfig.parse(json);
          } catch (IllegalArgumentException e) {
            System.err.println(file + ": " + e.getMessage());
            return 2;
          }
          sent.add(publisher.publish(topics.cameraConfig(), source, json));
          labels.add(label(file, source));
        } else {
          System.err.println("not an input topic: " + topic);
          return 2;
        }
      }
      publisher.flush();
      for (int i = 0; i < sent.size(); i++) {
        RecordMetadata md = RecordPublisher.await(sent.get(i));
        System.out.printf(
            "{\"topic\":\"%s\",\"partition\":%d,\"offset\":%d,%s}%n",
            md.topic(), md.partition(), md.offset(), labels.get(i));
      }
    }
    return 0;
  }

  private static String label(String file, String id) {
    return "\"file\":" + JsonRecords.MAPPER.valueToTree(file) + ",\"id\":\"" + id + "\"";
  }

  private static String fileName(String file) {
    Path name = Path.of(file).getFileName();
    return name == null ? file : name.toString();
  }

  private static List<String> lines(String file) throws IOException {
    BufferedReader reader =
        file.equals("-")
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    try (reader) {
      return reader.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  /** One order from a JSON line: {"orderId", "din", "drugName", "sig", "quantity", ...}. */
  static MedicationOrder order(String json) throws IOException {
    JsonNode n = JsonRecords.MAPPER.readTree(json);
    return MedicationOrder.newBuilder()
        .setOrderId(text(n, "orderId", UUID.randomUUID().toString()))
        .setSourceId(text(n, "sourceId", "cli"))
        .setOrderTime(Instant.now())
        .setDin(text(n, "din", null))
        .setDrugName(text(n, "drugName", null))
        .setSig(text(n, "sig", ""))
        .setQuantity(n.hasNonNull("quantity") ? n.get("quantity").asDouble() : null)
        .setQuantityUnit(text(n, "quantityUnit", null))
        .setRefills(n.hasNonNull("refills") ? n.get("refills").asInt() : null)
        .setPrescriberRef(text(n, "prescriberRef", null))
        .setPatientRef(text(n, "patientRef", null))
        .build();
  }

  private static String text(JsonNode node, String field, String fallback) {
    return node.hasNonNull(field) ? node.get(field).asText() : fallback;
  }
}
