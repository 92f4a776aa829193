package io.streamsight.processors.face;

import io.streamsight.processors.image.Rect;

/**
 * One face before suppression: score, box and six landmarks (x, y pairs), in the coordinates of
 * whatever frame the producer says (the model's letterboxed input, 0..1, or image pixels).
 */
final class FaceCandidate {

  static final int LANDMARKS = 6;

  final float score;
  final Rect box;
  private final float[] landmarks;

  FaceCandidate(float score, Rect box, float[] landmarks) {
    if (landmarks.length != 2 * LANDMARKS) {
      throw new IllegalArgumentException("a face has 6 landmarks, got " + landmarks.length / 2);
    }
    this.score = score;
    this.box = box;
    this.landmarks = landmarks.clone();
  }

  float landmarkX(int i) {
    return landmarks[2 * i];
  }

  float landmarkY(int i) {
    return landmarks[2 * i + 1];
  }

  /**
   * The same face with every coordinate mapped by {@code x * scale + dx}, {@code y * scale + dy}.
   */
  FaceCandidate map(float scale, float dx, float dy) {
    float[] moved = new float[landmarks.length];
    for (int i = 0; i < LANDMARKS; i++) {
      moved[2 * i] = landmarks[2 * i] * scale + dx;
      moved[2 * i + 1] = landmarks[2 * i + 1] * scale + dy;
    }
    Rect b =
        new Rect(
            box.x1() * scale + dx,
            box.y1() * scale + dy,
            box.x2() * scale + dx,
            box.y2() * scale + dy);
    return new FaceCandidate(score, b, moved);
  }

  /**
   * MediaPipe's weighted suppression: faces overlapping by more than {@code iou} form a cluster
   * around the best one, which keeps its score and takes the score-weighted mean box and landmarks
   * of the cluster (itself included). Best first, at most {@code max}.
   */
  static java.util.List<FaceCandidate> weightedSuppression(
      java.util.List<FaceCandidate> faces, float iou, int max) {
    java.util.List<FaceCandidate> remaining = new java.util.ArrayList<>(faces);
    remaining.sort((a, b) -> Float.compare(b.score, a.score));
    java.util.List<FaceCandidate> kept = new java.util.ArrayList<>();
    while (!remaining.isEmpty() && kept.size() < max) {
      FaceCandidate best = remaining.get(0);
      java.util.List<FaceCandidate> rest = new java.util.ArrayList<>();
      float total = 0;
      float x1 = 0;
      float y1 = 0;
      float x2 = 0;
      float y2 = 0;
      float[] marks = new float[2 * LANDMARKS];
      for (FaceCandidate c : remaining) {
        if (best.box.iou(c.box) > iou || c == best) {
          total += c.score;
          x1 += c.box.x1() * c.score;
          y1 += c.box.y1() * c.score;
          x2 += c.box.x2() * c.score;
          y2 += c.box.y2() * c.score;
          for (int k = 0; k < marks.length; k++) {
            marks[k] += c.landmarks[k] * c.score;
          }
        } else {
          rest.add(c);
        }
      }
      for (int k = 0; k < marks.length; k++) {
        marks[k] /= total;
      }
      kept.add(
          new FaceCandidate(
              best.score, new Rect(x1 / total, y1 / total, x2 / total, y2 / total), marks));
      remaining = rest;
    }
    return kept;
  }
}
