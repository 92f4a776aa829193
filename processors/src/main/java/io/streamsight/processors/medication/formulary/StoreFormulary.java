package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A formulary over the two Kafka Streams global stores: the key-value stores of the {@code
 * formulary} (DIN → product) and {@code formulary.names} (normalised name → entry) GlobalKTables.
 * Names are matched with a store {@code get} and a {@code prefixScan} on the query's first
 * characters (RocksDB and in-memory stores both support it; keys must be UTF-8 strings, as the
 * {@code Topics} key serde writes them), then ranked by the same code as {@link InMemoryFormulary}.
 *
 * <p>Thread-safe as far as the stores are: a processor may build one in {@code init()} from its
 * context's stores and query it for every record.
 */
public final class StoreFormulary implements Formulary {

  private final FormularySearch search;

  public StoreFormulary(
      ReadOnlyKeyValueStore<String, FormularyProduct> products,
      ReadOnlyKeyValueStore<String, FormularyNameEntry> names) {
    Objects.requireNonNull(products, "products");
    Objects.requireNonNull(names, "names");
    this.search = new FormularySearch(new StoreIndex(products, names));
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

  private record StoreIndex(
      ReadOnlyKeyValueStore<String, FormularyProduct> products,
      ReadOnlyKeyValueStore<String, FormularyNameEntry> names)
      implements FormularyIndex {

    private static final StringSerializer KEYS = new StringSerializer();

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
      try (KeyValueIterator<String, FormularyNameEntry> it = names.prefixScan(prefix, KEYS)) {
        while (it.hasNext()) {
          KeyValue<String, FormularyNameEntry> next = it.next();
          if (next.value != null) {
            found.add(next.value);
          }
        }
      }
      return found;
    }
  }
}
