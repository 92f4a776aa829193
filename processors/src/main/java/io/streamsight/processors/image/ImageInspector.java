package io.streamsight.processors.image;

import io.streamsight.events.ImageInfo;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import io.streamsight.processors.payload.PayloadResolver;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads what an encoded image is (format, width, height, size, SHA-256) and refuses images that are
 * too large, undecodable or corrupt.
 *
 * <p>The order of the checks is the decompression-bomb guard: the byte limit first, then the
 * dimensions from the header alone ({@link ImageReader#getWidth}/{@link ImageReader#getHeight} read
 * no pixel data), then the pixel limit, and only then a full decode. A 50000x50000 PNG of a few
 * hundred bytes is therefore refused without allocating a pixel. The full decode exists so that a
 * file whose header is intact but whose data is not (a JPEG cut in half) is dead-lettered here with
 * a clear reason rather than failing, or silently decoding to grey, in a model further down. It
 * allocates up to {@code width x height x bands} bytes (about {@code 3 x maxPixels} for colour
 * JPEG): size {@code maxPixels} and the JVM heap together.
 *
 * <p>Decoder warnings count as corruption: the JDK's JPEG decoder answers truncated or damaged data
 * with a warning and grey pixels, not an exception. The one exception is libjpeg's "extraneous
 * bytes before marker", which cameras produce on otherwise intact images. A missing end-of-image
 * marker alone (the last bytes cut) is a warning and therefore a rejection too.
 *
 * <p>Only the first frame of multi-frame formats (GIF, TIFF) is inspected. Formats are those of the
 * JDK's Image I/O plug-ins: jpeg, png, gif, bmp, wbmp, tiff.
 *
 * <p>Stateless and thread-safe: every call uses its own reader.
 */
public final class ImageInspector {

  private static final String BENIGN_JPEG_WARNING = "extraneous bytes before marker";

  private final long maxBytes;
  private final long maxPixels;

  /**
   * @param maxBytes largest encoded image accepted, in bytes ({@code image.max.bytes})
   * @param maxPixels largest width x height accepted ({@code image.max.pixels})
   */
  public ImageInspector(long maxBytes, long maxPixels) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  /**
   * Inspects an encoded image.
   *
   * @param bytes the encoded image (not modified)
   * @return format (lower case: jpeg, png, gif, bmp, wbmp, tiff), dimensions, size and digest
   * @throws RejectedInputException {@link Reason#OVERSIZE} when larger than {@code maxBytes} or
   *     {@code maxPixels}; {@link Reason#UNDECODABLE} when empty, not recognised by any reader,
   *     with an unreadable header, non-positive dimensions, or pixel data that fails to decode
   */
  public ImageInfo inspect(byte[] bytes) {
    return read(bytes, Mode.CHECK).info();
  }

  /**
   * Checks an image as {@link #inspect} does without decoding its pixels: the byte limit, a reader
   * for the format, the header's dimensions and the pixel limit. For a step that will decode the
   * image anyway ({@link #decode}), so that oversize and unreadable images are refused before they
   * are buffered, and the image is still decoded only once.
   *
   * @throws RejectedInputException as {@link #inspect}, except for damaged pixel data
   */
  public void checkHeader(byte[] bytes) {
    read(bytes, Mode.HEADER);
  }

  /**
   * Inspects and decodes an image in one pass: the checks of {@link #inspect}, and the decoded
   * image (colour-converted by the format's reader) for the models.
   *
   * @throws RejectedInputException as {@link #inspect}; also {@link Reason#UNSUPPORTED} when the
   *     pixels decode but cannot be converted to a colour image (some CMYK JPEGs)
   */
  public DecodedImage decode(byte[] bytes) {
    return read(bytes, Mode.DECODE);
  }

  /** What an inspection goes as far as. */
  private enum Mode {
    HEADER,
    CHECK,
    DECODE
  }

  private DecodedImage read(byte[] bytes, Mode mode) {
    if (bytes == null || bytes.length == 0) {
      throw new RejectedInputException(Reason.UNDECODABLE, "not a decodable image (no bytes)");
    }
    if (bytes.length > maxBytes) {
      throw new RejectedInputException(
          Reason.OVERSIZE,
          "image too large: " + bytes.length + " bytes exceeds image.max.bytes=" + maxBytes);
    }
    // A memory-cached stream, not ImageIO.createImageInputStream: with ImageIO's default cache
    // settings that one spools the bytes to a temporary file, and these bytes are health data.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = readerFor(in);
      try {
        return inspect(reader, in, bytes, mode);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      // Only close() can get here; reading from memory does not fail for I/O reasons.
      throw new IllegalStateException(e);
    }
  }

  private DecodedImage inspect(ImageReader reader, ImageInputStream in, byte[] bytes, Mode mode) {
    WarningRecorder warnings = new WarningRecorder();
    reader.addIIOReadWarningListener(warnings);
    reader.setInput(in, true, true);

    String format = "image";
    int width;
    int height;
    try {
      format = normalisedFormat(reader.getFormatName());
      width = reader.getWidth(0);
      height = reader.getHeight(0);
    } catch (IOException | RuntimeException e) {
      // Plug-ins answer malformed headers with IIOException but also with assorted runtime
      // exceptions (IndexOutOfBounds, NegativeArraySize, IllegalArgument).
      throw new RejectedInputException(
          Reason.UNDECODABLE, "not a decodable image (unreadable " + format + " header)", e);
    }
    if (width <= 0 || height <= 0) {
      throw new RejectedInputException(
          Reason.UNDECODABLE,
          "not a decodable image (" + format + " header declares " + width + "x" + height + ")");
    }
    long pixels = (long) width * height;
    if (pixels > maxPixels) {
      throw new RejectedInputException(
          Reason.OVERSIZE,
          "image too large: "
              + width
              + "x"
              + height
              + " = "
              + pixels
              + " pixels exceeds image.max.pixels="
              + maxPixels);
    }

    if (mode == Mode.HEADER) {
      return new DecodedImage(null, null);
    }
    BufferedImage image = null;
    try {
      if (mode == Mode.DECODE) {
        image = decodeColour(reader, format, width, height);
      } else if (reader.canReadRaster()) {
        // Where the plug-in can, decode to a raster: it skips colour conversion, which the check
        // does not need and which some colour spaces (Adobe CMYK/YCCK JPEGs) have failed on.
        reader.readRaster(0, null);
      } else {
        reader.read(0);
      }
    } catch (RejectedInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new RejectedInputException(
          Reason.UNDECODABLE,
          "corrupt " + format + " image (" + width + "x" + height + "): pixel data does not decode",
          e);
    }
    String warning = warnings.first();
    if (warning != null) {
      throw new RejectedInputException(
          Reason.UNDECODABLE,
          "corrupt " + format + " image (" + width + "x" + height + "): " + warning);
    }
    ImageInfo info =
        ImageInfo.newBuilder()
            .setFormat(format)
            .setWidth(width)
            .setHeight(height)
            .setSizeBytes(bytes.length)
            .setSha256(PayloadResolver.sha256Hex(bytes))
            .build();
    return new DecodedImage(info, image);
  }

  private static BufferedImage decodeColour(
      ImageReader reader, String format, int width, int height) throws IOException {
    try {
      return reader.read(0);
    } catch (IIOException e) {
      // The JDK's JPEG reader decodes CMYK/YCCK pixel data but cannot colour-convert it.
      if (reader.canReadRaster() && reader.readRaster(0, null).getNumBands() == 4) {
        throw new RejectedInputException(
            Reason.UNSUPPORTED,
            "four-channel (CMYK) "
                + format
                + " image ("
                + width
                + "x"
                + height
                + ") cannot be converted to RGB for the image models",
            e);
      }
      throw e;
    }
  }

  /**
   * An inspected image and, when it was decoded, its pixels.
   *
   * @param info format, size and digest
   * @param image the decoded image, or null when only inspected
   */
  public record DecodedImage(ImageInfo info, BufferedImage image) {}

  private static ImageReader readerFor(ImageInputStream in) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw new RejectedInputException(
          Reason.UNDECODABLE, "not a decodable image (no reader for the header bytes)");
    }
    return readers.next();
  }

  /** The JDK's plug-ins report JPEG, png, tif, ...; the schema wants one lower-case name each. */
  static String normalisedFormat(String readerFormat) {
    String name = readerFormat.toLowerCase(Locale.ROOT);
    return switch (name) {
      case "jpg" -> "jpeg";
      case "tif" -> "tiff";
      default -> name;
    };
  }

  /** Keeps the first warning that signals damage; the decoder goes on after a warning. */
  private static final class WarningRecorder implements IIOReadWarningListener {
    private String first;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
      if (first == null
          && warning != null
          && !warning.toLowerCase(Locale.ROOT).contains(BENIGN_JPEG_WARNING)) {
        first = warning;
      }
    }

    String first() {
      return first;
    }
  }
}
