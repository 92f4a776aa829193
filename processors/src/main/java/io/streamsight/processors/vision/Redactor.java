package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.ImageEvent;
import io.streamsight.processors.payload.ClaimCheckStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns a face-blurred copy into the {@link ImageEvent} published on {@code images.redacted}: the
 * source event's id, source, capture time, frame index and attributes (plus {@value
 * #FACES_ATTRIBUTE}: how many faces were blurred), the copy encoded as PNG when the original was a
 * PNG and as JPEG (quality {@value #JPEG_QUALITY}) otherwise, inline or by claim check as the
 * publisher of the original would have sent it. Encoding goes through memory only (these are images
 * of people). Thread-safe.
 */
public final class Redactor {

  /** Attribute added to redacted events: the number of faces blurred. */
  public static final String FACES_ATTRIBUTE = "redacted.faces";

  static final float JPEG_QUALITY = 0.9f;

  private final ClaimCheckStore claims;

  /**
   * @param claims where copies above the inline limit are stored
   */
  public Redactor(ClaimCheckStore claims) {
    this.claims = requireNonNull(claims, "claims");
  }

  /**
   * The redacted event for {@code source}.
   *
   * @param format the original's format as the header step read it ({@code png}, {@code jpeg}...)
   * @param copy the image with faces blurred
   * @param faces how many faces were blurred
   */
  public ImageEvent redacted(ImageEvent source, String format, BufferedImage copy, int faces) {
    boolean png = "png".equals(format);
    byte[] bytes = encode(copy, png);
    Map<String, String> attributes = new LinkedHashMap<>();
    if (source.getAttributes() != null) {
      attributes.putAll(source.getAttributes());
    }
    attributes.put(FACES_ATTRIBUTE, Integer.toString(faces));
    return ImageEvent.newBuilder()
        .setEventId(source.getEventId())
        .setSourceId(source.getSourceId())
        .setCaptureTime(source.getCaptureTime())
        .setContentType(png ? "image/png" : "image/jpeg")
        .setPayload(claims.payload(bytes))
        .setFrameIndex(source.getFrameIndex())
        .setAttributes(attributes)
        .build();
  }

  static byte[] encode(BufferedImage image, boolean png) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (!png) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a redacted image failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
