package io.streamsight.models;

/**
 * One file taken from a model's package.
 *
 * @param path path inside the package: inside the jar for Maven, below the tarball's top folder
 *     (usually {@code package/}) for npm
 * @param sha256 lower-case hex sha256 of the file
 */
public record ModelFile(String path, String sha256) {

  /** The name the file has in the cache: the last part of {@link #path()}. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  void validate() {
    Checks.require(path != null && !path.isBlank(), "files[].path is missing");
    Checks.require(
        !path.startsWith("/") && !path.contains("..") && !path.contains("\\"),
        "files[].path must be relative, without '..': " + path);
    Checks.requireFileName(fileName(), "files[].path's file name");
    Checks.requireSha256(sha256, "sha256 of " + path);
  }
}
