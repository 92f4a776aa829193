package io.streamsight.processors.audio;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.ModelProvenance;
import io.streamsight.events.Transcript;
import io.streamsight.events.TranscriptSegment;
import io.streamsight.processors.audio.asr.SpeechRecognizer;
import io.streamsight.processors.audio.asr.SpeechRecognizer.Utterance;
import io.streamsight.processors.audio.asr.SpeechRecognizer.Vocabulary;
import io.streamsight.processors.audio.vad.SileroVad;
import io.streamsight.processors.audio.vad.SpeechSegment;
import io.streamsight.processors.audio.vad.VadSettings;
import io.streamsight.processors.audio.vad.VadStream;
import io.streamsight.processors.inference.BatchSettings;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.MicroBatchProcessor;
import io.streamsight.processors.payload.PayloadResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audio events in, one {@link Transcript} each out: decode and resample to 16 kHz mono, find speech
 * with Silero VAD, recognise each speech segment, and report the segments (start, end, text) and
 * the whole text.
 *
 * <h2>Sources and chunks</h2>
 *
 * An event without {@code chunkIndex} is a whole recording: analysed on its own, any open speech
 * closed at its end. Events with a {@code chunkIndex} are pieces of one continuing stream per
 * source (a call): the VAD state ({@link VadStream}: model state, unanalysed samples, the audio of
 * the open segment) is kept between them in the changelogged store {@value #STATE_STORE}, keyed by
 * source id, so speech cut by a chunk boundary is one segment, reported in the transcript of the
 * chunk where it ends (its start is then negative: before that chunk began). Chunk 0 starts a new
 * stream; an event with attribute {@value #FINAL_ATTRIBUTE}{@code =true} ends it (its open speech
 * is closed and the state deleted). A chunk whose index is not above the last one applied for its
 * source, stored or earlier in the same batch, is a replay (a producer retry, or reprocessing after
 * a crash under at-least-once): it is analysed on its own and leaves the source's state alone.
 *
 * <h2>Batching and durability</h2>
 *
 * Events are buffered by {@link MicroBatchProcessor} (changelogged too). In a batch, the VAD runs
 * every source in lock step, one model call per 32 ms step for all of them; segments of the same
 * vocabulary are then recognised in one call. New states are written to the store only after the
 * whole batch succeeded, so a batch retried record by record starts again from the stored states,
 * and the state store, like the buffer, is flushed before Kafka Streams commits offsets: nothing is
 * kept in plain fields across a commit.
 *
 * <p>Health data: transcripts of pharmacy sources are never logged; logs carry ids and counts.
 */
public final class SpeechProcessor extends MicroBatchProcessor<String, AudioEvent, Transcript> {

  private static final Logger LOG = LoggerFactory.getLogger(SpeechProcessor.class);

  /** Buffer store of the micro-batches. */
  public static final String BUFFER_STORE = "audio-speech-buffer";

  /** VAD state per source. */
  public static final String STATE_STORE = "audio-vad-state";

  /** Event attribute that ends a chunked source's stream. */
  public static final String FINAL_ATTRIBUTE = "final";

  /** What the processor needs, built once and shared by its instances. */
  public record Dependencies(
      PayloadResolver payloads,
      AudioInspector inspector,
      SileroVad vad,
      VadSettings vadSettings,
      VadSettings pharmacyVadSettings,
      SpeechRecognizer recognizer,
      PharmacySources pharmacySources,
      CatalogueModels catalogue) {

    public Dependencies {
      requireNonNull(payloads, "payloads");
      requireNonNull(inspector, "inspector");
      requireNonNull(vad, "vad");
      requireNonNull(vadSettings, "vadSettings");
      requireNonNull(pharmacyVadSettings, "pharmacyVadSettings");
      requireNonNull(pharmacySources, "pharmacySources");
      requireNonNull(catalogue, "catalogue");
    }
  }

  private final Dependencies deps;
  private ProcessorContext<String, Transcript> context;
  private KeyValueStore<String, byte[]> states;
  private SileroVad.Session vad;
  private SpeechRecognizer.Session asr;

  private SpeechProcessor(BatchSettings batch, Serde<AudioEvent> eventSerde, Dependencies deps) {
    super(BUFFER_STORE, batch, Serdes.String(), eventSerde);
    this.deps = deps;
  }

  /** A supplier that returns a new processor per task and declares both stores. */
  public static ProcessorSupplier<String, AudioEvent, String, Transcript> supplier(
      BatchSettings batch, Serde<AudioEvent> eventSerde, Dependencies deps) {
    return new ProcessorSupplier<>() {
      @Override
      public SpeechProcessor get() {
        return new SpeechProcessor(batch, eventSerde, deps);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            MicroBatchProcessor.bufferStore(BUFFER_STORE),
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(STATE_STORE),
                    Serdes.String(),
                    Serdes.ByteArray())
                .withLoggingEnabled(Map.of()));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Transcript> context) {
    super.init(context);
    this.context = context;
    this.states = context.getStateStore(STATE_STORE);
    this.vad = deps.vad().newSession();
    this.asr = deps.recognizer() == null ? null : deps.recognizer().newSession();
  }

  @Override
  public void close() {
    if (vad != null) {
      vad.close();
      vad = null;
    }
    if (asr != null) {
      asr.close();
      asr = null;
    }
  }

  /** One stream of VAD work in a batch: a source's events in order. */
  private static final class Lane {
    final String source;
    final VadStream stream;
    final boolean persist;
    boolean finishing;
    final List<Integer> events = new ArrayList<>();
    final List<Long> eventStarts = new ArrayList<>();
    final List<Long> eventEnds = new ArrayList<>();

    Lane(String source, VadStream stream, boolean persist) {
      this.source = source;
      this.stream = stream;
      this.persist = persist;
    }
  }

  @Override
  protected List<Transcript> inferBatch(List<AudioEvent> events) throws Exception {
    long started = System.nanoTime();
    int n = events.size();
    List<MonoAudio> audio = new ArrayList<>(n);
    double[] decodeMs = new double[n];
    for (AudioEvent event : events) {
      long t = System.nanoTime();
      MonoAudio mono =
          deps.inspector()
              .decodeMono(
                  deps.payloads().resolve(event.getPayload()),
                  event.getEncoding(),
                  event.getSampleRate(),
                  event.getChannels());
      audio.add(Resampler.toSpeechRate(mono));
      decodeMs[audio.size() - 1] = (System.nanoTime() - t) / 1e6;
    }

    List<Lane> lanes = new ArrayList<>();
    Map<String, Lane> open = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      AudioEvent event = events.get(i);
      Long chunk = event.getChunkIndex();
      Lane lane;
      if (chunk == null) {
        lane = new Lane(event.getSourceId(), new VadStream(vadSettings(event)), false);
        lane.finishing = true;
        lanes.add(lane);
      } else {
        Lane current = open.get(event.getSourceId());
        // Chunk 0 starts a new stream; any other continues this batch's lane or the stored state.
        VadStream previous = chunk == 0 ? null : current != null ? current.stream : load(event);
        if (previous != null && chunk <= previous.lastChunkIndex()) {
          // A replay, also of a chunk repeated within this batch: never appended twice.
          LOG.info(
              "audio event {} replays chunk {} of source {} (last applied {}): analysed alone",
              event.getEventId(),
              chunk,
              event.getSourceId(),
              previous.lastChunkIndex());
          lane = new Lane(event.getSourceId(), new VadStream(vadSettings(event)), false);
          lane.finishing = true;
          lanes.add(lane);
        } else if (current != null && chunk != 0) {
          lane = current;
        } else {
          lane =
              new Lane(
                  event.getSourceId(),
                  previous == null ? new VadStream(vadSettings(event)) : previous,
                  true);
          open.put(event.getSourceId(), lane);
          lanes.add(lane);
        }
        if (lane.persist) {
          lane.stream.lastChunkIndex(chunk);
          if ("true".equalsIgnoreCase(attribute(event, FINAL_ATTRIBUTE))) {
            lane.finishing = true;
            open.remove(event.getSourceId());
          }
        }
      }
      lane.events.add(i);
      lane.eventStarts.add(lane.stream.received());
      lane.stream.append(audio.get(i).samples());
      lane.eventEnds.add(lane.stream.received());
    }

    // VAD: every lane one chunk per model call, segments to the event where they closed.
    List<List<SpeechSegment>> segments = new ArrayList<>();
    long[] segmentBase = new long[n];
    for (int i = 0; i < n; i++) {
      segments.add(new ArrayList<>());
    }
    for (Lane lane : lanes) {
      for (int k = 0; k < lane.events.size(); k++) {
        segmentBase[lane.events.get(k)] = lane.eventStarts.get(k);
      }
    }
    long vadStart = System.nanoTime();
    while (true) {
      List<Lane> ready = new ArrayList<>();
      for (Lane lane : lanes) {
        if (lane.stream.hasChunk() || (lane.finishing && lane.stream.hasPartialChunk())) {
          ready.add(lane);
        }
      }
      if (ready.isEmpty()) {
        break;
      }
      vad.step(ready.stream().map(l -> l.stream).toList());
      for (Lane lane : ready) {
        assign(lane, lane.stream.drainClosed(), segments);
      }
    }
    for (Lane lane : lanes) {
      if (lane.finishing) {
        lane.stream.finish();
        assign(lane, lane.stream.drainClosed(), segments);
      }
    }
    double vadMs = (System.nanoTime() - vadStart) / 1e6;

    // Recognition: one call per vocabulary for all the batch's segments.
    List<List<Utterance>> utterances = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      utterances.add(new ArrayList<>());
    }
    double asrMs = 0;
    if (asr != null) {
      long asrStart = System.nanoTime();
      for (Vocabulary vocabulary : Vocabulary.values()) {
        List<float[]> clips = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (vocabulary(events.get(i)) != vocabulary) {
            continue;
          }
          for (SpeechSegment s : segments.get(i)) {
            clips.add(s.floats());
            owners.add(i);
          }
        }
        if (!clips.isEmpty()) {
          List<Utterance> got = asr.recognize(clips, vocabulary);
          for (int j = 0; j < got.size(); j++) {
            utterances.get(owners.get(j)).add(got.get(j));
          }
        }
      }
      asrMs = (System.nanoTime() - asrStart) / 1e6;
    }

    List<Transcript> out = new ArrayList<>(n);
    double audioSeconds = audio.stream().mapToDouble(MonoAudio::seconds).sum();
    for (int i = 0; i < n; i++) {
      double share = audioSeconds == 0 ? 0 : audio.get(i).seconds() / audioSeconds;
      out.add(
          transcript(
              events.get(i),
              audio.get(i),
              segments.get(i),
              utterances.get(i),
              segmentBase[i],
              decodeMs[i],
              vadMs * share,
              asrMs * share));
    }

    // Only now, with every result computed, do the sources' states change.
    for (Lane lane : lanes) {
      if (!lane.persist) {
        continue;
      }
      if (lane.finishing) {
        states.delete(lane.source);
      } else {
        states.put(lane.source, save(lane.stream));
      }
    }
    LOG.debug(
        "speech batch of {} events, {} sources in {} ms",
        n,
        lanes.size(),
        (System.nanoTime() - started) / 1_000_000);
    return out;
  }

  private static void assign(
      Lane lane, List<SpeechSegment> closed, List<List<SpeechSegment>> segments) {
    if (closed.isEmpty()) {
      return;
    }
    long at = lane.stream.consumed();
    int owner = lane.events.get(lane.events.size() - 1);
    for (int k = 0; k < lane.events.size(); k++) {
      if (lane.eventEnds.get(k) >= at) {
        owner = lane.events.get(k);
        break;
      }
    }
    segments.get(owner).addAll(closed);
  }

  private Vocabulary vocabulary(AudioEvent event) {
    return deps.pharmacySources().isPharmacy(event.getSourceId(), event.getAttributes())
        ? Vocabulary.PHARMACY
        : Vocabulary.GENERAL;
  }

  private Transcript transcript(
      AudioEvent event,
      MonoAudio audio,
      List<SpeechSegment> speech,
      List<Utterance> utterances,
      long base,
      double decodeMs,
      double vadMs,
      double asrMs) {
    List<TranscriptSegment> segments = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int j = 0; j < speech.size(); j++) {
      SpeechSegment s = speech.get(j);
      Utterance u = j < utterances.size() ? utterances.get(j) : null;
      String words = u == null ? "" : u.text();
      segments.add(
          TranscriptSegment.newBuilder()
              .setStartMs(Math.floorDiv((s.start() - base) * 1000, SileroVad.SAMPLE_RATE))
              .setEndMs(Math.floorDiv((s.end() - base) * 1000, SileroVad.SAMPLE_RATE))
              .setText(words)
              .setConfidence(u == null ? null : u.confidence())
              .build());
      if (!words.isEmpty()) {
        text.append(text.length() == 0 ? "" : " ").append(words);
      }
    }
    List<ModelProvenance> models = new ArrayList<>();
    models.add(
        ModelProvenance.newBuilder()
            .setName(AudioEnricher.STEP_NAME)
            .setVersion(AudioEnricher.STEP_VERSION)
            .setSha256(null)
            .setDevice("cpu")
            .setInferenceMs(decodeMs)
            .build());
    models.add(
        deps.catalogue().provenance(SileroVad.MODEL, deps.vad().placement().toString(), vadMs));
    if (asr != null) {
      models.add(
          ModelProvenance.newBuilder()
              .setName(deps.recognizer().name())
              .setVersion(deps.recognizer().version())
              .setSha256(null)
              .setDevice(asr.device())
              .setInferenceMs(asrMs)
              .build());
    }
    return Transcript.newBuilder()
        .setSource(AudioEnricher.ref(event))
        .setAudio(audio.info())
        .setSegments(segments)
        .setText(text.toString())
        .setLanguage(asr == null ? null : "en")
        .setModels(models)
        .setAttributes(
            event.getAttributes() == null
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(event.getAttributes()))
        .setProcessedTime(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .build();
  }

  private static String attribute(AudioEvent event, String name) {
    return event.getAttributes() == null ? null : event.getAttributes().get(name);
  }

  /**
   * A pharmacy source's order is one utterance even with pauses in it: a longer silence ends it.
   */
  private VadSettings vadSettings(AudioEvent event) {
    return deps.pharmacySources().isPharmacy(event.getSourceId(), event.getAttributes())
        ? deps.pharmacyVadSettings()
        : deps.vadSettings();
  }

  private VadStream load(AudioEvent event) {
    String source = event.getSourceId();
    byte[] bytes = states.get(source);
    if (bytes == null) {
      return null;
    }
    try {
      return VadStream.readFrom(
          new DataInputStream(new ByteArrayInputStream(bytes)), vadSettings(event));
    } catch (IOException e) {
      LOG.warn(
          "VAD state of source {} is unreadable ({}); starting afresh", source, e.getMessage());
      return null;
    }
  }

  private static byte[] save(VadStream stream) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(stream.serializedSize());
    try (DataOutputStream data = new DataOutputStream(out)) {
      stream.writeTo(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
