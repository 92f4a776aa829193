package io.streamsight.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real photos the vision benchmarks cycle through, from the media cache {@code bin/fetch-media}
 * fills ({@code STREAMSIGHT_MEDIA_DIR}, else {@code ~/.cache/streamsight/media}).
 */
final class BenchPhotos {

  private static final List<String> FILES =
      List.of(
          "usr/share/darknet/data/person.jpg",
          "usr/share/darknet/data/dog.jpg",
          "usr/share/darknet/data/horses.jpg",
          "usr/share/darknet/data/kite.jpg",
          "usr/share/darknet/data/giraffe.jpg",
          "usr/share/doc/opencv-doc/examples/data/messi5.jpg",
          "usr/share/doc/opencv-doc/examples/text/scenetext01.jpg",
          "usr/lib/python3/dist-packages/skimage/data/astronaut.png");

  private BenchPhotos() {}

  /** The encoded photos found in the media cache; fails when there are none. */
  static List<byte[]> load() throws IOException {
    String configured = System.getenv("STREAMSIGHT_MEDIA_DIR");
    Path dir =
        configured == null || configured.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache", "streamsight", "media")
            : Path.of(configured);
    List<byte[]> photos = new ArrayList<>();
    for (String file : FILES) {
      Path path = dir.resolve(file);
      if (Files.isRegularFile(path)) {
        photos.add(Files.readAllBytes(path));
      }
    }
    if (photos.isEmpty()) {
      throw new IllegalStateException("no photos in " + dir + " (run bin/fetch-media)");
    }
    return photos;
  }
}
