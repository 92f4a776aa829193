package io.streamsight.models;

import io.streamsight.models.EntryStatus.FileStatus;
import io.streamsight.models.EntryStatus.State;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The folder models are fetched into, outside the repository: {@code <root>/<entry name>/<package
 * version>/<file>}. A file only ever appears there complete and checked: it is written under a
 * temporary {@code .part} name, its sha256 compared with the pin, then moved into place atomically,
 * so an interrupted fetch leaves nothing that looks valid.
 *
 * <p>The root is, in order: an explicit folder ({@code --dir}), the system property {@value
 * #DIR_PROPERTY}, the environment variable {@value #DIR_ENV}, {@code ~/.cache/streamsight/models}.
 */
public final class ModelCache {

  /** System property naming the cache folder. */
  public static final String DIR_PROPERTY = "streamsight.models.dir";

  /** Environment variable naming the cache folder. */
  public static final String DIR_ENV = "STREAMSIGHT_MODELS_DIR";

  private static final String PART_SUFFIX = ".part";

  // FileLock is per process: threads of one JVM are kept apart here first.
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path root;

  public ModelCache(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The cache at the configured root (system property, environment, default). */
  public static ModelCache configured() {
    return new ModelCache(configuredRoot(null));
  }

  /**
   * The cache root: {@code explicit} when not null or blank, else the system property, the
   * environment variable, the default. A leading {@code ~/} is the user's home.
   */
  public static Path configuredRoot(String explicit) {
    return resolveRoot(
        explicit,
        System.getProperty(DIR_PROPERTY),
        System.getenv(DIR_ENV),
        System.getProperty("user.home"));
  }

  static Path resolveRoot(String explicit, String property, String env, String home) {
    for (String candidate : new String[] {explicit, property, env}) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.startsWith("~/")
            ? Path.of(home, candidate.substring(2))
            : Path.of(candidate);
      }
    }
    return Path.of(home, ".cache", "streamsight", "models");
  }

  public Path root() {
    return root;
  }

  /** The folder holding an entry's files. */
  public Path entryDir(ModelEntry entry) {
    return root.resolve(entry.name()).resolve(entry.source().version());
  }

  /** Where one of an entry's files is, by file name. */
  public Path path(ModelEntry entry, String fileName) {
    return entryDir(entry).resolve(fileName);
  }

  /** Where an entry's ONNX file is. */
  public Path modelPath(ModelEntry entry) {
    return path(entry, entry.model());
  }

  /**
   * The path of an entry's ONNX file, after checking every file of the entry against its pin; what
   * a processor calls when it loads a model.
   *
   * @throws ModelUnavailableException saying what is missing or wrong and how to fetch it
   */
  public Path require(ModelEntry entry) throws IOException {
    EntryStatus status = status(entry, ModelConverters.installed());
    if (!status.usable()) {
      throw new ModelUnavailableException(
          "model " + entry.name() + " in " + entryDir(entry) + ": " + status.describe());
    }
    return modelPath(entry);
  }

  /** Checks every file of an entry against its pin, with the installed converters. */
  public EntryStatus status(ModelEntry entry) throws IOException {
    return status(entry, ModelConverters.installed());
  }

  /**
   * Checks every file of an entry against its pin (hashing each file present).
   *
   * @param converters tell a converted file that {@code fetch} can make from one it cannot
   */
  public EntryStatus status(ModelEntry entry, ModelConverters converters) throws IOException {
    List<FileStatus> files = new ArrayList<>();
    for (ModelFile file : entry.files()) {
      files.add(check(path(entry, file.fileName()), file.sha256()));
    }
    Conversion conversion = entry.conversion();
    if (conversion != null) {
      Path model = modelPath(entry);
      if (Files.isRegularFile(model)) {
        files.add(check(model, conversion.sha256()));
      } else {
        State state =
            converters.find(conversion.converter()).isPresent()
                ? State.MISSING
                : State.CONVERTER_MISSING;
        files.add(new FileStatus(model, conversion.sha256(), null, state));
      }
    }
    State worst =
        files.stream().map(FileStatus::state).max(Comparator.naturalOrder()).orElseThrow();
    return new EntryStatus(entry, worst, files);
  }

  private static FileStatus check(Path file, String expected) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new FileStatus(file, expected, null, State.MISSING);
    }
    String actual = Checksums.sha256(file);
    State state =
        expected == null
            ? State.UNPINNED
            : expected.equals(actual) ? State.VERIFIED : State.MISMATCH;
    return new FileStatus(file, expected, actual, state);
  }

  /**
   * Writes a stream to {@code target} if its content has the expected sha256: written under a
   * temporary name in the same folder, synced, checked, then moved into place atomically. On any
   * failure (a stream that breaks off, a mismatch) nothing is left behind and an existing target is
   * untouched.
   *
   * @param expectedSha256 the pin; null to install without a check (an unpinned converted file)
   * @throws ChecksumMismatchException naming the target when the content is not the pinned one
   */
  public void install(Path target, InputStream content, String expectedSha256) throws IOException {
    Path part = partFileFor(target);
    try {
      MessageDigest digest = Checksums.newSha256();
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        new DigestInputStream(content, digest).transferTo(out);
        channel.force(true);
      }
      moveIntoPlace(part, target, expectedSha256, Checksums.hex(digest.digest()));
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /**
   * A new empty temporary file next to {@code target}, for a writer that needs a path (a
   * converter); hand it to {@link #commit} afterwards.
   */
  public Path partFileFor(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", PART_SUFFIX);
  }

  /**
   * Moves a finished temporary file into place if its sha256 is the expected one; deletes it
   * otherwise.
   *
   * @param expectedSha256 the pin; null to move it without a check
   * @throws ChecksumMismatchException naming the target on a mismatch
   */
  public void commit(Path part, Path target, String expectedSha256) throws IOException {
    try {
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      moveIntoPlace(part, target, expectedSha256, Checksums.sha256(part));
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private static void moveIntoPlace(Path part, Path target, String expected, String actual)
      throws IOException {
    if (expected != null && !expected.equals(actual)) {
      throw new ChecksumMismatchException(target, expected, actual);
    }
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Deletes temporary files left in an entry's folder by a fetch that was killed. Call it holding
   * the {@link #lock()}, so no other fetch is writing them.
   */
  public void deleteLeftovers(ModelEntry entry) throws IOException {
    Path dir = entryDir(entry);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, ".*" + PART_SUFFIX)) {
      for (Path part : parts) {
        Files.deleteIfExists(part);
      }
    }
  }

  /**
   * Takes the cache's exclusive lock, across processes (several builds may fetch into one cache at
   * once) and threads; blocks until it is free. Not reentrant.
   */
  public Closeable lock() throws IOException {
    return lock(() -> {});
  }

  /**
   * Takes the cache's exclusive lock like {@link #lock()}, first running {@code whenBusy} if
   * another process holds it (to say why the caller waits).
   */
  public Closeable lock(Runnable whenBusy) throws IOException {
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
    if (jvmLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("the lock of " + root + " is already held by this thread");
    }
    jvmLock.lock();
    try {
      Files.createDirectories(root);
      FileChannel channel =
          FileChannel.open(
              root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        if (channel.tryLock() == null) {
          whenBusy.run();
          channel.lock();
        }
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      // Closing the channel releases its lock.
      return () -> {
        try {
          channel.close();
        } finally {
          jvmLock.unlock();
        }
      };
    } catch (IOException | RuntimeException e) {
      jvmLock.unlock();
      throw e;
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
