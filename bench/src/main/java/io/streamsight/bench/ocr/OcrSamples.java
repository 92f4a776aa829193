package io.streamsight.bench.ocr;

import java.nio.file.Path;
import java.util.List;

/**
 * The public test images of the OCR comparison and their text, transcribed by hand from the images
 * (facts about public data, kept here as constants). Every piece of text a reader can make out is
 * transcribed, line by line in reading order, including small print (the newspaper box behind the
 * sign, the shop signs behind the fascia); text cut off by the frame or too blurred to read is left
 * out. Handwriting (skimage {@code text.png}) is not in the set.
 *
 * <p>Paths are relative to the media cache that {@code bin/fetch-media} fills (Debian packages
 * {@code opencv-doc} and {@code python3-skimage}).
 */
final class OcrSamples {

  /** One image and its text; {@code page} for scans and photographed pages, else a photo. */
  record Sample(String name, String path, String text) {

    boolean page() {
      return name.startsWith("imageText") || name.equals("page");
    }
  }

  private static final String TEXT = "usr/share/doc/opencv-doc/examples/text/";
  private static final String DATA = "usr/share/doc/opencv-doc/examples/data/";
  private static final String SKIMAGE = "usr/lib/python3/dist-packages/skimage/data/";

  private static final String BOOK =
      """
      technical details are too complex to cover in the book itself.
      In teaching our courses, we have found it useful for the students to attempt a number of
      small implementation projects, which often build on one another, in order to get them used to
      working with real-world images and the challenges that these present. The students are then
      asked to choose an individual topic for each of their small-group, final projects. (Sometimes
      these projects even turn into conference papers!) The exercises at the end of each chapter
      contain numerous suggestions for smaller mid-term projects, as well as more open-ended
      problems whose solutions are still active research topics. Wherever possible, I encourage
      students to try their algorithms on their own personal photographs, since this better motivates
      them, often leads to creative variants on the problems, and better acquaints them with the
      variety and complexity of real-world imagery.
      In formulating and solving computer vision problems, I have often found it useful to draw
      inspiration from three high-level approaches:""";

  static final List<Sample> ALL =
      List.of(
          new Sample(
              "scenetext01",
              TEXT + "scenetext01.jpg",
              "NOTICE\nDOUBLE\nPARKING\nPROHIBITED\nAT ALL TIMES\nThe\nWashington\nPost"),
          new Sample(
              "scenetext02",
              TEXT + "scenetext02.jpg",
              "Sports Centre\nWivenhoe Park\nConference Centre\nCar Parks"),
          new Sample("scenetext03", TEXT + "scenetext03.jpg", "the copy centre"),
          new Sample("scenetext04", TEXT + "scenetext04.jpg", "Gmmco\nGM 125"),
          new Sample("scenetext05", TEXT + "scenetext05.jpg", "NO PARKING\nNO PARKING"),
          new Sample(
              "scenetext06",
              TEXT + "scenetext06.jpg",
              "priory\ngalleries\nat\nthe ship\npriory galleries at the ship"),
          new Sample("segmented_word01", TEXT + "scenetext_segmented_word01.jpg", "HOTEL"),
          new Sample(
              "segmented_word02",
              TEXT + "scenetext_segmented_word02.jpg",
              "Stationery Box\n79p 99p COMP COMPUTER"),
          new Sample(
              "segmented_word03",
              TEXT + "scenetext_segmented_word03.jpg",
              "Customer\nFreephone\nPrivate Hire\nService"),
          new Sample(
              "segmented_word04",
              TEXT + "scenetext_segmented_word04.jpg",
              "F\nFOSTER'S\nFOSTER'S FOSTER'S FOSTER'S"),
          new Sample(
              "segmented_word05",
              TEXT + "scenetext_segmented_word05.jpg",
              "SANYO\nPRO xtraX\nMULTIMEDIA PROJECTOR"),
          new Sample("word02", TEXT + "scenetext_word02.jpg", "HERE"),
          new Sample("word03", TEXT + "scenetext_word03.jpg", "riser"),
          new Sample("word04", TEXT + "scenetext_word04.jpg", "Produkt"),
          new Sample("imageTextN", DATA + "imageTextN.png", BOOK),
          new Sample("imageTextR", DATA + "imageTextR.png", BOOK),
          new Sample(
              "page",
              SKIMAGE + "page.png",
              """
              Region-based segmentation
              Let us first determine markers of the coins and the
              background. These markers are pixels that we can label
              unambiguously as either object or background. Here,
              the markers are found at the two extreme parts of the
              histogram of grey values:
              >>> markers = np.zeros_like(coins)"""));

  private OcrSamples() {}

  /** The media cache: {@code streamsight.media.dir}, {@code STREAMSIGHT_MEDIA_DIR}, or default. */
  static Path mediaDir() {
    String configured = System.getProperty("streamsight.media.dir");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("STREAMSIGHT_MEDIA_DIR");
    }
    if (configured == null || configured.isBlank()) {
      return Path.of(System.getProperty("user.home"), ".cache", "streamsight", "media");
    }
    return Path.of(configured);
  }
}
