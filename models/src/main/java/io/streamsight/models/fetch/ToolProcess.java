package io.streamsight.models.fetch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a registry client (mvn, npm) as a child process, its output kept in a log file. */
final class ToolProcess {

  private static final int TAIL_CHARS = 2_000;

  private ToolProcess() {}

  /**
   * Runs {@code command} in {@code dir} and waits for it.
   *
   * @param what what the tool is doing, for messages ("npm pack x@1")
   * @param hint what to do when the tool is not installed
   * @throws PackageUnavailableException when the tool is missing, fails, or runs past the timeout;
   *     the message ends with the tail of its output
   */
  static void run(
      List<String> command,
      Path dir,
      Map<String, String> environment,
      Duration timeout,
      String what,
      String hint)
      throws IOException {
    Path log = Files.createTempFile(dir, ".tool-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      // "Cannot run program "npm" (in directory "..."): error=2, No such file or directory"
      String reason = e.getMessage();
      int cause = reason.lastIndexOf("): ");
      throw new PackageUnavailableException(
          command.get(0)
              + " could not be run ("
              + (cause < 0 ? reason : reason.substring(cause + 3))
              + "): "
              + hint,
          e);
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new PackageUnavailableException(
            what + " did not finish within " + timeout.toSeconds() + " s" + tail(log));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PackageUnavailableException(what + " was interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new PackageUnavailableException(
          what + " failed with exit code " + process.exitValue() + tail(log));
    }
  }

  private static String tail(Path log) throws IOException {
    // Lenient decoding: a tool's odd bytes must not hide its error.
    String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return "";
    }
    return ":\n"
        + (text.length() > TAIL_CHARS ? "..." + text.substring(text.length() - TAIL_CHARS) : text);
  }

  private static File nullDevice() {
    return new File(windows() ? "NUL" : "/dev/null");
  }

  static boolean windows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
