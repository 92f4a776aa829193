package io.streamsight.topology;

import io.streamsight.events.Transcript;
import io.streamsight.processors.audio.AudioChecker;
import io.streamsight.processors.audio.AudioEnricher;
import io.streamsight.processors.audio.AudioInspector;
import io.streamsight.processors.audio.PharmacySources;
import io.streamsight.processors.audio.SpeechProcessor;
import io.streamsight.processors.audio.SpokenOrderProcessor;
import io.streamsight.processors.inference.BatchSettings;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.schemas.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Audio events in, one transcript per event out; bad audio goes to the dead-letter queue.
 *
 * <p>With speech on: {@code audio-check} (decodable, not too long) → {@code audio-speech} (decode
 * to 16 kHz, Silero VAD with per-source state, recognition; micro-batched) → {@code
 * audio.transcripts}; transcripts of pharmacy sources also become typed orders ({@code
 * audio-spoken-orders}) on {@code text.raw}, which the text topology normalises and the pharmacy
 * topology validates. Without: {@code audio-header} (the format only).
 */
public final class AudioTopology {

  /**
   * What the audio topology needs, built from config elsewhere.
   *
   * @param speech the speech step's dependencies, or null for the format only
   * @param batch micro-batches of the speech step
   * @param maxEventMs longest event the speech step takes
   */
  public record Dependencies(
      PayloadResolver payloads,
      AudioInspector inspector,
      SpeechProcessor.Dependencies speech,
      BatchSettings batch,
      long maxEventMs) {

    /** Format only, no speech. */
    public Dependencies(PayloadResolver payloads, AudioInspector inspector) {
      this(payloads, inspector, null, BatchSettings.defaults(), Long.MAX_VALUE);
    }
  }

  private AudioTopology() {}

  public static void addTo(StreamsBuilder builder, Topics topics, Dependencies deps) {
    KStream<String, io.streamsight.events.AudioEvent> audio =
        builder.stream(
            topics.audio().name(),
            Consumed.with(topics.audio().keySerde(), topics.audio().valueSerde())
                .withName(topics.audio().name() + "-source"));
    Produced<String, Transcript> toTranscripts =
        Produced.with(topics.transcripts().keySerde(), topics.transcripts().valueSerde())
            .withName(topics.transcripts().name() + "-sink");
    if (deps.speech() == null) {
      audio
          .processValues(
              AudioEnricher.supplier(deps.payloads(), deps.inspector()), Named.as("audio-header"))
          .to(topics.transcripts().name(), toTranscripts);
      return;
    }
    PharmacySources pharmacy = deps.speech().pharmacySources();
    KStream<String, Transcript> transcripts =
        audio
            .processValues(
                AudioChecker.supplier(deps.payloads(), deps.inspector(), deps.maxEventMs()),
                Named.as("audio-check"))
            .process(
                SpeechProcessor.supplier(deps.batch(), topics.audio().valueSerde(), deps.speech()),
                Named.as("audio-speech"));
    transcripts.to(topics.transcripts().name(), toTranscripts);
    transcripts
        .processValues(SpokenOrderProcessor.supplier(pharmacy), Named.as("audio-spoken-orders"))
        .to(
            topics.text().name(),
            Produced.with(topics.text().keySerde(), topics.text().valueSerde())
                .withName("spoken-orders-sink"));
  }
}
