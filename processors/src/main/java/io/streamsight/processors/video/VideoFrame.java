package io.streamsight.processors.video;

import java.awt.image.BufferedImage;
import java.time.Instant;

/**
 * One decoded frame.
 *
 * @param index position of the frame among all frames decoded from the source (before sampling),
 *     counting on across reconnects
 * @param captureTime for a file, the start time plus the frame's presentation time; for a stream,
 *     when the frame was received
 * @param image the pixels (a private copy)
 */
public record VideoFrame(long index, Instant captureTime, BufferedImage image) {}
