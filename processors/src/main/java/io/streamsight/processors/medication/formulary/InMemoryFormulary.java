package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A formulary held in memory: an extract read by {@link DpdReader}, or {@link SampleFormulary}.
 * Immutable and thread-safe; the full DPD (about 19,800 products) takes a few tens of megabytes.
 */
public final class InMemoryFormulary implements Formulary {

  private final Map<String, FormularyProduct> products;
  private final NavigableMap<String, FormularyNameEntry> names;
  private final FormularySearch search;

  private InMemoryFormulary(
      Map<String, FormularyProduct> products, NavigableMap<String, FormularyNameEntry> names) {
    this.products = products;
    this.names = names;
    this.search = new FormularySearch(new Index());
  }

  /**
   * A formulary of these products, indexed by {@link FormularyNames#index}. A DIN given twice keeps
   * the product with the better {@link MarketingStatus} (the first one on a tie).
   *
   * @throws IllegalArgumentException when a product's DIN is not 8 digits
   */
  public static InMemoryFormulary of(Collection<FormularyProduct> products) {
    Map<String, FormularyProduct> byDin = new HashMap<>();
    for (FormularyProduct product : products) {
      String din = product.getDin();
      if (!Dins.normalize(din).map(din::equals).orElse(false)) {
        throw new IllegalArgumentException("DIN is not 8 digits: " + din);
      }
      byDin.merge(
          din,
          product,
          (kept, other) ->
              MarketingStatus.rank(other.getMarketingStatus())
                      < MarketingStatus.rank(kept.getMarketingStatus())
                  ? other
                  : kept);
    }
    NavigableMap<String, FormularyNameEntry> names = new TreeMap<>();
    for (FormularyNameEntry entry : FormularyNames.index(byDin.values())) {
      names.put(entry.getName(), entry);
    }
    return new InMemoryFormulary(Map.copyOf(byDin), names);
  }

  /** How many products (distinct DINs) this formulary holds. */
  public int size() {
    return products.size();
  }

  @Override
  public Optional<FormularyProduct> byDin(String din) {
    return search.byDin(din);
  }

  @Override
  public List<NameMatch> byName(String query) {
    return search.byName(query);
  }

  @Override
  public List<FormularyProduct> byIngredient(String ingredient) {
    return search.byIngredient(ingredient);
  }

  private final class Index implements FormularyIndex {
    @Override
    public Optional<FormularyProduct> product(String din) {
      return Optional.ofNullable(products.get(din));
    }

    @Override
    public Optional<FormularyNameEntry> name(String name) {
      return Optional.ofNullable(names.get(name));
    }

    @Override
    public List<FormularyNameEntry> namesStartingWith(String prefix) {
      List<FormularyNameEntry> found = new ArrayList<>();
      for (var e : names.tailMap(prefix, true).entrySet()) {
        if (!e.getKey().startsWith(prefix)) {
          break;
        }
        found.add(e.getValue());
      }
      return found;
    }
  }
}
