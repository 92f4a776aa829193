package io.streamsight.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every model Streamsight may use, each pinned to a package version and sha256 (the bundled {@code
 * catalogue.json}). A catalogue is validated as it is read: an incomplete entry is an error naming
 * the entry and the field.
 */
public record ModelCatalogue(List<ModelEntry> models) {

  /** Classpath location of the bundled catalogue. */
  public static final String RESOURCE = "/io/streamsight/models/catalogue.json";

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public ModelCatalogue {
    models = List.copyOf(models);
    Set<String> names = new HashSet<>();
    Map<String, String> pins = new HashMap<>();
    for (ModelEntry entry : models) {
      entry.validate();
      if (!names.add(entry.name())) {
        throw new IllegalArgumentException("catalogue has two entries named " + entry.name());
      }
      // A file shared by entries (the OCR dictionary) is extracted once: one pin for it.
      for (ModelFile file : entry.files()) {
        String key = entry.source().coordinates() + "!" + file.path();
        String previous = pins.putIfAbsent(key, file.sha256());
        if (previous != null && !previous.equals(file.sha256())) {
          throw new IllegalArgumentException(
              "catalogue entry '" + entry.name() + "': " + key + " is pinned to two sha256s");
        }
      }
      String previous = pins.putIfAbsent(entry.source().coordinates(), entry.source().sha256());
      if (previous != null && !previous.equals(entry.source().sha256())) {
        throw new IllegalArgumentException(
            "catalogue entry '"
                + entry.name()
                + "': package "
                + entry.source().coordinates()
                + " is pinned to two sha256s");
      }
    }
  }

  /** The catalogue bundled with Streamsight. */
  public static ModelCatalogue bundled() {
    try (InputStream in = ModelCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads a catalogue file (a site's own, in the bundled one's format). */
  public static ModelCatalogue read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads and validates a catalogue.
   *
   * @throws IOException when the JSON is malformed or has unknown fields
   * @throws IllegalArgumentException when an entry is incomplete or inconsistent
   */
  public static ModelCatalogue read(InputStream in) throws IOException {
    try {
      return JSON.readValue(in, ModelCatalogue.class);
    } catch (ValueInstantiationException e) {
      // The records validate themselves; say what is wrong rather than where Jackson was.
      if (e.getCause() instanceof IllegalArgumentException invalid) {
        throw new IllegalArgumentException(invalid.getMessage(), e);
      }
      throw e;
    }
  }

  /** The entry with that name. */
  public Optional<ModelEntry> find(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findAny();
  }

  /**
   * The entries with those names, in catalogue order; every entry when {@code names} is empty.
   *
   * @throws IllegalArgumentException naming every unknown name
   */
  public List<ModelEntry> select(List<String> names) {
    if (names.isEmpty()) {
      return models;
    }
    List<String> unknown = new ArrayList<>(names);
    unknown.removeIf(n -> find(n).isPresent());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("no model named " + String.join(", ", unknown));
    }
    return models.stream().filter(m -> names.contains(m.name())).toList();
  }
}
