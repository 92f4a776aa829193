package io.streamsight.processors.face;

import java.util.List;
import java.util.Locale;

/** Which BlazeFace models run: the short-range one, the full-range one, or both merged. */
public enum FaceModels {
  /** {@value BlazeFace#FRONT}: 128x128 input, faces that fill a good part of the frame. */
  FRONT,
  /** {@value BlazeFace#BACK}: 256x256 input, also small and distant faces; about 5x the cost. */
  BACK,
  /** Both, their faces merged by weighted suppression: near and far faces. */
  BOTH;

  /** The catalogue names of the models that run, in the order they run. */
  public List<String> catalogueNames() {
    return switch (this) {
      case FRONT -> List.of(BlazeFace.FRONT);
      case BACK -> List.of(BlazeFace.BACK);
      case BOTH -> List.of(BlazeFace.FRONT, BlazeFace.BACK);
    };
  }

  /** The configuration form: {@code front}, {@code back} or {@code both}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code front}, {@code back} or {@code both} (any case).
   *
   * @throws IllegalArgumentException for anything else, listing the choices
   */
  public static FaceModels parse(String value) {
    for (FaceModels m : values()) {
      if (m.configName().equalsIgnoreCase(value.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "face model '" + value + "' is not one of front, back, both");
  }
}
