package io.streamsight.processors.medication.formulary;

/** How a name query matched a product name, best first. */
public enum MatchKind {
  /** The normalised query equals the name. */
  EXACT,
  /** The name starts with the normalised query. */
  PREFIX,
  /**
   * The name is within a small Damerau-Levenshtein distance of the normalised query: a "did you
   * mean", never a confirmation. Look-alike drug names are that close too (prednisone and
   * prednisolone are 2 edits apart), so a validator must not accept a fuzzy match as the drug
   * written.
   */
  FUZZY
}
