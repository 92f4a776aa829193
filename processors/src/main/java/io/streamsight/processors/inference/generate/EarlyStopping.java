package io.streamsight.processors.inference.generate;

import java.util.Locale;

/** When beam search stops, as {@code early_stopping} in {@code transformers}. */
public enum EarlyStopping {
  /** As soon as there are as many finished candidates as beams ({@code true}). */
  EARLY,
  /**
   * When no running beam can beat the worst finished candidate at its current length ({@code
   * false}, the default).
   */
  HEURISTIC,
  /**
   * When no running beam can beat the worst finished candidate even at the maximum length ({@code
   * "never"}; the canonical beam search).
   */
  NEVER;

  /** Parses {@code true}, {@code false} or {@code never}. */
  public static EarlyStopping parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> EARLY;
      case "false" -> HEURISTIC;
      case "never" -> NEVER;
      default ->
          throw new IllegalArgumentException(
              "early_stopping must be true, false or never, not '" + value + "'");
    };
  }
}
