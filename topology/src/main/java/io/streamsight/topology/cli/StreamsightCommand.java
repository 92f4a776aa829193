package io.streamsight.topology.cli;

import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code streamsight} command line. Output records go to stdout, logs to stderr. */
@Command(
    name = "streamsight",
    mixinStandardHelpOptions = true,
    version = "streamsight 0.1.0",
    description = "Kafka-native enrichment of image, audio, text and pharmacy events.",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      PublishCommand.class,
      TailCommand.class,
      ConfigCommand.class,
      SigCommand.class,
      ValidateCommand.class,
      FormularyCommand.class,
      ModelsCommand.class,
      EnrichImageCommand.class,
      IngestVideoCommand.class,
      AnalyzeVideoCommand.class,
      TranscribeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class StreamsightCommand implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (for tests and embedding). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The command line as {@code main} runs it. */
  static CommandLine commandLine() {
    return new CommandLine(new StreamsightCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(StreamsightCommand::configError);
  }

  /** A configuration error is the user's to fix: one line naming it, not a stack trace. */
  private static int configError(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    if (!(e instanceof ConfigException)) {
      throw e;
    }
    command.getErr().println("streamsight: invalid configuration: " + e.getMessage());
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
