package io.streamsight.topology;

import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.ZoneCounts;
import io.streamsight.processors.behavior.BehaviorProcessor;
import io.streamsight.processors.behavior.BehaviorSerdes;
import io.streamsight.processors.behavior.CameraFilter;
import io.streamsight.processors.behavior.FrameAnalysis;
import io.streamsight.processors.behavior.ZoneCountsWindow;
import io.streamsight.processors.detection.ObjectDetector;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.inference.BatchSettings;
import io.streamsight.processors.inference.MicroBatchProcessor;
import io.streamsight.processors.payload.PayloadResolver;
import io.streamsight.processors.pose.PoseEstimator;
import io.streamsight.schemas.Topic;
import io.streamsight.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Surveillance behaviour: video frames ({@code video.frames}, keyed by camera id) of the cameras
 * that have a config on the compacted {@code camera-config} topic (a GlobalKTable, so a config
 * change applies from the next frame, without a restart) are detected, tracked and checked against
 * their camera's rules; {@link BehaviorEvent}s go to {@code behavior.events}, and the per-frame
 * counts are windowed (tumbling, event time = frame capture time, one result per closed window)
 * into {@link ZoneCounts} on {@code behavior.counts}.
 *
 * <p>Stores: {@value #CONFIG_STORE} (the configs), {@value #CAMERA_STORE} (tracks, zone and line
 * state per camera; changelogged), {@value #RECENT_STORE} (the newest events per camera), both
 * queried by the HTTP API; {@value #BUFFER_STORE} (the micro-batch buffer).
 */
public final class BehaviorTopology {

  public static final String CONFIG_STORE = "camera-configs";
  public static final String CAMERA_STORE = "behavior-cameras";
  public static final String RECENT_STORE = "behavior-recent-events";
  public static final String BUFFER_STORE = "behavior-frame-buffer";
  public static final String COUNT_STORE = "behavior-count-windows";

  /**
   * What the behaviour topology needs, built from config elsewhere.
   *
   * @param detectors a new object detector per processor instance
   * @param poses a new pose estimator per instance, or null (falls then use box cues only)
   * @param window count window size
   * @param grace how late a frame may arrive and still count in its window
   * @param recentEvents events kept per camera for the live-query API
   */
  public record Dependencies(
      PayloadResolver payloads,
      ImageInspector inspector,
      Supplier<ObjectDetector> detectors,
      Supplier<PoseEstimator> poses,
      BatchSettings batch,
      Duration window,
      Duration grace,
      int recentEvents) {}

  private BehaviorTopology() {}

  /** Event time of a frame: its capture time (the record timestamp for anything else). */
  static final TimestampExtractor CAPTURE_TIME =
      (record, partitionTime) ->
          record.value() instanceof ImageEvent frame && frame.getCaptureTime() != null
              ? frame.getCaptureTime().toEpochMilli()
              : Math.max(0, record.timestamp());

  public static void addTo(StreamsBuilder builder, Topics topics, Dependencies deps) {
    Topic<String, String> configs = topics.cameraConfig();
    builder.globalTable(
        configs.name(),
        Consumed.with(configs.keySerde(), configs.valueSerde())
            .withName(configs.name() + "-source"),
        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(CONFIG_STORE)
            .withKeySerde(configs.keySerde())
            .withValueSerde(configs.valueSerde()));

    Topic<String, ImageEvent> frames = topics.videoFrames();
    Topic<String, BehaviorEvent> events = topics.behaviorEvents();
    builder.addStateStore(MicroBatchProcessor.bufferStore(BUFFER_STORE));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CAMERA_STORE),
                Serdes.String(),
                BehaviorSerdes.cameraState())
            .withLoggingEnabled(Map.of())
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RECENT_STORE),
                Serdes.String(),
                BehaviorSerdes.eventList(events.valueSerde()))
            .withLoggingEnabled(Map.of())
            .withCachingEnabled());

    KStream<String, FrameAnalysis> analysed =
        builder.stream(
                frames.name(),
                Consumed.with(frames.keySerde(), frames.valueSerde())
                    .withTimestampExtractor(CAPTURE_TIME)
                    .withName(frames.name() + "-source"))
            .processValues(CameraFilter.supplier(CONFIG_STORE), Named.as("behavior-cameras-filter"))
            .process(
                BehaviorProcessor.supplier(
                    new BehaviorProcessor.Settings(
                        new BehaviorProcessor.Stores(
                            BUFFER_STORE, CONFIG_STORE, CAMERA_STORE, RECENT_STORE),
                        deps.batch(),
                        frames.keySerde(),
                        frames.valueSerde(),
                        deps.payloads(),
                        deps.inspector(),
                        deps.detectors(),
                        deps.poses(),
                        deps.recentEvents())),
                Named.as("behavior-analyze"),
                BUFFER_STORE,
                CAMERA_STORE,
                RECENT_STORE);

    analysed
        .flatMapValues(FrameAnalysis::events, Named.as("behavior-events"))
        .to(
            events.name(),
            Produced.with(events.keySerde(), events.valueSerde())
                .withName(events.name() + "-sink"));

    Topic<String, ZoneCounts> counts = topics.behaviorCounts();
    analysed
        .flatMap(
            (camera, analysis) -> {
              List<KeyValue<String, ZoneCounts>> samples = new ArrayList<>();
              for (ZoneCounts sample : analysis.counts()) {
                samples.add(KeyValue.pair(camera + "/" + sample.getZoneId(), sample));
              }
              return samples;
            },
            Named.as("behavior-count-samples"))
        .groupByKey(Grouped.with("behavior-count-samples", Serdes.String(), counts.valueSerde()))
        .windowedBy(TimeWindows.ofSizeAndGrace(deps.window(), deps.grace()))
        .aggregate(
            () -> null,
            (key, sample, aggregate) ->
                ZoneCountsWindow.merge(
                    aggregate != null
                        ? aggregate
                        : ZoneCountsWindow.empty(
                            sample.getCameraId(), sample.getZoneId(), sample.getKind()),
                    sample),
            Named.as("behavior-count-windows"),
            Materialized.<String, ZoneCounts, WindowStore<Bytes, byte[]>>as(COUNT_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(counts.valueSerde()))
        // One final record per closed window. The suppression buffer is changelogged and is
        // checked on every record, so a window that closes just before a restart is still
        // emitted after it (emit-on-close checks on a wall-clock interval and lost such windows).
        .suppress(
            Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                .withName("behavior-count-final"))
        .toStream(Named.as("behavior-count-windows-stream"))
        .map(
            (window, aggregate) ->
                KeyValue.pair(
                    aggregate.getCameraId(),
                    ZoneCountsWindow.withWindow(
                        aggregate, window.window().start(), window.window().end())),
            Named.as("behavior-counts-out"))
        .to(
            counts.name(),
            Produced.with(counts.keySerde(), counts.valueSerde())
                .withName(counts.name() + "-sink"));
  }
}
