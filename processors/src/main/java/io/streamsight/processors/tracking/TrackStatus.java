package io.streamsight.processors.tracking;

/** Where a track is in its life. */
public enum TrackStatus {
  /** Seen, but not yet on enough consecutive frames to be trusted; has no id yet. */
  TENTATIVE,
  /** Matched on enough frames: has an id, and rules see it. */
  CONFIRMED,
  /** A confirmed track that missed its detections; kept (predicted) for re-identification. */
  LOST,
  /** Gone for good: lost longer than the limit, or a tentative track that was not seen again. */
  REMOVED
}
