package io.streamsight.processors.medication.formulary;

/** How a name query matched a product name, best first. */
public enum MatchKind {
  /** The normalised query equals the name. */
  EXACT,
  /** The name starts with the normalised query. */
  PREFIX,
  /** The name is within a small Damerau-Levenshtein distance of the normalised query. */
  FUZZY
}
