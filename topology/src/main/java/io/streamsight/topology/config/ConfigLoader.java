package io.streamsight.topology.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds a {@link StreamsightConfig} from, in rising precedence: defaults, a properties file,
 * environment variables, then explicit overrides (command-line {@code -D key=value}).
 *
 * <p>An environment variable {@code STREAMSIGHT_SOME_KEY} sets {@code some.key}; this works for
 * Kafka client keys too ({@code STREAMSIGHT_SASL_JAAS_CONFIG} sets {@code sasl.jaas.config}). This
 * is the only class that reads files or the environment for configuration.
 */
public final class ConfigLoader {

  static final String ENV_PREFIX = "STREAMSIGHT_";

  /**
   * Environment variables with the prefix that are not config keys: read by the model cache and the
   * test-media helpers themselves, and never meant for the Kafka clients.
   */
  private static final java.util.Set<String> NOT_CONFIG =
      java.util.Set.of("STREAMSIGHT_MODELS_DIR", "STREAMSIGHT_MEDIA_DIR");

  private ConfigLoader() {}

  /** Loads from the process environment. {@code file} may be null. */
  public static StreamsightConfig load(Path file, Map<String, String> overrides) {
    return load(file, System.getenv(), overrides);
  }

  public static StreamsightConfig load(
      Path file, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, Object> values = new HashMap<>();
    if (file != null) {
      values.putAll(readProperties(file));
    }
    values.putAll(fromEnvironment(environment));
    values.putAll(overrides);
    return new StreamsightConfig(values);
  }

  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX)
              && name.length() > ENV_PREFIX.length()
              && !NOT_CONFIG.contains(name)) {
            String key =
                name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            values.put(key, value);
          }
        });
    return values;
  }

  private static Map<String, String> readProperties(Path file) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> values = new HashMap<>();
    props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k).trim()));
    return values;
  }
}
