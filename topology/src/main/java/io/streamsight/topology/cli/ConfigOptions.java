package io.streamsight.topology.cli;

import io.streamsight.topology.config.ConfigLoader;
import io.streamsight.topology.config.StreamsightConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command that talks to Kafka shares: a config file and overrides. */
final class ConfigOptions {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Properties file (see `streamsight config` for the keys).")
  Path file;

  @Option(
      names = "-D",
      paramLabel = "KEY=VALUE",
      description = "Overrides one config key (repeatable); wins over the file and environment.")
  Map<String, String> overrides = new LinkedHashMap<>();

  StreamsightConfig load() {
    return ConfigLoader.load(file, overrides);
  }

  StreamsightConfig load(Map<String, String> extra) {
    Map<String, String> all = new LinkedHashMap<>(extra);
    all.putAll(overrides);
    return ConfigLoader.load(file, all);
  }
}
