package io.streamsight.topology.cli;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.TextEvent;
import io.streamsight.processors.payload.ClaimCheckStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Builds input events from bytes the way a producer should: a fresh event id, the capture time, and
 * the payload inline or, above the claim-check threshold, stored under the claim-check folder and
 * referenced by URI, sha256 and size.
 */
public final class EventFactory {

  private final ClaimCheckStore claims;
  private final Clock clock;

  /**
   * @param claimCheckDir where payloads above the threshold are stored
   * @param claimCheckThresholdBytes payloads larger than this are claim-checked
   * @param clock capture time of the events it builds
   */
  public EventFactory(Path claimCheckDir, int claimCheckThresholdBytes, Clock clock) {
    this.claims = new ClaimCheckStore(claimCheckDir, claimCheckThresholdBytes);
    this.clock = clock;
  }

  ImageEvent image(String sourceId, byte[] bytes, Long frameIndex, Map<String, String> attributes) {
    return ImageEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setSourceId(sourceId)
        .setCaptureTime(clock.instant())
        .setContentType(MediaTypes.imageType(bytes))
        .setPayload(payload(bytes))
        .setFrameIndex(frameIndex)
        .setAttributes(Map.copyOf(attributes))
        .build();
  }

  /** A WAV file, or raw PCM when {@code encoding} names one (then rate and channels are needed). */
  AudioEvent audio(
      String sourceId,
      byte[] bytes,
      String encoding,
      Integer sampleRate,
      Integer channels,
      Map<String, String> attributes) {
    boolean wav = MediaTypes.isWav(bytes);
    return AudioEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setSourceId(sourceId)
        .setCaptureTime(clock.instant())
        .setContentType(wav ? "audio/wav" : "audio/L16")
        .setEncoding(encoding != null ? encoding : wav ? "wav" : "unknown")
        .setSampleRate(sampleRate)
        .setChannels(channels)
        .setPayload(payload(bytes))
        .setAttributes(Map.copyOf(attributes))
        .build();
  }

  TextEvent text(String sourceId, String text, String kind, Map<String, String> attributes) {
    return TextEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setSourceId(sourceId)
        .setCaptureTime(clock.instant())
        .setText(text)
        .setKind(kind)
        .setAttributes(Map.copyOf(attributes))
        .build();
  }

  /** The bytes inline, or a claim check to a copy named after their sha256. */
  public Object payload(byte[] bytes) {
    return claims.payload(bytes);
  }
}
