package io.streamsight.processors.audio;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.AudioInfo;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.RejectedInputException.Reason;
import io.streamsight.processors.payload.PayloadResolver;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Lets through the audio events the speech step can decode, unchanged, and refuses the others
 * before they reach its micro-batch, so they are dead-lettered with their own reason: no value,
 * truncated, unsupported, oversize, or longer than {@code audio.max.event.ms} (recognition time
 * grows with the audio, and one batch must finish well within {@code max.poll.interval.ms}: long
 * recordings are published as chunks of one source).
 */
public final class AudioChecker implements FixedKeyProcessor<String, AudioEvent, AudioEvent> {

  private final PayloadResolver payloads;
  private final AudioInspector inspector;
  private final long maxEventMs;
  private FixedKeyProcessorContext<String, AudioEvent> context;

  private AudioChecker(PayloadResolver payloads, AudioInspector inspector, long maxEventMs) {
    this.payloads = payloads;
    this.inspector = inspector;
    this.maxEventMs = maxEventMs;
  }

  public static FixedKeyProcessorSupplier<String, AudioEvent, AudioEvent> supplier(
      PayloadResolver payloads, AudioInspector inspector, long maxEventMs) {
    requireNonNull(payloads, "payloads");
    requireNonNull(inspector, "inspector");
    return () -> new AudioChecker(payloads, inspector, maxEventMs);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, AudioEvent> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, AudioEvent> record) {
    check(record.value(), payloads, inspector, maxEventMs);
    context.forward(record);
  }

  private static AudioInfo check(
      AudioEvent event, PayloadResolver payloads, AudioInspector inspector, long maxEventMs) {
    AudioInfo info = AudioEnricher.inspect(event, payloads, inspector);
    if (info.getDurationMs() > maxEventMs) {
      throw new RejectedInputException(
          Reason.OVERSIZE,
          "audio event of "
              + info.getDurationMs()
              + " ms exceeds audio.max.event.ms="
              + maxEventMs
              + ": publish longer recordings as chunks of one source (chunkIndex 0, 1, ...)");
    }
    return info;
  }
}
