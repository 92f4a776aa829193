package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyProduct;
import java.util.List;
import java.util.Optional;

/**
 * The national drug database as pharmacy order validation asks it: a product by DIN, products by
 * the drug name written on an order, and every product of an active ingredient (to name the closest
 * existing strength).
 *
 * <p>Implementations: {@link InMemoryFormulary} over a list of products (an extract read by {@link
 * DpdReader}, or {@link SampleFormulary}), and {@link StoreFormulary} over the Kafka Streams global
 * stores of the {@code formulary} and {@code formulary.names} topics. Both rank names with the same
 * code, so they answer the same queries identically. Implementations are thread-safe.
 */
public interface Formulary {

  /**
   * The product with this DIN, from whichever set holds it (marketed, approved or dormant).
   *
   * @param din a DIN with or without its leading zeros ({@code "2243616"} or {@code "02243616"});
   *     surrounding spaces are ignored. Anything that is not 1 to 8 digits finds nothing.
   */
  Optional<FormularyProduct> byDin(String din);

  /**
   * Products whose brand or ingredient name matches the query, best first: exact, then prefix
   * ("amox" finds amoxicillin), then fuzzy (Damerau-Levenshtein distance ≤ 1 for queries of up to 6
   * characters, ≤ 2 for longer ones). Strength and form words in the query ("amoxicillin 250mg",
   * "cephalexin caps") are ignored for matching. Human-class products only.
   *
   * <p>Names compare after {@link FormularyNames#normalize}. Each product appears once, with its
   * best match. Within one kind, closer names come first (for a prefix, the shorter completion; for
   * fuzzy, the smaller distance), then marketed before approved before dormant products, then DIN
   * order. Prefix and fuzzy matching need at least 3 characters; fuzzy candidates share the query's
   * first 2 characters (a typo in the first two letters is not found). Returns an empty list for a
   * blank query.
   */
  List<NameMatch> byName(String query);

  /**
   * Every product (all sets, all classes) containing this active ingredient, for a closest-strength
   * search; callers filter by form, route and class.
   *
   * @param ingredient an ingredient name, normalised or as the DPD writes it: {@code
   *     "amoxicillin"}, {@code "AMOXICILLIN (AMOXICILLIN TRIHYDRATE)"} (taken as its base,
   *     amoxicillin) or a salt such as {@code "cefuroxime axetil"} (only products listing that
   *     salt)
   * @return the products in DIN order; empty when no product has the ingredient
   */
  List<FormularyProduct> byIngredient(String ingredient);
}
