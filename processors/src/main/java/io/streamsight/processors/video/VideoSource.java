package io.streamsight.processors.video;

import static java.util.Objects.requireNonNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a video file or stream with FFmpeg (JavaCV) into {@link VideoFrame}s: frame-rate sampling
 * by presentation time, reconnects with exponential backoff and jitter when a stream fails, and a
 * latest-frame mode that decodes on its own thread and hands out only the newest frame, so a slow
 * consumer drops frames instead of falling behind a live camera.
 *
 * <p>Not thread-safe: one consumer calls {@link #next()}. Close it to stop decoding.
 */
public final class VideoSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VideoSource.class);
  private static final int STREAM_TIMEOUT_US = 10_000_000;

  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  private final VideoSettings settings;
  private final Java2DFrameConverter converter = new Java2DFrameConverter();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private FFmpegFrameGrabber grabber;
  private Instant fileStart;
  private long decoded;
  private double nextDueSeconds = Double.NEGATIVE_INFINITY;
  private boolean finished;
  private volatile boolean closed;

  // Latest-frame mode: the decoder thread's newest frame, taken by next().
  private final Object latestLock = new Object();
  private VideoFrame latest;
  private boolean decoderDone;
  private Thread decoder;
  private RuntimeException decoderFailure;

  private VideoSource(VideoSettings settings) {
    this.settings = settings;
  }

  /**
   * Opens the source: a file must open now; a stream is retried with backoff as configured.
   *
   * @throws IOException when the file (or, after the allowed retries, the stream) cannot be opened
   */
  public static VideoSource open(VideoSettings settings) throws IOException, InterruptedException {
    VideoSource source = new VideoSource(requireNonNull(settings, "settings"));
    source.connect(true);
    if (settings.latestOnly()) {
      source.startDecoder();
    }
    return source;
  }

  /** Frame rate the container declares (0 when unknown). */
  public double declaredFps() {
    FFmpegFrameGrabber g = grabber;
    return g == null ? 0 : g.getFrameRate();
  }

  /** Frames decoded but not handed out: skipped by sampling or overtaken in latest-frame mode. */
  public long dropped() {
    return dropped.get();
  }

  /** Times the stream was reopened after a failure. */
  public long reconnects() {
    return reconnects.get();
  }

  /**
   * The next frame, blocking until one is decoded.
   *
   * @return empty at the end of a file, or when a stream failed more than {@code maxReconnects}
   *     times in a row, or after {@link #close()}
   */
  public Optional<VideoFrame> next() throws IOException, InterruptedException {
    if (!settings.latestOnly()) {
      return Optional.ofNullable(decodeNext());
    }
    synchronized (latestLock) {
      while (latest == null && !decoderDone) {
        latestLock.wait();
      }
      if (decoderFailure != null && latest == null) {
        throw decoderFailure;
      }
      VideoFrame frame = latest;
      latest = null;
      return Optional.ofNullable(frame);
    }
  }

  /** Decodes until a frame passes sampling; null at the end. */
  private VideoFrame decodeNext() throws IOException, InterruptedException {
    while (!finished && !closed) {
      Frame frame;
      try {
        frame = grabber.grabImage();
      } catch (FrameGrabber.Exception e) {
        if (!settings.isStream()) {
          throw new IOException("cannot decode " + settings.source() + ": " + e.getMessage(), e);
        }
        LOG.warn("stream {} failed: {}", redacted(), e.getMessage());
        frame = null;
      }
      if (frame == null) {
        if (!settings.isStream() || !connect(false)) {
          finished = true;
          return null;
        }
        continue;
      }
      long index = decoded++;
      double mediaSeconds;
      Instant capture;
      if (settings.isStream()) {
        capture = settings.clock().instant();
        mediaSeconds = capture.toEpochMilli() / 1000.0;
      } else {
        long micros = Math.max(0, grabber.getTimestamp());
        mediaSeconds = micros / 1e6;
        capture = fileStart.plusNanos(micros * 1000);
      }
      if (settings.fps() > 0) {
        if (mediaSeconds + 1e-6 < nextDueSeconds) {
          dropped.incrementAndGet();
          continue;
        }
        double period = 1 / settings.fps();
        nextDueSeconds =
            nextDueSeconds == Double.NEGATIVE_INFINITY || mediaSeconds - nextDueSeconds > period
                ? mediaSeconds + period
                : nextDueSeconds + period;
      }
      BufferedImage image = copy(converter.getBufferedImage(frame));
      return new VideoFrame(index, capture, image);
    }
    return null;
  }

  /**
   * Opens (or reopens) the grabber; for streams, with backoff.
   *
   * @return false when a stream gave up
   */
  private boolean connect(boolean first) throws IOException, InterruptedException {
    closeGrabber();
    Duration wait = settings.reconnectMin();
    int attempt = 0;
    while (!closed) {
      if (!first || attempt > 0) {
        if (settings.maxReconnects() >= 0 && attempt >= settings.maxReconnects()) {
          if (first) {
            throw new IOException("cannot open stream " + redacted());
          }
          LOG.error("stream {} gave up after {} reconnects", redacted(), attempt);
          return false;
        }
        long jitter = ThreadLocalRandom.current().nextLong(wait.toMillis() / 4 + 1);
        Thread.sleep(wait.toMillis() + jitter);
        wait =
            wait.multipliedBy(2).compareTo(settings.reconnectMax()) > 0
                ? settings.reconnectMax()
                : wait.multipliedBy(2);
        reconnects.incrementAndGet();
      }
      attempt++;
      FFmpegFrameGrabber g = new FFmpegFrameGrabber(settings.source());
      if (settings.isStream()) {
        g.setOption("rtsp_transport", "tcp");
        g.setOption("timeout", Integer.toString(STREAM_TIMEOUT_US));
        g.setOption("rw_timeout", Integer.toString(STREAM_TIMEOUT_US));
      }
      try {
        g.start();
        grabber = g;
        if (fileStart == null) {
          fileStart = settings.start() != null ? settings.start() : settings.clock().instant();
        }
        LOG.info(
            "opened {} ({}x{}, {} fps declared)",
            redacted(),
            g.getImageWidth(),
            g.getImageHeight(),
            g.getFrameRate());
        return true;
      } catch (FrameGrabber.Exception e) {
        releaseQuietly(g);
        if (!settings.isStream()) {
          throw new IOException(
              "cannot open video " + settings.source() + ": " + e.getMessage(), e);
        }
        LOG.warn("cannot open stream {} (attempt {}): {}", redacted(), attempt, e.getMessage());
      }
    }
    return false;
  }

  private void startDecoder() {
    decoder =
        new Thread(
            () -> {
              try {
                VideoFrame frame;
                while ((frame = decodeNext()) != null) {
                  synchronized (latestLock) {
                    if (latest != null) {
                      dropped.incrementAndGet();
                    }
                    latest = frame;
                    latestLock.notifyAll();
                  }
                }
              } catch (IOException e) {
                synchronized (latestLock) {
                  decoderFailure = new IllegalStateException(e.getMessage(), e);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                synchronized (latestLock) {
                  decoderDone = true;
                  latestLock.notifyAll();
                }
              }
            },
            "video-decoder");
    decoder.setDaemon(true);
    decoder.start();
  }

  /** The source without credentials, for logs (rtsp://user:pass@host → rtsp://host). */
  private String redacted() {
    return settings.source().replaceAll("://[^/@]*@", "://");
  }

  private static BufferedImage copy(BufferedImage image) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
    image.copyData(out.getRaster());
    return out;
  }

  private void closeGrabber() {
    if (grabber != null) {
      releaseQuietly(grabber);
      grabber = null;
    }
  }

  private static void releaseQuietly(FFmpegFrameGrabber g) {
    try {
      g.close();
    } catch (FrameGrabber.Exception e) {
      LOG.debug("closing the grabber failed", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    if (decoder != null) {
      decoder.interrupt();
      try {
        decoder.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      closeGrabber();
    }
    converter.close();
  }
}
