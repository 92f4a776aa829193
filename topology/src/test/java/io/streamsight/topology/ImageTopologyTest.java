package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.ClaimCheck;
import io.streamsight.events.EnrichedImage;
import io.streamsight.events.ImageEvent;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.topology.samples.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTopologyTest extends TopologyTestSupport {

  private TestInputTopic<String, ImageEvent> images;
  private TestOutputTopic<String, EnrichedImage> enriched;

  @Override
  protected Map<String, String> overrides() {
    // 20 megapixels: above every photo used here, below the crafted bomb.
    return Map.of("image.max.pixels", "20000000", "image.max.bytes", "2000000");
  }

  @BeforeEach
  void topics() {
    images = input(topics.images());
    enriched = output(topics.enrichedImages());
  }

  private static ImageEvent event(String id, Object payload) {
    return ImageEvent.newBuilder()
        .setEventId(id)
        .setSourceId("camera-1")
        .setCaptureTime(START)
        .setContentType("image/jpeg")
        .setPayload(payload)
        .setFrameIndex(42L)
        .setAttributes(Map.of("site", "lobby"))
        .build();
  }

  @Test
  void shouldEnrichRealPhotoWithItsFormatSizeAndDigest() throws Exception {
    byte[] photo = Files.readAllBytes(TestMedia.darknetPhoto("dog.jpg"));
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(photo));

    images.pipeInput("camera-1", event("dog", ByteBuffer.wrap(photo)));

    TestRecord<String, EnrichedImage> out = enriched.readRecord();
    assertThat(out.key()).isEqualTo("camera-1");
    EnrichedImage image = out.value();
    assertThat(image.getSource().getEventId()).isEqualTo("dog");
    assertThat(image.getSource().getSequence()).isEqualTo(42L);
    assertThat(image.getImage().getFormat()).isEqualTo("jpeg");
    assertThat(image.getImage().getWidth()).isEqualTo(decoded.getWidth());
    assertThat(image.getImage().getHeight()).isEqualTo(decoded.getHeight());
    assertThat(image.getImage().getSha256()).isEqualTo(PayloadResolver.sha256Hex(photo));
    assertThat(image.getAttributes()).containsEntry("site", "lobby");
    assertThat(image.getModels()).extracting(m -> m.getName()).containsExactly("image-header");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldEnrichGeneratedPngAndJpegInOrder() {
    images.pipeInput("camera-1", event("png", ByteBuffer.wrap(SampleMedia.signPng())));
    images.pipeInput("camera-1", event("jpeg", ByteBuffer.wrap(SampleMedia.gradientJpeg())));

    var values = enriched.readValuesToList();
    assertThat(values).extracting(v -> v.getSource().getEventId()).containsExactly("png", "jpeg");
    assertThat(values.get(0).getImage().getFormat()).isEqualTo("png");
    assertThat(values.get(0).getImage().getWidth()).isEqualTo(640);
    assertThat(values.get(1).getImage().getHeight()).isEqualTo(240);
  }

  @Test
  void shouldDeadLetterTruncatedImageWithReasonAndGoOn() {
    byte[] truncated = SampleMedia.truncatedJpeg();
    images.pipeInput("camera-2", event("broken", ByteBuffer.wrap(truncated)));
    images.pipeInput("camera-1", event("good", ByteBuffer.wrap(SampleMedia.gradientJpeg())));

    assertThat(enriched.readValuesToList())
        .extracting(v -> v.getSource().getEventId())
        .containsExactly("good");
    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("camera-2");
    assertThat(errorHeader(dead, "exception")).endsWith("RejectedInputException");
    assertThat(errorHeader(dead, "message")).isNotBlank();
    assertThat(errorHeader(dead, "topic")).isEqualTo("images.raw");
    // The dead letter is the source record, unchanged: it can be replayed once fixed.
    ImageEvent original =
        topics.images().valueSerde().deserializer().deserialize("images.raw", dead.value());
    assertThat(original.getEventId()).isEqualTo("broken");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldDeadLetterDecompressionBombBeforeDecodingIt() throws Exception {
    // A real 20000x20000 PNG would need 1.2 GB to decode; only its header is read.
    BufferedImage tiny = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    var out = new java.io.ByteArrayOutputStream();
    ImageIO.write(tiny, "png", out);
    byte[] png = out.toByteArray();
    ByteBuffer ihdr = ByteBuffer.wrap(png);
    ihdr.putInt(16, 20_000).putInt(20, 20_000); // width, height in IHDR
    fixIhdrCrc(png);

    images.pipeInput("camera-3", event("bomb", ByteBuffer.wrap(png)));

    assertThat(enriched.isEmpty()).isTrue();
    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    assertThat(errorHeader(dead, "message")).contains("20000").contains("image.max.pixels");
  }

  @Test
  void shouldDeadLetterOversizeImage() {
    byte[] big = new byte[2_000_001];
    images.pipeInput("camera-4", event("big", ByteBuffer.wrap(big)));

    assertThat(enriched.isEmpty()).isTrue();
    assertThat(errorHeader(deadLetters.readRecord(), "message")).contains("2000001");
  }

  @Test
  void shouldDeadLetterRecordThatIsNotAvroAndGoOn() {
    rawInput(topics.images())
        .pipeInput(
            "camera-5".getBytes(StandardCharsets.UTF_8),
            "not an avro record".getBytes(StandardCharsets.UTF_8));
    images.pipeInput("camera-1", event("after", ByteBuffer.wrap(SampleMedia.gradientJpeg())));

    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    assertThat(errorHeader(dead, "exception")).endsWith("SerializationException");
    assertThat(errorHeader(dead, "message")).contains("images.raw");
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an avro record");
    assertThat(enriched.readValue().getSource().getEventId()).isEqualTo("after");
  }

  @Test
  void shouldResolveClaimCheckAndRejectOneWhoseDigestDiffers(@TempDir Path dir) throws Exception {
    byte[] jpeg = SampleMedia.gradientJpeg();
    Path stored = dir.resolve("claim.jpg");
    Files.write(stored, jpeg);
    ClaimCheck good =
        ClaimCheck.newBuilder()
            .setUri(stored.toUri().toString())
            .setSha256(PayloadResolver.sha256Hex(jpeg))
            .setSizeBytes(jpeg.length)
            .build();
    ClaimCheck tampered =
        ClaimCheck.newBuilder()
            .setUri(stored.toUri().toString())
            .setSha256("0".repeat(64))
            .setSizeBytes(jpeg.length)
            .build();

    images.pipeInput("camera-1", event("claimed", good));
    images.pipeInput("camera-1", event("tampered", tampered));

    EnrichedImage image = enriched.readValue();
    assertThat(image.getSource().getEventId()).isEqualTo("claimed");
    assertThat(image.getImage().getSha256()).isEqualTo(good.getSha256());
    assertThat(enriched.isEmpty()).isTrue();
    assertThat(errorHeader(deadLetters.readRecord(), "message")).containsIgnoringCase("sha256");
  }

  /** Recomputes the IHDR chunk's CRC after its fields were edited. */
  private static void fixIhdrCrc(byte[] png) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(png, 12, 17); // "IHDR" + 13 data bytes
    ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
  }
}
