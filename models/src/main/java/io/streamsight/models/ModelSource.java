package io.streamsight.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The package a model ships in: a Maven artifact or an npm tarball, pinned by version and by the
 * sha256 of the package file itself (the {@code .jar} or {@code .tgz}).
 *
 * @param registry where the package comes from
 * @param coordinates {@code groupId:artifactId:version} (Maven) or {@code name@version} (npm)
 * @param sha256 lower-case hex sha256 of the package file
 */
public record ModelSource(Registry registry, String coordinates, String sha256) {

  /** The package registries models come from. */
  public enum Registry {
    @JsonProperty("maven")
    MAVEN,
    @JsonProperty("npm")
    NPM
  }

  /** Checks the coordinates' shape for the registry; throws naming what is wrong. */
  void validate() {
    Checks.require(registry != null, "source.registry is missing");
    Checks.require(coordinates != null && !coordinates.isBlank(), "source.coordinates is missing");
    Checks.requireSha256(sha256, "source.sha256");
    if (registry == Registry.MAVEN) {
      Checks.require(
          coordinates.matches("[\\w.-]+:[\\w.-]+:[\\w.-]+"),
          "Maven coordinates must be groupId:artifactId:version, not " + coordinates);
    } else {
      Checks.require(
          coordinates.matches("(@[\\w.-]+/)?[\\w.-]+@[\\w.-]+"),
          "npm coordinates must be name@version, not " + coordinates);
    }
  }

  /** The version part of the coordinates. */
  public String version() {
    int at =
        registry == Registry.MAVEN ? coordinates.lastIndexOf(':') : coordinates.lastIndexOf('@');
    return coordinates.substring(at + 1);
  }

  @Override
  public String toString() {
    return registry.name().toLowerCase(java.util.Locale.ROOT) + " " + coordinates;
  }
}
