package io.streamsight.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Every schema an event record may have been written with: the released versions of each top-level
 * record (kept as frozen files on the class path) plus the current, generated schemas.
 *
 * <p>Released versions live under {@code io/streamsight/schemas/released/<RecordName>/v<N>.avsc},
 * each a self-contained schema, listed in {@code io/streamsight/schemas/released/index.txt} (one
 * {@code RecordName/vN.avsc} per line; blank lines and {@code #} comments are ignored) because a
 * directory inside a jar cannot be listed. Versions of a record are numbered 1, 2, ... without
 * gaps. A released file is never edited: a schema change that ships adds the next version.
 *
 * <p>Fingerprints are Avro's 64-bit Rabin fingerprints of the parsing canonical form, the ones in
 * the single-object encoding header; docs, defaults, aliases and logical types do not change them.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SchemaStore implements org.apache.avro.message.SchemaStore {

  /** Class-path directory of the released schema files, relative to this class's package. */
  static final String RELEASED_DIR = "released/";

  /** Class-path resource listing the released schema files, relative to this class's package. */
  static final String RELEASED_INDEX = RELEASED_DIR + "index.txt";

  // Written once, on the first successful load(); a failed load throws and is retried next call
  // (a class-holder idiom would turn the failure into NoClassDefFoundError on later calls).
  private static volatile SchemaStore loaded;

  private final Map<String, Schema> currentByName;
  private final Map<String, List<Schema>> releasedByName;
  private final Map<Long, Schema> byFingerprint;

  private SchemaStore(Map<String, Schema> currentByName, Map<String, List<Schema>> releasedByName) {
    this.currentByName = Map.copyOf(currentByName);
    this.releasedByName = Map.copyOf(releasedByName);
    Map<Long, Schema> fingerprints = new HashMap<>();
    releasedByName
        .values()
        .forEach(versions -> versions.forEach(s -> fingerprints.put(fingerprint(s), s)));
    // Current schemas win a fingerprint tie: they carry the generated classes' Java properties.
    currentByName.values().forEach(s -> fingerprints.put(fingerprint(s), s));
    this.byFingerprint = Map.copyOf(fingerprints);
  }

  /**
   * The store of this build: the released versions from the class-path index plus the current
   * schemas of {@link EventSchemas#all()}. Loaded once; later calls return the same instance.
   *
   * @throws IllegalStateException when the index or a released file is missing or malformed
   */
  public static SchemaStore load() {
    SchemaStore store = loaded;
    if (store == null) {
      synchronized (SchemaStore.class) {
        store = loaded;
        if (store == null) {
          store = ReleasedSchemas.loadStore();
          loaded = store;
        }
      }
    }
    return store;
  }

  /**
   * A store of the given schemas, for tests and tools that assemble their own.
   *
   * @param currentSchemas the current schema of each record, at most one per full name
   * @param releasedVersions per record full name, its released versions in version order (the
   *     schema at index {@code i} is version {@code i + 1})
   * @throws IllegalArgumentException when two current schemas share a name, or a released schema is
   *     filed under another record's name
   */
  public static SchemaStore of(
      Collection<Schema> currentSchemas, Map<String, List<Schema>> releasedVersions) {
    Map<String, Schema> current = new LinkedHashMap<>();
    for (Schema schema : currentSchemas) {
      if (current.put(schema.getFullName(), schema) != null) {
        throw new IllegalArgumentException("two current schemas for " + schema.getFullName());
      }
    }
    Map<String, List<Schema>> released = new LinkedHashMap<>();
    releasedVersions.forEach(
        (name, versions) -> {
          for (Schema schema : versions) {
            if (!schema.getFullName().equals(name)) {
              throw new IllegalArgumentException(
                  "released schema " + schema.getFullName() + " filed under " + name);
            }
          }
          released.put(name, List.copyOf(versions));
        });
    return new SchemaStore(current, released);
  }

  /** The fingerprint Avro's single-object encoding writes for {@code schema}. */
  public static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /**
   * The schema with this single-object fingerprint, released or current, of any record.
   *
   * @return the schema, or {@code null} when unknown (the contract of Avro's {@code SchemaStore})
   */
  @Override
  public Schema findByFingerprint(long fingerprint) {
    return byFingerprint.get(fingerprint);
  }

  /**
   * The released versions of a record, oldest first: index {@code i} holds version {@code i + 1}.
   *
   * @param fullName e.g. {@code io.streamsight.events.ImageEvent}
   * @return an immutable list, empty for a record that was never released
   */
  public List<Schema> releasedVersions(String fullName) {
    return releasedByName.getOrDefault(fullName, List.of());
  }

  /** The newest released version of a record, or empty when it was never released. */
  public Optional<Schema> latestReleased(String fullName) {
    List<Schema> versions = releasedVersions(fullName);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** The current schema of a record, or empty when the store has none for that name. */
  public Optional<Schema> current(String fullName) {
    return Optional.ofNullable(currentByName.get(fullName));
  }

  /**
   * Every schema a record of this name may have been written with: its released versions, oldest
   * first, then its current schema, without fingerprint duplicates.
   */
  public List<Schema> writerSchemas(String fullName) {
    Map<Long, Schema> distinct = new LinkedHashMap<>();
    releasedVersions(fullName).forEach(s -> distinct.putIfAbsent(fingerprint(s), s));
    current(fullName).ifPresent(s -> distinct.put(fingerprint(s), s));
    return List.copyOf(distinct.values());
  }

  /** Full names of every record the store knows, current or released. */
  public Set<String> recordNames() {
    Set<String> names = new HashSet<>(currentByName.keySet());
    names.addAll(releasedByName.keySet());
    return Set.copyOf(names);
  }

  /** Reads the released index and files from the class path. */
  static final class ReleasedSchemas {

    private ReleasedSchemas() {}

    static SchemaStore loadStore() {
      return of(EventSchemas.currentSchemas(), readIndex(readResource(RELEASED_INDEX)));
    }

    /**
     * Parses an index and the files it lists.
     *
     * @return per record full name, its versions in order
     */
    static Map<String, List<Schema>> readIndex(String index) {
      // name -> version -> schema; sorted so that versions come out in order.
      Map<String, TreeMap<Integer, Schema>> byName = new LinkedHashMap<>();
      for (String line : index.lines().map(String::strip).toList()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        IndexEntry entry = IndexEntry.parse(line);
        Schema schema = parse(line, readResource(RELEASED_DIR + line));
        if (!schema.getName().equals(entry.recordName())) {
          throw new IllegalStateException(
              line + " holds " + schema.getFullName() + ", not " + entry.recordName());
        }
        TreeMap<Integer, Schema> versions =
            byName.computeIfAbsent(schema.getFullName(), n -> new TreeMap<>());
        if (versions.put(entry.version(), schema) != null) {
          throw new IllegalStateException(line + " is listed twice in " + RELEASED_INDEX);
        }
      }
      Map<String, List<Schema>> released = new LinkedHashMap<>();
      byName.forEach(
          (name, versions) -> {
            // Gaps would make "index + 1 == version" false and hide a lost file.
            if (versions.lastKey() != versions.size()) {
              throw new IllegalStateException(
                  name + " has versions " + versions.keySet() + "; expected 1.." + versions.size());
            }
            released.put(name, new ArrayList<>(versions.values()));
          });
      return released;
    }

    private static Schema parse(String resource, String json) {
      try {
        // A fresh parser per file: every file defines the shared nested types again.
        return new Schema.Parser().parse(json);
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot parse released schema " + resource, e);
      }
    }

    static String readResource(String name) {
      try (InputStream in = SchemaStore.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(
              "missing class-path resource io/streamsight/schemas/" + name);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read io/streamsight/schemas/" + name, e);
      }
    }
  }

  /**
   * One line of the released index, {@code RecordName/vN.avsc}.
   *
   * @param recordName the record's simple name
   * @param version the version number, from 1
   */
  record IndexEntry(String recordName, int version) {

    static IndexEntry parse(String line) {
      int slash = line.indexOf('/');
      if (slash <= 0
          || slash != line.lastIndexOf('/')
          || !line.startsWith("v", slash + 1)
          || !line.endsWith(".avsc")) {
        throw new IllegalStateException(
            "bad line in " + RELEASED_INDEX + ": '" + line + "' (expected RecordName/vN.avsc)");
      }
      String number = line.substring(slash + 2, line.length() - ".avsc".length());
      int version;
      try {
        version = Integer.parseInt(number);
      } catch (NumberFormatException e) {
        throw new IllegalStateException("bad version in " + RELEASED_INDEX + ": '" + line + "'", e);
      }
      IndexEntry entry = new IndexEntry(line.substring(0, slash), version);
      // Rejects v0, v01, v+1: one spelling per version keeps the index and the files in step.
      if (version < 1 || !entry.path().equals(line)) {
        throw new IllegalStateException(
            "bad version in " + RELEASED_INDEX + ": '" + line + "' (versions are v1, v2, ...)");
      }
      return entry;
    }

    /** The index line for this entry, {@code RecordName/vN.avsc}. */
    String path() {
      return recordName + "/v" + version + ".avsc";
    }
  }
}
