package io.streamsight.processors.payload;

import static io.streamsight.processors.Rejections.assertRejected;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.events.ClaimCheck;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadResolverTest {

  private static final byte[] PAYLOAD = "some payload bytes".getBytes(US_ASCII);

  @TempDir Path tmp;

  private final PayloadResolver resolver = new PayloadResolver(100);

  @Test
  void shouldReturnInlineBytes() {
    assertThat(resolver.resolve(ByteBuffer.wrap(PAYLOAD))).isEqualTo(PAYLOAD);
  }

  @Test
  void shouldReadOnlyTheRemainingBytesOfASlicedBufferWithoutMovingItsPosition() {
    ByteBuffer buffer = ByteBuffer.wrap(PAYLOAD, 5, 7);

    byte[] bytes = resolver.resolve(buffer);

    assertThat(new String(bytes, US_ASCII)).isEqualTo("payload");
    assertThat(buffer.position()).isEqualTo(5);
    assertThat(buffer.remaining()).isEqualTo(7);
  }

  @Test
  void shouldReadDirectBuffers() {
    ByteBuffer direct = ByteBuffer.allocateDirect(PAYLOAD.length).put(PAYLOAD).flip();

    assertThat(resolver.resolve(direct)).isEqualTo(PAYLOAD);
  }

  @Test
  void shouldAcceptInlineBytesExactlyAtTheLimit() {
    assertThat(resolver.resolve(ByteBuffer.wrap(new byte[100]))).hasSize(100);
  }

  @Test
  void shouldRejectInlineBytesAboveTheLimitAsOversize() {
    RejectedInputException e =
        assertRejected(() -> resolver.resolve(ByteBuffer.wrap(new byte[101])), Reason.OVERSIZE);

    assertThat(e).hasMessageContaining("101 bytes").hasMessageContaining("100 bytes");
  }

  @Test
  void shouldReadAFileClaimCheckWhoseSizeAndDigestMatch() throws IOException {
    Path file = Files.write(tmp.resolve("claim.bin"), PAYLOAD);

    byte[] bytes = resolver.resolve(claim(file.toUri().toString(), PAYLOAD));

    assertThat(bytes).isEqualTo(PAYLOAD);
  }

  @Test
  void shouldAcceptAnUpperCaseDeclaredDigest() throws IOException {
    Path file = Files.write(tmp.resolve("claim.bin"), PAYLOAD);
    ClaimCheck claim =
        new ClaimCheck(
            file.toUri().toString(),
            PayloadResolver.sha256Hex(PAYLOAD).toUpperCase(Locale.ROOT),
            (long) PAYLOAD.length);

    assertThat(resolver.resolve(claim)).isEqualTo(PAYLOAD);
  }

  @Test
  void shouldRejectAClaimDeclaringMoreThanTheLimitBeforeLookingForTheFile() {
    // The file does not exist: OVERSIZE rather than MISSING proves nothing was read first.
    ClaimCheck claim =
        new ClaimCheck(tmp.resolve("absent.bin").toUri().toString(), "00", 1_000_000L);

    RejectedInputException e = assertRejected(() -> resolver.resolve(claim), Reason.OVERSIZE);

    assertThat(e).hasMessageContaining("1000000 bytes");
  }

  @Test
  void shouldRejectAClaimedFileLargerThanTheLimitEvenWhenTheClaimDeclaresLess() throws IOException {
    Path file = Files.write(tmp.resolve("big.bin"), new byte[500]);
    ClaimCheck claim = new ClaimCheck(file.toUri().toString(), "00", 10L);

    assertRejected(() -> resolver.resolve(claim), Reason.OVERSIZE);
  }

  @Test
  void shouldRejectAClaimedFileWhoseDigestDiffersAsChecksumMismatch() throws IOException {
    Path file = Files.write(tmp.resolve("claim.bin"), PAYLOAD);
    byte[] other = PAYLOAD.clone();
    other[0] ^= 1;
    ClaimCheck claim = claim(file.toUri().toString(), other);

    RejectedInputException e =
        assertRejected(() -> resolver.resolve(claim), Reason.CHECKSUM_MISMATCH);

    assertThat(e)
        .hasMessageContaining(PayloadResolver.sha256Hex(other))
        .hasMessageContaining(PayloadResolver.sha256Hex(PAYLOAD));
  }

  @Test
  void shouldRejectAClaimedFileWhoseSizeDiffersAsChecksumMismatch() throws IOException {
    Path file = Files.write(tmp.resolve("claim.bin"), PAYLOAD);
    ClaimCheck claim =
        new ClaimCheck(
            file.toUri().toString(), PayloadResolver.sha256Hex(PAYLOAD), PAYLOAD.length + 1L);

    RejectedInputException e =
        assertRejected(() -> resolver.resolve(claim), Reason.CHECKSUM_MISMATCH);

    assertThat(e).hasMessageContaining("declares 19 bytes but the file has 18");
  }

  @Test
  void shouldRejectAMissingClaimedFileAsMissing() {
    ClaimCheck claim = claim(tmp.resolve("gone.bin").toUri().toString(), PAYLOAD);

    assertRejected(() -> resolver.resolve(claim), Reason.MISSING);
  }

  @Test
  void shouldRejectOtherSchemesAsUnsupportedNamingTheSchemeButNotTheUri() {
    ClaimCheck claim = claim("s3://bucket/claims/ab12.jpg?X-Amz-Signature=secret-token", PAYLOAD);

    RejectedInputException e = assertRejected(() -> resolver.resolve(claim), Reason.UNSUPPORTED);

    assertThat(e).hasMessageContaining("'s3'").hasMessageNotContaining("secret-token");
  }

  @Test
  void shouldRejectAFileUriWithAHostAsUnsupported() {
    assertRejected(
        () -> resolver.resolve(claim("file://otherhost/claims/x.bin", PAYLOAD)),
        Reason.UNSUPPORTED);
  }

  @Test
  void shouldRejectARelativeUriWithoutSchemeAsUnsupported() {
    assertRejected(() -> resolver.resolve(claim("claims/x.bin", PAYLOAD)), Reason.UNSUPPORTED);
  }

  @Test
  void shouldRejectAMalformedUriAsUnsupported() {
    assertRejected(
        () -> resolver.resolve(claim("file:///claims/a b.bin", PAYLOAD)), Reason.UNSUPPORTED);
  }

  @Test
  void shouldRejectAMissingPayloadAsEmpty() {
    assertRejected(() -> resolver.resolve(null), Reason.EMPTY);
  }

  @Test
  void shouldRejectAPayloadOfAnotherTypeAsUnsupported() {
    assertRejected(() -> resolver.resolve("not bytes"), Reason.UNSUPPORTED);
  }

  @Test
  void shouldComputeLowerCaseHexSha256() {
    assertThat(PayloadResolver.sha256Hex("abc".getBytes(US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(PayloadResolver.sha256Hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void shouldRefuseANonPositiveLimit() {
    assertThatThrownBy(() -> new PayloadResolver(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static ClaimCheck claim(String uri, byte[] content) {
    return new ClaimCheck(uri, PayloadResolver.sha256Hex(content), (long) content.length);
  }
}
