package io.streamsight.topology.cli;

import io.streamsight.events.ImageEvent;
import io.streamsight.processors.video.VideoSettings;
import io.streamsight.processors.video.VideoSource;
import io.streamsight.schemas.Topic;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.StreamsightConfig;
import io.streamsight.topology.video.VideoIngest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Decodes a video file or stream and publishes its frames as image events keyed by camera. */
@Command(
    name = "ingest-video",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes a video file or stream (FFmpeg) and publishes its frames as JPEG image events"
          + " keyed by the camera id, with frame index and capture time, to video.frames (the"
          + " behaviour topology's input). Prints one JSON summary line at the end."
    })
final class IngestVideoCommand implements Callable<Integer> {

  @Mixin ConfigOptions options = new ConfigOptions();

  @Option(names = "--bootstrap-server", description = "Overrides bootstrap.servers.")
  String bootstrap;

  @Option(names = "--source", required = true, description = "Video file, or rtsp://, http://...")
  String source;

  @Option(names = "--camera", required = true, description = "Camera id: the record key.")
  String camera;

  @Option(names = "--fps", defaultValue = "0", description = "Frames per second to keep; 0 = all.")
  double fps;

  @Option(
      names = "--latest-only",
      description = "Drop frames rather than fall behind a live stream (decode on its own thread).")
  boolean latestOnly;

  @Option(names = "--max-frames", defaultValue = "-1", description = "Stop after N frames.")
  long maxFrames;

  @Option(
      names = "--topic",
      defaultValue = Topics.VIDEO_FRAMES,
      description = "Topic: ${DEFAULT-VALUE}, or images.raw to enrich frames as images.")
  String topic;

  @Option(
      names = "--start-time",
      description =
          "Capture time of a file's first frame (ISO-8601); default: now. It is also the record"
              + " timestamp: the broker deletes records older than the topic's retention.")
  Instant startTime;

  @Option(
      names = "--reconnects",
      defaultValue = "-1",
      description = "Stream reconnects; -1 = ever.")
  int reconnects;

  @Option(names = "--jpeg-quality", defaultValue = "0.85", description = "JPEG quality, 0..1.")
  float quality;

  private static void awaitAll(List<Future<RecordMetadata>> pending) throws InterruptedException {
    for (Future<RecordMetadata> f : pending) {
      RecordPublisher.await(f);
    }
    pending.clear();
  }

  @Override
  public Integer call() throws Exception {
    StreamsightConfig config = options.load();
    Topics topics = Topics.create(config.deadLetterTopic());
    Topic<String, ImageEvent> target =
        topic.equals(topics.images().name()) ? topics.images() : topics.videoFrames();
    if (!topic.equals(target.name())) {
      System.err.println("not a frame topic: " + topic + " (video.frames or images.raw)");
      return 2;
    }
    VideoSettings settings =
        VideoSettings.of(source)
            .withFps(fps)
            .withLatestOnly(latestOnly)
            .withReconnects(Duration.ofMillis(500), Duration.ofSeconds(30), reconnects)
            .withStart(startTime);
    VideoIngest ingest =
        new VideoIngest(camera, quality, config.claimCheckThresholdBytes(), config.claimCheckDir());
    long start = System.nanoTime();
    long published;
    long dropped;
    try (RecordPublisher publisher =
            new RecordPublisher(config.kafkaClientProperties(Cli.bootstrap(bootstrap, config)));
        VideoSource video = VideoSource.open(settings)) {
      List<Future<RecordMetadata>> pending = new ArrayList<>();
      published =
          ingest.run(
              video,
              maxFrames,
              (key, frame) -> {
                pending.add(publisher.publish(target, key, frame, frame.getCaptureTime()));
                if (pending.size() >= 100) {
                  awaitAll(pending); // a broker failure stops the ingest instead of hiding
                }
              });
      publisher.flush();
      awaitAll(pending);
      dropped = video.dropped();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "{\"topic\":\"%s\",\"camera\":%s,\"frames\":%d,\"dropped\":%d,\"seconds\":%.1f}%n",
        target.name(), JsonRecords.MAPPER.valueToTree(camera), published, dropped, seconds);
    return 0;
  }
}
