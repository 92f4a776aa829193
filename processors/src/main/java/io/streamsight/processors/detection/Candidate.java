package io.streamsight.processors.detection;

import io.streamsight.processors.image.Rect;

/**
 * One raw detection before suppression: class index, score and box in normalised coordinates (0..1
 * of the image's width and height; the box may reach past the edges).
 */
record Candidate(int label, float score, Rect box) {}
