package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * A formulary over the two Kafka Streams global stores: the key-value stores of the {@code
 * formulary} (DIN → product) and {@code formulary.names} (normalised name → entry) GlobalKTables.
 * Names are matched with a store {@code get} and a {@code prefixScan} on the query's first
 * characters (RocksDB and in-memory stores both support it; keys must be UTF-8 strings, as the
 * {@code Topics} key serde writes them), then ranked by the same code as {@link InMemoryFormulary}.
 *
 * <p>A processor reaching the GlobalKTable stores through {@code context.getStateStore(name)} gets
 * them timestamped (values wrapped in {@link ValueAndTimestamp}): use {@link #overTimestamped}
 * there; interactive queries with {@code QueryableStoreTypes.keyValueStore()} and {@code
 * TopologyTestDriver.getKeyValueStore} give plain values for the constructor.
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
    this.search =
        new FormularySearch(
            new StoreIndex<>(products, names, Function.identity(), Function.identity()));
  }

  private StoreFormulary(FormularySearch search) {
    this.search = search;
  }

  /**
   * A formulary over the timestamped stores a processor's {@code context.getStateStore(name)}
   * returns for the two GlobalKTables.
   */
  public static StoreFormulary overTimestamped(
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<FormularyProduct>> products,
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<FormularyNameEntry>> names) {
    Objects.requireNonNull(products, "products");
    Objects.requireNonNull(names, "names");
    return new StoreFormulary(
        new FormularySearch(
            new StoreIndex<>(products, names, ValueAndTimestamp::value, ValueAndTimestamp::value)));
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

  /** Store lookups, unwrapping values of type {@code P} and {@code N} into the records. */
  private record StoreIndex<P, N>(
      ReadOnlyKeyValueStore<String, P> products,
      ReadOnlyKeyValueStore<String, N> names,
      Function<P, FormularyProduct> product,
      Function<N, FormularyNameEntry> entry)
      implements FormularyIndex {

    private static final StringSerializer KEYS = new StringSerializer();

    @Override
    public Optional<FormularyProduct> product(String din) {
      return Optional.ofNullable(products.get(din)).map(product);
    }

    @Override
    public Optional<FormularyNameEntry> name(String name) {
      return Optional.ofNullable(names.get(name)).map(entry);
    }

    @Override
    public List<FormularyNameEntry> namesStartingWith(String prefix) {
      List<FormularyNameEntry> found = new ArrayList<>();
      try (KeyValueIterator<String, N> it = names.prefixScan(prefix, KEYS)) {
        while (it.hasNext()) {
          KeyValue<String, N> next = it.next();
          if (next.value != null) {
            FormularyNameEntry e = entry.apply(next.value);
            if (e != null) {
              found.add(e);
            }
          }
        }
      }
      return found;
    }
  }
}
