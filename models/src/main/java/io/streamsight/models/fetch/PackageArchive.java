package io.streamsight.models.fetch;

import io.streamsight.models.ModelSource.Registry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads chosen files out of a package: a jar (zip) for Maven, a gzipped tarball for npm, whose
 * paths are taken below the tarball's top folder ({@code package/} by npm's convention).
 */
final class PackageArchive {

  /** Receives one wanted file's content; the stream is the archive's, do not close it. */
  @FunctionalInterface
  interface FileHandler {
    void accept(String path, InputStream content) throws IOException;
  }

  private PackageArchive() {}

  /**
   * Hands every wanted regular file of the archive to {@code handler}, reading the archive once.
   *
   * @return the wanted paths that were found
   * @throws IOException when the archive is unreadable or truncated, or the handler fails
   */
  static Set<String> read(Path archive, Registry registry, Set<String> wanted, FileHandler handler)
      throws IOException {
    return registry == Registry.MAVEN
        ? readJar(archive, wanted, handler)
        : readTarball(archive, wanted, handler);
  }

  private static Set<String> readJar(Path jar, Set<String> wanted, FileHandler handler)
      throws IOException {
    Set<String> found = new HashSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!entry.isDirectory()
            && wanted.contains(entry.getName())
            && found.add(entry.getName())) {
          try (InputStream in = zip.getInputStream(entry)) {
            handler.accept(entry.getName(), in);
          }
        }
      }
    }
    return found;
  }

  private static Set<String> readTarball(Path tgz, Set<String> wanted, FileHandler handler)
      throws IOException {
    Set<String> found = new HashSet<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(tgz))))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String path = belowTopFolder(entry.getName());
        // Regular files only: a link in a package is never a model file.
        if (entry.isFile() && path != null && wanted.contains(path) && found.add(path)) {
          handler.accept(path, tar);
        }
      }
    }
    return found;
  }

  /** {@code package/dist/x.onnx} → {@code dist/x.onnx}; null for the top folder itself. */
  private static String belowTopFolder(String name) {
    String path = name.startsWith("./") ? name.substring(2) : name;
    int slash = path.indexOf('/');
    return slash < 0 || slash == path.length() - 1 ? null : path.substring(slash + 1);
  }
}
