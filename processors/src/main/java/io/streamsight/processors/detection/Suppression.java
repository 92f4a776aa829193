package io.streamsight.processors.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression over {@link Candidate}s. */
final class Suppression {

  private Suppression() {}

  /**
   * Best first: a candidate is dropped when a kept one of the same class overlaps it by more than
   * {@code classIou}, or a kept one of another class by more than {@code anyClassIou}; at most
   * {@code max} are kept.
   */
  static List<Candidate> suppress(
      List<Candidate> candidates, float classIou, float anyClassIou, int max) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : sorted) {
      if (kept.size() >= max) {
        break;
      }
      boolean suppressed = false;
      for (Candidate k : kept) {
        float iou = k.box().iou(c.box());
        if (iou > (k.label() == c.label() ? classIou : anyClassIou)) {
          suppressed = true;
          break;
        }
      }
      if (!suppressed) {
        kept.add(c);
      }
    }
    return kept;
  }
}
