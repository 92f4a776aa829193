package io.streamsight.processors.medication;

import io.streamsight.events.FormularyProduct;
import io.streamsight.processors.medication.formulary.Formulary;
import io.streamsight.processors.medication.formulary.NameMatch;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Remembers recent formulary answers for one processor instance, so a stream of orders for the same
 * few products does not deserialise them from the store for every order. Entries expire after
 * {@code ttl}: a newly imported extract is seen within that time. Not thread-safe: one per
 * processor instance, as Kafka Streams runs each on one thread.
 */
final class CachingFormulary implements Formulary {

  private final Formulary formulary;
  private final long ttlNanos;
  private final LongSupplier clock;
  private final Cache<Optional<FormularyProduct>> byDin;
  private final Cache<List<NameMatch>> byName;
  private final Cache<List<FormularyProduct>> byIngredient;

  CachingFormulary(Formulary formulary, int maxEntries, Duration ttl, LongSupplier nanoClock) {
    this.formulary = formulary;
    this.ttlNanos = ttl.toNanos();
    this.clock = nanoClock;
    this.byDin = new Cache<>(maxEntries);
    this.byName = new Cache<>(maxEntries);
    this.byIngredient = new Cache<>(maxEntries);
  }

  @Override
  public Optional<FormularyProduct> byDin(String din) {
    return byDin.get(din, formulary::byDin);
  }

  @Override
  public List<NameMatch> byName(String query) {
    return byName.get(query, formulary::byName);
  }

  @Override
  public List<FormularyProduct> byIngredient(String ingredient) {
    return byIngredient.get(ingredient, formulary::byIngredient);
  }

  private record Entry<V>(V value, long loadedAt) {}

  /** A least-recently-used map whose entries also expire. */
  private final class Cache<V> {
    private final LinkedHashMap<String, Entry<V>> entries;

    Cache(int maxEntries) {
      this.entries =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
              return size() > maxEntries;
            }
          };
    }

    V get(String key, Function<String, V> load) {
      long now = clock.getAsLong();
      Entry<V> entry = entries.get(key);
      if (entry == null || now - entry.loadedAt() > ttlNanos) {
        entry = new Entry<>(load.apply(key), now);
        entries.put(key, entry);
      }
      return entry.value();
    }
  }
}
