package io.streamsight.topology.cli;

import io.streamsight.topology.config.StreamsightConfig;
import io.streamsight.topology.runtime.StreamsightRuntime;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs every topology until stopped; SIGTERM commits what was processed and closes cleanly. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every topology against the configured cluster until stopped (Ctrl-C or SIGTERM).",
      "Without bootstrap.servers, an embedded broker is started on localhost:embedded.port."
    })
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws InterruptedException {
    StreamsightConfig config = options.load();
    StreamsightRuntime runtime = StreamsightRuntime.start(config);
    Thread hook = new Thread(runtime::close, "streamsight-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    LOG.info(
        "streamsight running on {} ({}); stop with Ctrl-C or SIGTERM",
        runtime.bootstrapServers(),
        config.processingGuarantee());
    boolean clean = runtime.awaitTermination();
    return clean ? 0 : 1;
  }
}
