package io.streamsight.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line as {@code main} runs it. */
class StreamsightCommandTest {

  @Test
  void shouldReportAnInvalidSettingInOneLineWithTheUsageExitCode() {
    StringWriter err = new StringWriter();
    CommandLine cli = StreamsightCommand.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("tail", "--topic", "images.raw", "-D", "topics.partitions=0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("streamsight: invalid configuration: ")
        .contains("topics.partitions")
        .doesNotContain("\tat ");
  }
}
