package io.streamsight.processors.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.processors.TestMedia;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FFmpeg decoding of the real pedestrian video (vtest.avi: 768×576, 10 fps, DivX). */
class VideoSourceTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static String vtest() {
    return TestMedia.require(TestMedia.OPENCV_DATA + "/vtest.avi").toString();
  }

  @Test
  void shouldDecodeFramesWithIndexAndCaptureTime() throws Exception {
    List<VideoFrame> frames = read(VideoSettings.of(vtest()).withStart(START), 20);

    assertThat(frames).hasSize(20);
    assertThat(frames.get(0).image().getWidth()).isEqualTo(768);
    assertThat(frames.get(0).image().getHeight()).isEqualTo(576);
    assertThat(frames).extracting(VideoFrame::index).containsExactlyElementsOf(range(0, 20, 1));
    assertThat(frames.get(0).captureTime()).isEqualTo(START);
    assertThat(Duration.between(frames.get(0).captureTime(), frames.get(10).captureTime()))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldSampleToTheRequestedFrameRate() throws Exception {
    List<VideoFrame> frames = read(VideoSettings.of(vtest()).withStart(START).withFps(2.5), 10);

    assertThat(frames).extracting(VideoFrame::index).containsExactlyElementsOf(range(0, 40, 4));
  }

  @Test
  void shouldDropFramesRatherThanFallBehindInLatestFrameMode() throws Exception {
    VideoSettings settings = VideoSettings.of(vtest()).withStart(START).withLatestOnly(true);
    List<Long> indexes = new ArrayList<>();
    try (VideoSource source = VideoSource.open(settings)) {
      for (int i = 0; i < 5; i++) {
        Optional<VideoFrame> frame = source.next();
        assertThat(frame).isPresent();
        indexes.add(frame.get().index());
        Thread.sleep(200); // a consumer far slower than the decoder
      }
      assertThat(source.dropped()).isPositive();
    }
    // Every frame handed out is newer than the last, and some were skipped between them.
    assertThat(indexes).isSorted().doesNotHaveDuplicates();
    assertThat(indexes.get(indexes.size() - 1)).isGreaterThan(indexes.size());
  }

  @Test
  void shouldGiveUpOnAStreamThatNeverAnswersAfterTheAllowedReconnects() {
    VideoSettings settings =
        VideoSettings.of("rtsp://127.0.0.1:9/none")
            .withReconnects(Duration.ofMillis(10), Duration.ofMillis(40), 2);
    long start = System.nanoTime();
    assertThatThrownBy(() -> VideoSource.open(settings).close())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("rtsp://127.0.0.1:9/none");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void shouldRefuseAMissingFile() {
    assertThatThrownBy(() -> VideoSource.open(VideoSettings.of("/no/such/video.avi")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("/no/such/video.avi");
  }

  private static List<VideoFrame> read(VideoSettings settings, int count) throws Exception {
    List<VideoFrame> frames = new ArrayList<>();
    try (VideoSource source = VideoSource.open(settings)) {
      while (frames.size() < count) {
        Optional<VideoFrame> frame = source.next();
        if (frame.isEmpty()) {
          break;
        }
        frames.add(frame.get());
      }
    }
    return frames;
  }

  private static List<Long> range(long from, long to, long step) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i < to; i += step) {
      out.add(i);
    }
    return out;
  }
}
