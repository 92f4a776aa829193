package io.streamsight.processors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real test media (photos, speech) extracted from Debian packages into the media cache by {@code
 * bin/fetch-media}. Tests that need them call these methods, which skip the test (a JUnit
 * assumption) saying what is missing and how to get it, rather than fail, on machines without them.
 *
 * <p>The cache is system property {@value #PROPERTY}, else environment variable {@value #ENV}, else
 * {@code ${user.home}/.cache/streamsight/media}.
 */
public final class TestMedia {

  public static final String PROPERTY = "streamsight.media.dir";
  public static final String ENV = "STREAMSIGHT_MEDIA_DIR";

  /** darknet's sample photos. */
  public static final String DARKNET_DATA = "usr/share/darknet/data";

  /** pocketsphinx-testdata's LibriVox clips: 16 kHz mono 16-bit WAV. */
  public static final String LIBRIVOX = "usr/share/pocketsphinx/test/data/librivox";

  /** pocketsphinx-testdata's headerless recordings: 16 kHz mono pcm_s16le. */
  public static final String POCKETSPHINX_DATA = "usr/share/pocketsphinx/test/data";

  /** opencv-doc's sample data: vtest.avi (pedestrian video), messi5.jpg, imageText*.png. */
  public static final String OPENCV_DATA = "usr/share/doc/opencv-doc/examples/data";

  /** opencv-doc's scene-text photos: scenetext01.jpg (a street sign). */
  public static final String OPENCV_TEXT = "usr/share/doc/opencv-doc/examples/text";

  /** python3-skimage's sample images: astronaut.png (a portrait), page.png, text.png. */
  public static final String SKIMAGE_DATA = "usr/lib/python3/dist-packages/skimage/data";

  private static final String HOW =
      " (get it with bin/fetch-media, or: apt-get download darknet pocketsphinx-testdata"
          + " opencv-doc python3-skimage and dpkg -x each .deb into the media dir)";

  private TestMedia() {}

  /** The media cache directory, whether or not it exists. */
  public static Path dir() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(ENV);
    }
    if (configured == null || configured.isBlank()) {
      return Path.of(System.getProperty("user.home"), ".cache", "streamsight", "media");
    }
    return Path.of(configured);
  }

  /** The media file at {@code relative} in the cache; skips the calling test when it is absent. */
  public static Path require(String relative) {
    Path file = dir().resolve(relative);
    assumeTrue(Files.isRegularFile(file), "real media " + file + " is absent" + HOW);
    return file;
  }

  /** A darknet photo such as {@code person.jpg}; skips the calling test when it is absent. */
  public static Path darknetPhoto(String name) {
    return require(DARKNET_DATA + "/" + name);
  }

  /**
   * The files ending in {@code suffix} in {@code relativeDir}; skips the test when there are none.
   */
  public static List<Path> list(String relativeDir, String suffix) {
    Path folder = dir().resolve(relativeDir);
    assumeTrue(Files.isDirectory(folder), "real media folder " + folder + " is absent" + HOW);
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found =
          files
              .filter(f -> f.getFileName().toString().endsWith(suffix) && Files.isRegularFile(f))
              .sorted()
              .toList();
      assumeTrue(!found.isEmpty(), "no *" + suffix + " in " + folder + HOW);
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a media file; skips the calling test when it is absent. */
  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(require(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
