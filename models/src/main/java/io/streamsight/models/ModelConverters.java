package io.streamsight.models;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The converters available, by name. */
public final class ModelConverters {

  private final Map<String, ModelConverter> byName;

  private ModelConverters(Collection<ModelConverter> converters) {
    Map<String, ModelConverter> map = new TreeMap<>();
    for (ModelConverter converter : converters) {
      ModelConverter previous = map.putIfAbsent(converter.name(), converter);
      if (previous != null) {
        throw new IllegalStateException(
            "two converters are named "
                + converter.name()
                + ": "
                + previous.getClass().getName()
                + " and "
                + converter.getClass().getName());
      }
    }
    this.byName = map;
  }

  /** The converters on the classpath ({@link ServiceLoader}). */
  public static ModelConverters installed() {
    return new ModelConverters(
        ServiceLoader.load(ModelConverter.class, ModelConverters.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  /** Exactly these converters (tests, embedding). */
  public static ModelConverters of(ModelConverter... converters) {
    return new ModelConverters(List.of(converters));
  }

  /** The converter with that name. */
  public Optional<ModelConverter> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The names of the converters available. */
  public Set<String> names() {
    return byName.keySet();
  }
}
