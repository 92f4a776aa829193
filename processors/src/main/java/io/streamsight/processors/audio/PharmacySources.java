package io.streamsight.processors.audio;

import java.util.List;
import java.util.Map;

/**
 * Which audio sources speak medication orders: those listed in {@code audio.pharmacy.sources}
 * (exact source ids, or prefixes ending in {@code *}, e.g. {@code pharmacy-*}), and any event whose
 * attribute {@value #KIND_ATTRIBUTE} is {@value #ORDER} (as a {@code TextEvent}'s kind says what
 * its text is). Their speech is recognised with the pharmacy grammar and their transcripts become
 * typed orders.
 */
public final class PharmacySources {

  /** Event attribute naming what is said. */
  public static final String KIND_ATTRIBUTE = "kind";

  /** Its value for spoken medication orders. */
  public static final String ORDER = "order";

  private final List<String> patterns;

  public PharmacySources(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  public static PharmacySources none() {
    return new PharmacySources(List.of());
  }

  /** Whether audio from this source, with these attributes, is a spoken order. */
  public boolean isPharmacy(String sourceId, Map<String, String> attributes) {
    if (attributes != null && ORDER.equals(attributes.get(KIND_ATTRIBUTE))) {
      return true;
    }
    if (sourceId == null) {
      return false;
    }
    for (String p : patterns) {
      if (p.endsWith("*")
          ? sourceId.startsWith(p.substring(0, p.length() - 1))
          : p.equals(sourceId)) {
        return true;
      }
    }
    return false;
  }
}
