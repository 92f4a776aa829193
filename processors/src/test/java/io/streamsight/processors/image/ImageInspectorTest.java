package io.streamsight.processors.image;

import static io.streamsight.processors.Rejections.assertRejected;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.ImageInfo;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import io.streamsight.processors.TestMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageInspectorTest {

  private static final long MAX_BYTES = 50L * 1024 * 1024;
  private static final long MAX_PIXELS = 40_000_000L;

  private final ImageInspector inspector = new ImageInspector(MAX_BYTES, MAX_PIXELS);

  @ParameterizedTest
  @CsvSource({
    "png, 97, 61",
    "jpeg, 97, 61",
    "gif, 97, 61",
    "bmp, 97, 61",
    "tiff, 97, 61",
    "wbmp, 97, 61",
    "png, 1, 1",
    "jpeg, 1920, 1080"
  })
  void shouldReadFormatDimensionsSizeAndDigestOfGeneratedImages(
      String format, int width, int height) {
    byte[] bytes = TestImages.encode(format, width, height);

    ImageInfo info = inspector.inspect(bytes);

    assertThat(info.getFormat()).isEqualTo(format);
    assertThat(info.getWidth()).isEqualTo(width);
    assertThat(info.getHeight()).isEqualTo(height);
    assertThat(info.getSizeBytes()).isEqualTo(bytes.length);
    assertThat(info.getSha256()).isEqualTo(sha256(bytes));
  }

  @Test
  void shouldAcceptAFourChannelJpeg() {
    ImageInfo info = inspector.inspect(TestImages.fourChannelJpeg(40, 30));

    assertThat(info.getFormat()).isEqualTo("jpeg");
    assertThat(info.getWidth()).isEqualTo(40);
    assertThat(info.getHeight()).isEqualTo(30);
  }

  @Test
  void shouldLeaveTheBytesUnmodified() {
    byte[] bytes = TestImages.encode("png", 20, 10);
    byte[] copy = bytes.clone();

    inspector.inspect(bytes);

    assertThat(bytes).isEqualTo(copy);
  }

  @ParameterizedTest
  @CsvSource({"person.jpg, 640, 424", "dog.jpg, 768, 576"})
  void shouldReadTheDimensionsOfRealPhotos(String name, int width, int height) throws IOException {
    byte[] bytes = Files.readAllBytes(TestMedia.darknetPhoto(name));

    ImageInfo info = inspector.inspect(bytes);

    assertThat(info.getFormat()).isEqualTo("jpeg");
    assertThat(info.getWidth()).isEqualTo(width);
    assertThat(info.getHeight()).isEqualTo(height);
    assertThat(info.getSizeBytes()).isEqualTo(bytes.length);
    assertThat(info.getSha256()).isEqualTo(sha256(bytes));
  }

  @Test
  void shouldAgreeWithAFullImageIoDecodeOnEveryRealPhoto() throws IOException {
    List<Path> photos = TestMedia.list(TestMedia.DARKNET_DATA, ".jpg");

    for (Path photo : photos) {
      BufferedImage decoded = ImageIO.read(photo.toFile());
      ImageInfo info = inspector.inspect(Files.readAllBytes(photo));

      assertThat(info.getWidth()).as("width of %s", photo).isEqualTo(decoded.getWidth());
      assertThat(info.getHeight()).as("height of %s", photo).isEqualTo(decoded.getHeight());
    }
  }

  @Test
  void shouldRejectDecompressionBombFromItsHeaderWithoutDecoding() {
    byte[] bomb = TestImages.pngDeclaring(50_000, 50_000);
    assertThat(bomb.length).isLessThan(200);

    RejectedInputException e = assertRejected(() -> inspector.inspect(bomb), Reason.OVERSIZE);

    assertThat(e)
        .hasMessage(
            "image too large: 50000x50000 = 2500000000 pixels exceeds"
                + " image.max.pixels=40000000");
  }

  @Test
  void shouldAcceptTheCraftedPngWhenItsDimensionsMatchItsData() {
    // The bomb's construction is a valid PNG: only its declared size makes it a bomb.
    ImageInfo info = inspector.inspect(TestImages.pngDeclaring(4, 4));

    assertThat(info.getFormat()).isEqualTo("png");
    assertThat(info.getWidth()).isEqualTo(4);
    assertThat(info.getHeight()).isEqualTo(4);
  }

  @Test
  void shouldRejectPngWhosePixelDataIsShorterThanItsHeaderDeclaresAsCorrupt() {
    byte[] png = TestImages.pngDeclaring(2000, 1000);

    RejectedInputException e = assertRejected(() -> inspector.inspect(png), Reason.UNDECODABLE);

    assertThat(e).hasMessageStartingWith("corrupt png image (2000x1000)");
  }

  @Test
  void shouldAcceptExactlyTheMaximumPixelCountAndRejectOneMore() {
    byte[] bytes = TestImages.encode("png", 100, 100);

    assertThat(new ImageInspector(MAX_BYTES, 10_000).inspect(bytes).getWidth()).isEqualTo(100);
    RejectedInputException e =
        assertRejected(() -> new ImageInspector(MAX_BYTES, 9_999).inspect(bytes), Reason.OVERSIZE);
    assertThat(e).hasMessageContaining("100x100 = 10000 pixels exceeds image.max.pixels=9999");
  }

  @Test
  void shouldRejectMoreBytesThanTheLimitAsOversize() {
    byte[] bytes = TestImages.encode("bmp", 50, 50);
    ImageInspector small = new ImageInspector(bytes.length - 1, MAX_PIXELS);

    RejectedInputException e = assertRejected(() -> small.inspect(bytes), Reason.OVERSIZE);

    assertThat(e).hasMessageContaining("image.max.bytes=" + (bytes.length - 1));
  }

  @Test
  void shouldRejectRealPhotoCutInHalfAsCorrupt() throws IOException {
    byte[] photo = Files.readAllBytes(TestMedia.darknetPhoto("person.jpg"));
    byte[] half = Arrays.copyOf(photo, photo.length / 2);

    RejectedInputException e = assertRejected(() -> inspector.inspect(half), Reason.UNDECODABLE);

    assertThat(e).hasMessageStartingWith("corrupt jpeg image (640x424)");
  }

  @Test
  void shouldRejectRealPhotoCutBeforeItsFrameHeaderAsUndecodable() throws IOException {
    byte[] photo = Files.readAllBytes(TestMedia.darknetPhoto("person.jpg"));

    assertRejected(() -> inspector.inspect(Arrays.copyOf(photo, 600)), Reason.UNDECODABLE);
  }

  @Test
  void shouldRejectGeneratedJpegCutInHalfAsUndecodable() {
    byte[] jpeg = TestImages.encode("jpeg", 640, 480);

    assertRejected(
        () -> inspector.inspect(Arrays.copyOf(jpeg, jpeg.length / 2)), Reason.UNDECODABLE);
  }

  @Test
  void shouldRejectJpegMissingOnlyItsEndOfImageMarker() {
    byte[] jpeg = TestImages.encode("jpeg", 64, 48);

    RejectedInputException e =
        assertRejected(
            () -> inspector.inspect(Arrays.copyOf(jpeg, jpeg.length - 2)), Reason.UNDECODABLE);

    assertThat(e).hasMessageContaining("EOI");
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "gif", "bmp", "tiff"})
  void shouldRejectOtherFormatsCutInHalfAsUndecodable(String format) {
    byte[] bytes = TestImages.encode(format, 200, 100);

    assertRejected(
        () -> inspector.inspect(Arrays.copyOf(bytes, bytes.length / 2)), Reason.UNDECODABLE);
  }

  @ParameterizedTest
  @ValueSource(longs = {42, 7, 2024})
  void shouldRejectRandomBytesAsUndecodable(long seed) {
    byte[] noise = new byte[4096];
    new Random(seed).nextBytes(noise);

    assertRejected(() -> inspector.inspect(noise), Reason.UNDECODABLE);
  }

  @Test
  void shouldRejectTextAsNotAnImage() {
    RejectedInputException e =
        assertRejected(
            () -> inspector.inspect("hello, not an image".getBytes(UTF_8)), Reason.UNDECODABLE);

    assertThat(e).hasMessage("not a decodable image (no reader for the header bytes)");
  }

  @Test
  void shouldRejectEmptyBytesAsUndecodable() {
    assertRejected(() -> inspector.inspect(new byte[0]), Reason.UNDECODABLE);
  }

  @Test
  void shouldRejectPngDeclaringZeroWidthAsUndecodable() {
    assertRejected(() -> inspector.inspect(TestImages.pngDeclaring(0, 10)), Reason.UNDECODABLE);
  }

  @Test
  void shouldDecodeARealPhotoOnceAndReportWhatInspectReports() throws IOException {
    byte[] photo = Files.readAllBytes(TestMedia.darknetPhoto("dog.jpg"));

    ImageInspector.DecodedImage decoded = inspector.decode(photo);

    assertThat(decoded.info()).isEqualTo(inspector.inspect(photo));
    BufferedImage reference = ImageIO.read(TestMedia.darknetPhoto("dog.jpg").toFile());
    assertThat(decoded.image().getWidth()).isEqualTo(768);
    assertThat(decoded.image().getRGB(100, 200)).isEqualTo(reference.getRGB(100, 200));
  }

  @Test
  void shouldRejectACutPhotoWhenDecodingItButPassItsIntactHeader() throws IOException {
    byte[] photo = Files.readAllBytes(TestMedia.darknetPhoto("person.jpg"));
    byte[] half = Arrays.copyOf(photo, photo.length / 2);

    inspector.checkHeader(half);
    RejectedInputException e = assertRejected(() -> inspector.decode(half), Reason.UNDECODABLE);

    assertThat(e).hasMessageStartingWith("corrupt jpeg image (640x424)");
  }

  @Test
  void shouldRejectBombsAndOversizeImagesFromTheHeaderCheckAlone() {
    assertRejected(
        () -> inspector.checkHeader(TestImages.pngDeclaring(50_000, 50_000)), Reason.OVERSIZE);
    assertRejected(() -> inspector.checkHeader("not an image".getBytes(UTF_8)), Reason.UNDECODABLE);
  }

  @Test
  void shouldDecodeAFourChannelJpegIntoPixelsTheModelsCanRead() {
    ImageInspector.DecodedImage decoded = inspector.decode(TestImages.fourChannelJpeg(40, 30));

    assertThat(decoded.info().getFormat()).isEqualTo("jpeg");
    assertThat(Pixels.packedRgb(decoded.image())).hasSize(40 * 30);
  }

  @Test
  void shouldNormaliseReaderFormatNames() {
    assertThat(ImageInspector.normalisedFormat("JPEG")).isEqualTo("jpeg");
    assertThat(ImageInspector.normalisedFormat("jpg")).isEqualTo("jpeg");
    assertThat(ImageInspector.normalisedFormat("tif")).isEqualTo("tiff");
    assertThat(ImageInspector.normalisedFormat("png")).isEqualTo("png");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
