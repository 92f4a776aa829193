package io.streamsight.processors.audio;

import static io.streamsight.processors.Rejections.assertRejected;
import static io.streamsight.processors.audio.TestWavs.IEEE_FLOAT;
import static io.streamsight.processors.audio.TestWavs.MP3;
import static io.streamsight.processors.audio.TestWavs.MS_ADPCM;
import static io.streamsight.processors.audio.TestWavs.PCM;
import static io.streamsight.processors.audio.TestWavs.chunk;
import static io.streamsight.processors.audio.TestWavs.chunkDeclaring;
import static io.streamsight.processors.audio.TestWavs.chunkWithoutPad;
import static io.streamsight.processors.audio.TestWavs.fmt;
import static io.streamsight.processors.audio.TestWavs.fmtExtensible;
import static io.streamsight.processors.audio.TestWavs.listInfo;
import static io.streamsight.processors.audio.TestWavs.noise;
import static io.streamsight.processors.audio.TestWavs.riff;
import static io.streamsight.processors.audio.TestWavs.wav;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.AudioInfo;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.payload.PayloadResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioInspectorTest {

  private final AudioInspector inspector = new AudioInspector(10_000_000);

  @ParameterizedTest(name = "{0}: tag {1}, {2} ch, {3} Hz, {4} bits")
  @CsvSource({
    "pcm_u8,    1, 1,   8000,  8, 8000,  1000",
    "pcm_s16le, 1, 1,  16000, 16, 8000,   500",
    "pcm_s24le, 1, 2,  48000, 24, 4800,   100",
    "pcm_s32le, 1, 2,  96000, 32, 9601,   100",
    "pcm_f32le, 3, 2,  44100, 32, 44100, 1000",
    "pcm_f64le, 3, 1,  22050, 64, 11025,  500"
  })
  void shouldReadGeneratedWavs(
      String encoding,
      int tag,
      int channels,
      int sampleRate,
      int bits,
      int frames,
      long durationMs) {
    byte[] bytes = wav(tag, channels, sampleRate, bits, frames);

    AudioInfo info = inspector.inspect(bytes, "wav", null, null);

    assertThat(info.getContainer()).isEqualTo("wav");
    assertThat(info.getEncoding()).isEqualTo(encoding);
    assertThat(info.getChannels()).isEqualTo(channels);
    assertThat(info.getSampleRate()).isEqualTo(sampleRate);
    assertThat(info.getBitsPerSample()).isEqualTo(bits);
    assertThat(info.getFrames()).isEqualTo(frames);
    assertThat(info.getDurationMs()).isEqualTo(durationMs);
    assertThat(info.getSizeBytes()).isEqualTo(bytes.length);
    assertThat(info.getSha256()).isEqualTo(PayloadResolver.sha256Hex(bytes));
  }

  @Test
  void shouldReadExtensiblePcmByItsContainerSize() {
    byte[] bytes =
        riff(
            chunk("fmt ", fmtExtensible(6, 48000, 24, 20, PCM)), chunk("data", noise(6 * 3 * 480)));

    AudioInfo info = inspector.inspectWav(bytes);

    assertThat(info.getEncoding()).isEqualTo("pcm_s24le");
    assertThat(info.getBitsPerSample()).isEqualTo(24);
    assertThat(info.getChannels()).isEqualTo(6);
    assertThat(info.getFrames()).isEqualTo(480);
    assertThat(info.getDurationMs()).isEqualTo(10);
  }

  @Test
  void shouldReadExtensibleFloat() {
    byte[] bytes =
        riff(
            chunk("fmt ", fmtExtensible(2, 44100, 32, 32, IEEE_FLOAT)),
            chunk("data", noise(2 * 4 * 441)));

    AudioInfo info = inspector.inspectWav(bytes);

    assertThat(info.getEncoding()).isEqualTo("pcm_f32le");
    assertThat(info.getFrames()).isEqualTo(441);
  }

  @Test
  void shouldSkipAListChunkBeforeTheData() {
    byte[] bytes =
        riff(
            chunk("fmt ", fmt(PCM, 1, 16000, 16)),
            chunk("LIST", listInfo()),
            chunk("data", noise(3200)));

    AudioInfo info = inspector.inspectWav(bytes);

    assertThat(info.getFrames()).isEqualTo(1600);
    assertThat(info.getDurationMs()).isEqualTo(100);
  }

  @Test
  void shouldSkipAnOddSizedChunkAndItsPadByte() {
    assertThat(listInfo().length % 2).isEqualTo(1);
    byte[] bytes =
        riff(
            chunk("LIST", listInfo()),
            chunk("fmt ", fmt(PCM, 2, 8000, 16)),
            chunk("data", noise(800)));

    assertThat(inspector.inspectWav(bytes).getFrames()).isEqualTo(200);
  }

  @Test
  void shouldTolerateAnOddSizedChunkWrittenWithoutItsPadByte() {
    byte[] bytes =
        riff(
            chunk("fmt ", fmt(PCM, 2, 8000, 16)),
            chunkWithoutPad("LIST", listInfo()),
            chunk("data", noise(800)));

    assertThat(inspector.inspectWav(bytes).getFrames()).isEqualTo(200);
  }

  @Test
  void shouldReadAnOddSizedDataChunkFollowedByItsPadAndMoreChunks() {
    byte[] bytes =
        riff(
            chunk("fmt ", fmt(PCM, 1, 8000, 8)),
            chunk("data", noise(7)),
            chunk("LIST", listInfo()));

    assertThat(inspector.inspectWav(bytes).getFrames()).isEqualTo(7);
  }

  @Test
  void shouldFindTheFmtChunkAfterTheData() {
    byte[] bytes = riff(chunk("data", noise(400)), chunk("fmt ", fmt(PCM, 1, 8000, 16)));

    assertThat(inspector.inspectWav(bytes).getFrames()).isEqualTo(200);
  }

  @Test
  void shouldUseTheBytesPresentWhenAStreamedWavDeclaresUnknownLength() {
    byte[] bytes =
        riff(
            chunk("fmt ", fmt(PCM, 1, 16000, 16)), chunkDeclaring("data", 0xFFFFFFFFL, noise(640)));

    AudioInfo info = inspector.inspectWav(bytes);

    assertThat(info.getFrames()).isEqualTo(320);
    assertThat(info.getDurationMs()).isEqualTo(20);
  }

  @Test
  void shouldUseTheBytesPresentWhenAStreamedWavDeclaresZeroLength() {
    byte[] bytes =
        riff(chunk("fmt ", fmt(PCM, 1, 16000, 16)), chunkDeclaring("data", 0, noise(640)));

    assertThat(inspector.inspectWav(bytes).getFrames()).isEqualTo(320);
  }

  @Test
  void shouldReadAnEmptyDataChunkAsZeroFrames() {
    byte[] bytes = riff(chunk("fmt ", fmt(PCM, 1, 16000, 16)), chunk("data", new byte[0]));

    AudioInfo info = inspector.inspectWav(bytes);

    assertThat(info.getFrames()).isZero();
    assertThat(info.getDurationMs()).isZero();
  }

  @Test
  void shouldRejectADataChunkLongerThanTheBytesPresentAsTruncated() {
    byte[] bytes =
        riff(chunk("fmt ", fmt(PCM, 1, 16000, 16)), chunkDeclaring("data", 320_000, noise(1200)));

    RejectedInputException e = assertRejected(() -> inspector.inspectWav(bytes), Reason.TRUNCATED);

    assertThat(e).hasMessage("truncated WAV: data chunk declares 320000 bytes but 1200 remain");
  }

  @Test
  void shouldRejectAStreamedWavCutMidFrameAsTruncated() {
    byte[] bytes =
        riff(
            chunk("fmt ", fmt(PCM, 2, 16000, 16)), chunkDeclaring("data", 0xFFFFFFFFL, noise(642)));

    RejectedInputException e = assertRejected(() -> inspector.inspectWav(bytes), Reason.TRUNCATED);

    assertThat(e).hasMessageContaining("642 bytes is not a whole number of 4-byte frames");
  }

  @Test
  void shouldRejectDataThatIsNotAWholeNumberOfFramesAsTruncated() {
    byte[] bytes = riff(chunk("fmt ", fmt(PCM, 2, 16000, 24)), chunk("data", noise(601)));

    assertRejected(() -> inspector.inspectWav(bytes), Reason.TRUNCATED);
  }

  @Test
  void shouldRejectAFileEndingBeforeItsDataChunkAsTruncated() {
    byte[] bytes = riff(chunk("fmt ", fmt(PCM, 1, 16000, 16)));

    RejectedInputException e = assertRejected(() -> inspector.inspectWav(bytes), Reason.TRUNCATED);

    assertThat(e).hasMessageContaining("ends before its data chunk");
  }

  @Test
  void shouldRejectAFileCutInsideItsFmtChunkAsTruncated() {
    byte[] whole = wav(PCM, 1, 16000, 16, 100);

    assertRejected(() -> inspector.inspectWav(Arrays.copyOf(whole, 30)), Reason.TRUNCATED);
    assertRejected(() -> inspector.inspectWav(Arrays.copyOf(whole, 8)), Reason.TRUNCATED);
  }

  @Test
  void shouldRejectMp3InWavWithItsFormatCodeAsUnsupported() {
    byte[] bytes = riff(chunk("fmt ", fmt(MP3, 2, 44100, 4, 0)), chunk("data", noise(417)));

    RejectedInputException e =
        assertRejected(() -> inspector.inspect(bytes, "wav", null, null), Reason.UNSUPPORTED);

    assertThat(e).hasMessageContaining("0x0055").hasMessageContaining("MPEG Layer III");
  }

  @Test
  void shouldRejectAdpcmAsUnsupported() {
    byte[] bytes = riff(chunk("fmt ", fmt(MS_ADPCM, 1, 8000, 256, 4)), chunk("data", noise(512)));

    RejectedInputException e =
        assertRejected(() -> inspector.inspectWav(bytes), Reason.UNSUPPORTED);

    assertThat(e).hasMessageContaining("0x0002");
  }

  @Test
  void shouldRejectExtensibleWithACompressedSubformatAsUnsupported() {
    byte[] bytes =
        riff(chunk("fmt ", fmtExtensible(2, 44100, 16, 16, MP3)), chunk("data", noise(400)));

    RejectedInputException e =
        assertRejected(() -> inspector.inspectWav(bytes), Reason.UNSUPPORTED);

    assertThat(e).hasMessageContaining("0x0055");
  }

  @Test
  void shouldRejectExtensibleWithANonStandardSubformatGuidAsUnsupported() {
    // KSDATAFORMAT_SUBTYPE_AMBISONIC_B_FORMAT_PCM, 00000001-0721-11d3-8644-c8c1ca000000.
    byte[] ambisonic = HexFormat.of().parseHex("2107d3118644c8c1ca000000");
    byte[] bytes =
        riff(
            chunk("fmt ", fmtExtensible(4, 48000, 16, 16, PCM, ambisonic)),
            chunk("data", noise(800)));

    RejectedInputException e =
        assertRejected(() -> inspector.inspectWav(bytes), Reason.UNSUPPORTED);

    assertThat(e).hasMessageContaining("subformat 00000001-0721-11d3-8644-c8c1ca000000");
  }

  @ParameterizedTest
  @CsvSource({"1, 12", "1, 20", "3, 16"})
  void shouldRejectUnusualSampleSizesAsUnsupported(int tag, int bits) {
    byte[] bytes = riff(chunk("fmt ", fmt(tag, 1, 8000, 2, bits)), chunk("data", noise(400)));

    assertRejected(() -> inspector.inspectWav(bytes), Reason.UNSUPPORTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RIFX", "RF64"})
  void shouldRejectOtherRiffFlavoursAsUnsupported(String magic) {
    byte[] bytes =
        TestWavs.container(magic, chunk("fmt ", fmt(PCM, 1, 8000, 16)), chunk("data", noise(4)));

    assertRejected(() -> inspector.inspect(bytes, "wav", null, null), Reason.UNSUPPORTED);
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "768001, 1", "16000, 0", "16000, 65"})
  void shouldRejectSampleRateOrChannelsOutsideSaneRangesAsUndecodable(
      int sampleRate, int channels) {
    byte[] bytes = riff(chunk("fmt ", fmt(PCM, channels, sampleRate, 16)), chunk("data", noise(0)));

    assertRejected(() -> inspector.inspectWav(bytes), Reason.UNDECODABLE);
  }

  @Test
  void shouldAcceptTheHighestSaneSampleRateAndChannelCount() {
    byte[] bytes = wav(PCM, 64, 768_000, 16, 768);

    AudioInfo info = inspector.inspectWav(bytes);

    assertThat(info.getSampleRate()).isEqualTo(768_000);
    assertThat(info.getChannels()).isEqualTo(64);
    assertThat(info.getDurationMs()).isEqualTo(1);
  }

  @Test
  void shouldRejectABlockAlignThatContradictsTheSampleLayoutAsUndecodable() {
    byte[] bytes = riff(chunk("fmt ", fmt(PCM, 2, 8000, 3, 16)), chunk("data", noise(400)));

    RejectedInputException e =
        assertRejected(() -> inspector.inspectWav(bytes), Reason.UNDECODABLE);

    assertThat(e).hasMessageContaining("blockAlign 3");
  }

  @Test
  void shouldRejectAShortFmtChunkAsUndecodable() {
    byte[] bytes = riff(chunk("fmt ", new byte[12]), chunk("data", noise(4)));

    assertRejected(() -> inspector.inspectWav(bytes), Reason.UNDECODABLE);
  }

  @Test
  void shouldRejectAnotherRiffTypeAsUndecodable() {
    byte[] avi = wav(PCM, 1, 8000, 16, 10);
    System.arraycopy("AVI ".getBytes(US_ASCII), 0, avi, 8, 4);

    assertRejected(() -> inspector.inspectWav(avi), Reason.UNDECODABLE);
  }

  @Test
  void shouldRejectDeclaredWavWithoutARiffHeaderAsUndecodable() {
    RejectedInputException e =
        assertRejected(() -> inspector.inspect(noise(1000), "wav", null, null), Reason.UNDECODABLE);

    assertThat(e).hasMessage("not a WAV file (no RIFF/WAVE header)");
  }

  @Test
  void shouldRejectEmptyAudioAsUndecodable() {
    assertRejected(() -> inspector.inspect(new byte[0], "wav", null, null), Reason.UNDECODABLE);
    assertRejected(() -> inspector.inspect(new byte[0], "pcm_s16le", 16000, 1), Reason.UNDECODABLE);
  }

  @Test
  void shouldRejectMoreBytesThanTheLimitAsOversize() {
    byte[] bytes = wav(PCM, 1, 8000, 16, 100);

    RejectedInputException e =
        assertRejected(
            () -> new AudioInspector(bytes.length - 1).inspect(bytes, "wav", null, null),
            Reason.OVERSIZE);

    assertThat(e).hasMessageContaining("audio.max.bytes=" + (bytes.length - 1));
  }

  @Test
  void shouldReadRawPcmFromTheDeclaredFormat() {
    AudioInfo info = inspector.inspect(noise(2 * 3 * 24_000), "pcm_s24le", 48_000, 2);

    assertThat(info.getContainer()).isEqualTo("raw");
    assertThat(info.getEncoding()).isEqualTo("pcm_s24le");
    assertThat(info.getBitsPerSample()).isEqualTo(24);
    assertThat(info.getFrames()).isEqualTo(24_000);
    assertThat(info.getDurationMs()).isEqualTo(500);
  }

  @Test
  void shouldMatchRawEncodingNamesIgnoringCase() {
    assertThat(inspector.inspect(noise(8), "PCM_F32LE", 8000, 1).getEncoding())
        .isEqualTo("pcm_f32le");
  }

  @Test
  void shouldLetTheHeaderWinWhenARawEncodingIsDeclaredForAWavFile() {
    byte[] bytes = wav(PCM, 2, 44100, 16, 441);

    AudioInfo info = inspector.inspect(bytes, "pcm_s16le", 8000, 1);

    assertThat(info.getContainer()).isEqualTo("wav");
    assertThat(info.getSampleRate()).isEqualTo(44100);
    assertThat(info.getChannels()).isEqualTo(2);
    assertThat(info.getFrames()).isEqualTo(441);
  }

  @Test
  void shouldRejectRawPcmWithoutSampleRateOrChannelsAsUnsupported() {
    assertRejected(() -> inspector.inspect(noise(100), "pcm_s16le", null, 1), Reason.UNSUPPORTED);
    RejectedInputException e =
        assertRejected(
            () -> inspector.inspect(noise(100), "pcm_s16le", 16000, null), Reason.UNSUPPORTED);
    assertThat(e).hasMessageContaining("needs the event's sampleRate and channels");
  }

  @Test
  void shouldRejectRawPcmThatIsNotAWholeNumberOfFramesAsTruncated() {
    RejectedInputException e =
        assertRejected(
            () -> inspector.inspect(noise(1001), "pcm_s16le", 16000, 1), Reason.TRUNCATED);

    assertThat(e).hasMessageContaining("1001 bytes is not a whole number of 2-byte frames");
  }

  @Test
  void shouldRejectAnUnknownEncodingAsUnsupported() {
    RejectedInputException e =
        assertRejected(() -> inspector.inspect(noise(100), "opus", 48000, 1), Reason.UNSUPPORTED);

    assertThat(e).hasMessageContaining("'opus'").hasMessageContaining("pcm_s16le");
  }

  @Test
  void shouldRejectRawPcmWithAnInsaneSampleRateAsUndecodable() {
    assertRejected(() -> inspector.inspect(noise(100), "pcm_u8", 0, 1), Reason.UNDECODABLE);
  }

  @Test
  void shouldAgreeWithJavaSoundOnGeneratedWavs() throws Exception {
    List<byte[]> files =
        List.of(
            wav(PCM, 1, 16000, 16, 8000),
            wav(PCM, 2, 48000, 24, 4800),
            wav(PCM, 1, 8000, 8, 123),
            wav(IEEE_FLOAT, 2, 44100, 32, 4410),
            riff(
                chunk("fmt ", fmt(PCM, 1, 16000, 16)),
                chunk("LIST", listInfo()),
                chunk("data", noise(3200))),
            riff(
                chunk("fmt ", fmtExtensible(2, 48000, 24, 24, PCM)),
                chunk("data", noise(2 * 3 * 480))));

    for (byte[] file : files) {
      assertAgreesWithJavaSound(file);
    }
  }

  @Test
  void shouldReadWavsWrittenByJavaSound() throws Exception {
    AudioFormat format = new AudioFormat(22050f, 16, 2, true, false);
    byte[] pcm = noise(4 * 2205);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AudioSystem.write(
        new AudioInputStream(new ByteArrayInputStream(pcm), format, 2205),
        AudioFileFormat.Type.WAVE,
        out);

    AudioInfo info = inspector.inspect(out.toByteArray(), "wav", null, null);

    assertThat(info.getEncoding()).isEqualTo("pcm_s16le");
    assertThat(info.getSampleRate()).isEqualTo(22050);
    assertThat(info.getChannels()).isEqualTo(2);
    assertThat(info.getFrames()).isEqualTo(2205);
    assertThat(info.getDurationMs()).isEqualTo(100);
  }

  @Test
  void shouldAgreeWithJavaSoundOnRealLibriVoxClips() throws Exception {
    List<Path> clips = TestMedia.list(TestMedia.LIBRIVOX, ".wav");

    for (Path clip : clips) {
      byte[] bytes = Files.readAllBytes(clip);
      AudioInfo info = inspector.inspect(bytes, "wav", null, null);

      assertThat(info.getSampleRate()).as("%s", clip).isEqualTo(16000);
      assertThat(info.getChannels()).as("%s", clip).isEqualTo(1);
      assertThat(info.getEncoding()).as("%s", clip).isEqualTo("pcm_s16le");
      assertThat(info.getDurationMs()).as("%s", clip).isBetween(1000L, 60_000L);
      assertAgreesWithJavaSound(bytes);
    }
  }

  @Test
  void shouldReadTheRealClipDurations() {
    byte[] clip =
        TestMedia.bytes(TestMedia.LIBRIVOX + "/sense_and_sensibility_01_austen_64kb-0870.wav");

    AudioInfo info = inspector.inspectWav(clip);

    assertThat(info.getFrames()).isEqualTo(113_600);
    assertThat(info.getDurationMs()).isEqualTo(7_100);
  }

  @Test
  void shouldRejectARealClipCutShortAsTruncated() {
    byte[] clip =
        TestMedia.bytes(TestMedia.LIBRIVOX + "/sense_and_sensibility_01_austen_64kb-0870.wav");

    RejectedInputException e =
        assertRejected(() -> inspector.inspectWav(Arrays.copyOf(clip, 1244)), Reason.TRUNCATED);

    assertThat(e).hasMessage("truncated WAV: data chunk declares 227200 bytes but 1200 remain");
  }

  @Test
  void shouldReadRealHeaderlessPcm() {
    byte[] raw = TestMedia.bytes(TestMedia.POCKETSPHINX_DATA + "/goforward.raw");

    AudioInfo info = inspector.inspect(raw, "pcm_s16le", 16000, 1);

    assertThat(info.getContainer()).isEqualTo("raw");
    assertThat(info.getFrames()).isEqualTo(raw.length / 2);
    assertThat(info.getDurationMs()).isEqualTo(raw.length / 2 * 1000L / 16000);
  }

  private void assertAgreesWithJavaSound(byte[] file)
      throws IOException, UnsupportedAudioFileException {
    AudioInfo ours = inspector.inspectWav(file);
    AudioFileFormat theirs = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(file));

    assertThat(ours.getFrames()).as("frames").isEqualTo(theirs.getFrameLength());
    assertThat((float) ours.getSampleRate())
        .as("sample rate")
        .isEqualTo(theirs.getFormat().getSampleRate());
    assertThat(ours.getChannels()).as("channels").isEqualTo(theirs.getFormat().getChannels());
    assertThat(ours.getBitsPerSample())
        .as("bits")
        .isEqualTo(theirs.getFormat().getSampleSizeInBits());
  }
}
