package io.streamsight.topology.cli;

import io.streamsight.topology.config.StreamsightConfig;

/** Small helpers shared by the commands. */
final class Cli {

  /** Where `streamsight run` listens by default when it starts its embedded broker. */
  static final String LOCAL_BROKER = "localhost:9092";

  private Cli() {}

  /** The cluster a client command talks to: the flag, the config, or a local `run`. */
  static String bootstrap(String flag, StreamsightConfig config) {
    if (flag != null && !flag.isBlank()) {
      return flag;
    }
    if (!config.useEmbeddedBroker()) {
      return config.bootstrapServers();
    }
    return "localhost:" + config.embeddedPort();
  }
}
