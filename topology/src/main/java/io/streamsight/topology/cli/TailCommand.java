package io.streamsight.topology.cli;

import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.StreamsightConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the records of catalogue topics as JSON lines, from the beginning. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Prints every record of one or more topics from the beginning, one JSON object per line:"
          + " Avro records in Avro JSON with an added \"topic\" field, dead letters with their"
          + " reason. Joins no consumer group and commits nothing."
    })
final class TailCommand implements Callable<Integer> {

  @Mixin ConfigOptions options = new ConfigOptions();

  @Option(names = "--bootstrap-server", description = "Overrides bootstrap.servers.")
  String bootstrap;

  @Option(names = "--topic", required = true, description = "Topic to read (repeatable).")
  List<String> topicNames = new ArrayList<>();

  @Option(names = "--max", description = "Stop after this many records.")
  Integer max;

  @Option(
      names = "--idle-timeout-ms",
      description = "Stop when nothing new arrives for this long (default: follow for ever).")
  Long idleTimeoutMs;

  @Override
  public Integer call() {
    StreamsightConfig config = options.load();
    Topics topics = Topics.create(config.deadLetterTopic());
    for (String name : topicNames) {
      if (topics.byName(name).isEmpty()) {
        System.err.println("not a catalogue topic: " + name);
        return 2;
      }
    }
    JsonRecords json = new JsonRecords(topics);
    AtomicInteger printed = new AtomicInteger();
    String servers = Cli.bootstrap(bootstrap, config);
    try (RecordTail tail = new RecordTail(config.kafkaClientProperties(servers), topicNames)) {
      tail.follow(
          record -> {
            System.out.println(json.render(record));
            System.out.flush();
            return max == null || printed.incrementAndGet() < max;
          },
          idleTimeoutMs == null ? null : Duration.ofMillis(idleTimeoutMs));
    }
    return 0;
  }
}
