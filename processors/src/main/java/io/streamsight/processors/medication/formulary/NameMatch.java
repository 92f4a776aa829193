package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyProduct;
import java.util.Objects;

/**
 * A product found by name.
 *
 * @param product the product
 * @param matchedName the normalised brand or ingredient name that matched (see {@link
 *     FormularyNames#normalize})
 * @param kind how it matched
 * @param distance 0 for {@link MatchKind#EXACT}; for {@link MatchKind#PREFIX} the number of
 *     characters the name adds to the query; for {@link MatchKind#FUZZY} the edit distance
 */
public record NameMatch(
    FormularyProduct product, String matchedName, MatchKind kind, int distance) {

  public NameMatch {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(matchedName, "matchedName");
    Objects.requireNonNull(kind, "kind");
  }
}
