package io.streamsight.models.fetch;

import io.streamsight.models.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maven artifacts: read in place from the local repository when there, else resolved by Maven
 * itself ({@code mvn dependency:copy}, no transitive dependencies).
 *
 * <p>Why Maven rather than an HTTP client: it honours the user's {@code settings.xml} (the mirror
 * of an air-gapped site, proxies, credentials) and its offline mode. Why the local repository
 * first: the artifact is usually there already (any build that resolved it), and reading it costs
 * nothing where a Maven start costs seconds; the fetcher checks its sha256 against the pin either
 * way, so a damaged local copy is reported, never used.
 */
public final class MavenPackageSource implements PackageSource {

  /**
   * The plugin that copies an artifact, pinned so that resolving it needs no repository metadata
   * (which an offline build lacks).
   */
  static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.9.0";

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final Path localRepository;
  private final boolean explicitRepository;
  private final boolean offline;
  private final String mvn;

  /**
   * @param localRepository the local repository to read and to resolve into; null for Maven's
   *     default ({@code maven.repo.local}, else {@code ~/.m2/repository}, and the user's settings)
   * @param offline pass {@code -o}: resolve only from the local repository
   */
  public MavenPackageSource(Path localRepository, boolean offline) {
    this(localRepository, offline, defaultMvn());
  }

  MavenPackageSource(Path localRepository, boolean offline, String mvn) {
    this.explicitRepository = localRepository != null;
    this.localRepository = explicitRepository ? localRepository : defaultLocalRepository();
    this.offline = offline;
    this.mvn = mvn;
  }

  @Override
  public Path fetch(ModelSource source, Path workDir) throws IOException {
    String[] gav = source.coordinates().split(":", -1);
    String fileName = gav[1] + "-" + gav[2] + ".jar";
    Path local =
        localRepository
            .resolve(gav[0].replace('.', '/'))
            .resolve(gav[1])
            .resolve(gav[2])
            .resolve(fileName);
    if (Files.isRegularFile(local)) {
      return local;
    }
    Path out = Files.createDirectories(workDir.resolve("maven"));
    List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q"));
    if (offline) {
      command.add("-o");
    }
    if (explicitRepository) {
      command.add("-Dmaven.repo.local=" + localRepository);
    }
    command.addAll(
        List.of(
            DEPENDENCY_PLUGIN + ":copy",
            "-Dartifact=" + source.coordinates(),
            "-DoutputDirectory=" + out,
            "-Dtransitive=false"));
    ToolProcess.run(
        command,
        workDir,
        Map.of(),
        TIMEOUT,
        "mvn dependency:copy " + source.coordinates() + (offline ? " (offline)" : ""),
        "install Maven (3.8+) and put mvn on the PATH, or set MAVEN_HOME");
    Path copied = out.resolve(fileName);
    if (!Files.isRegularFile(copied)) {
      throw new PackageUnavailableException(
          "mvn dependency:copy " + source.coordinates() + " succeeded but wrote no " + fileName);
    }
    return copied;
  }

  /** {@code maven.repo.local}, else {@code ~/.m2/repository}. */
  static Path defaultLocalRepository() {
    String property = System.getProperty("maven.repo.local");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** The Maven running this build ({@code maven.home}), else MAVEN_HOME's, else mvn on the PATH. */
  static String defaultMvn() {
    String executable = ToolProcess.windows() ? "mvn.cmd" : "mvn";
    for (String home :
        new String[] {System.getProperty("maven.home"), System.getenv("MAVEN_HOME")}) {
      if (home != null && !home.isBlank()) {
        Path candidate = Path.of(home, "bin", executable);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return executable;
  }
}
