package io.streamsight.topology.video;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.ImageEvent;
import io.streamsight.processors.video.VideoFrame;
import io.streamsight.processors.video.VideoSource;
import io.streamsight.topology.cli.EventFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Video into {@link ImageEvent}s, for {@code streamsight ingest-video} and for embedding: each
 * frame a {@link VideoSource} hands out becomes a JPEG {@code ImageEvent} keyed by the camera id,
 * with its frame index and capture time, the bytes inline or, above the claim-check threshold,
 * stored under the claim-check folder and referenced by URI, sha256 and size.
 */
public final class VideoIngest {

  /** Where frames go: e.g. a Kafka producer on {@code video.frames}. */
  @FunctionalInterface
  public interface FrameSink {
    /** Publishes one frame event, keyed by camera id. */
    void publish(String cameraId, ImageEvent frame) throws IOException, InterruptedException;
  }

  private final String cameraId;
  private final float jpegQuality;
  private final EventFactory payloads;

  /**
   * @param jpegQuality 0..1
   * @param claimCheckThresholdBytes frames larger than this are claim-checked
   * @param claimCheckDir where claim-checked frames are stored
   */
  public VideoIngest(
      String cameraId, float jpegQuality, int claimCheckThresholdBytes, Path claimCheckDir) {
    this.cameraId = requireNonNull(cameraId, "cameraId");
    this.jpegQuality = jpegQuality;
    this.payloads =
        new EventFactory(
            requireNonNull(claimCheckDir, "claimCheckDir"),
            claimCheckThresholdBytes,
            Clock.systemUTC());
  }

  /**
   * Publishes up to {@code maxFrames} frames (all when negative) of the source.
   *
   * @return frames published
   */
  public long run(VideoSource source, long maxFrames, FrameSink sink)
      throws IOException, InterruptedException {
    long published = 0;
    while (maxFrames < 0 || published < maxFrames) {
      Optional<VideoFrame> frame = source.next();
      if (frame.isEmpty()) {
        break;
      }
      sink.publish(cameraId, event(frame.get()));
      published++;
    }
    return published;
  }

  /** One frame as an event. */
  public ImageEvent event(VideoFrame frame) {
    byte[] jpeg = jpeg(frame);
    return ImageEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setSourceId(cameraId)
        .setCaptureTime(frame.captureTime())
        .setContentType("image/jpeg")
        .setPayload(payloads.payload(jpeg))
        .setFrameIndex(frame.index())
        .setAttributes(Map.of("camera", cameraId))
        .build();
  }

  private byte[] jpeg(VideoFrame frame) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(jpegQuality);
      writer.write(null, new IIOImage(frame.image(), null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode frame " + frame.index() + " as JPEG", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
