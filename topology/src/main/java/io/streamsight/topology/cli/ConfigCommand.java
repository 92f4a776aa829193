package io.streamsight.topology.cli;

import io.streamsight.topology.config.StreamsightConfig;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Command;

/** Prints every Streamsight config key with its type, default and doc. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Prints every config key with its type, default and documentation.",
      "Any other key (security.protocol, sasl.*, ssl.*, commit.interval.ms, ...) passes"
          + " through to the Kafka clients untouched. STREAMSIGHT_SOME_KEY in the environment"
          + " sets some.key."
    })
final class ConfigCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    print(System.out);
    return 0;
  }

  static void print(PrintStream out) {
    for (ConfigDef.ConfigKey key : StreamsightConfig.keys()) {
      String def =
          key.hasDefault()
              ? String.valueOf(ConfigDef.convertToString(key.defaultValue, key.type))
              : "(required)";
      out.printf(
          "%s%n  type: %s, default: %s%n",
          key.name,
          key.type.name().toLowerCase(java.util.Locale.ROOT),
          def.isEmpty() ? "\"\"" : def);
      if (key.validator != null) {
        out.printf("  valid: %s%n", key.validator);
      }
      out.printf("  %s%n%n", key.documentation);
    }
  }
}
