package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The formulary's queries over any {@link FormularyIndex}: the one place names are matched and
 * ranked, as {@link Formulary} documents.
 */
final class FormularySearch implements Formulary {

  /** Shortest query that prefix and fuzzy matching run for: shorter ones match too much. */
  static final int MIN_PARTIAL_LENGTH = 3;

  /** Fuzzy candidates share this many leading characters with the query. */
  static final int FUZZY_SHARED_PREFIX = 2;

  private static final String HUMAN = "Human";

  private static final Comparator<NameHit> BEST_NAME_FIRST =
      Comparator.comparing(NameHit::kind)
          .thenComparingInt(NameHit::distance)
          .thenComparing(NameHit::name);

  private static final Comparator<FormularyProduct> BEST_PRODUCT_FIRST =
      Comparator.comparingInt((FormularyProduct p) -> MarketingStatus.rank(p.getMarketingStatus()))
          .thenComparing(FormularyProduct::getDin);

  private final FormularyIndex index;

  FormularySearch(FormularyIndex index) {
    this.index = index;
  }

  @Override
  public Optional<FormularyProduct> byDin(String din) {
    return Dins.normalize(din).flatMap(index::product);
  }

  @Override
  public List<NameMatch> byName(String query) {
    Map<String, NameHit> hits = new HashMap<>();
    for (String form : FormularyNames.queryForms(query)) {
      if (form.length() < MIN_PARTIAL_LENGTH) {
        index.name(form).ifPresent(e -> offer(hits, new NameHit(e, MatchKind.EXACT, 0)));
        continue;
      }
      // One scan on the first characters serves exact, prefix and fuzzy matching alike.
      int maxDistance = form.length() <= 6 ? 1 : 2;
      for (FormularyNameEntry entry :
          index.namesStartingWith(form.substring(0, FUZZY_SHARED_PREFIX))) {
        String name = entry.getName();
        if (name.equals(form)) {
          offer(hits, new NameHit(entry, MatchKind.EXACT, 0));
        } else if (name.startsWith(form)) {
          offer(hits, new NameHit(entry, MatchKind.PREFIX, name.length() - form.length()));
        } else {
          int distance = EditDistance.bounded(form, name, maxDistance);
          if (distance <= maxDistance) {
            offer(hits, new NameHit(entry, MatchKind.FUZZY, distance));
          }
        }
      }
    }
    List<NameHit> ranked = new ArrayList<>(hits.values());
    ranked.sort(BEST_NAME_FIRST);
    List<NameMatch> matches = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NameHit hit : ranked) {
      List<FormularyProduct> products = new ArrayList<>();
      for (String din : hit.entry().getDins()) {
        if (seen.add(din)) {
          index
              .product(din)
              .filter(p -> HUMAN.equals(p.getProductClass()))
              .ifPresent(products::add);
        }
      }
      products.sort(BEST_PRODUCT_FIRST);
      for (FormularyProduct product : products) {
        matches.add(new NameMatch(product, hit.name(), hit.kind(), hit.distance()));
      }
    }
    return matches;
  }

  @Override
  public List<FormularyProduct> byIngredient(String ingredient) {
    List<String> names = FormularyNames.ingredientNames(ingredient);
    if (names.isEmpty()) {
      return List.of();
    }
    String name = names.get(0);
    Optional<FormularyNameEntry> entry =
        index.name(name).filter(e -> !FormularyNames.BRAND.equals(e.getKind()));
    if (entry.isEmpty()) {
      return List.of();
    }
    List<FormularyProduct> products = new ArrayList<>();
    for (String din : entry.get().getDins()) {
      // A name that is also a brand lists that brand's DINs too: keep only real ingredients.
      index.product(din).filter(p -> contains(p, name)).ifPresent(products::add);
    }
    return products;
  }

  private static boolean contains(FormularyProduct product, String ingredientName) {
    for (FormularyIngredient ingredient : product.getIngredients()) {
      if (FormularyNames.ingredientNames(ingredient.getName()).contains(ingredientName)) {
        return true;
      }
    }
    return false;
  }

  private static void offer(Map<String, NameHit> hits, NameHit hit) {
    hits.merge(hit.name(), hit, (a, b) -> BEST_NAME_FIRST.compare(a, b) <= 0 ? a : b);
  }

  private record NameHit(FormularyNameEntry entry, MatchKind kind, int distance) {
    String name() {
      return entry.getName();
    }
  }
}
