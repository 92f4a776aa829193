package io.streamsight.schemas;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro data model of one generated record class: its logical-type conversions, and the
 * generated classes of every named type in its schema, resolved up front.
 *
 * <p>Why: since 1.12 Avro refuses to load a class named by a schema unless it is allow-listed (the
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property or a global {@code
 * ClassSecurityValidator}), so the generated {@code ImageEvent.getDecoder()} throws {@code
 * SecurityException} out of the box. The allow-list guards against class names taken from an
 * untrusted writer schema. Here the classes come from the reader schema compiled into this jar,
 * never from the wire, so they are resolved directly and no process-wide setting is touched.
 */
final class GeneratedClassesData extends SpecificData {

  private final Map<String, Class<?>> classes;

  private GeneratedClassesData(Map<String, Class<?>> classes) {
    super(classLoaderOf(classes));
    this.classes = Map.copyOf(classes);
  }

  /** The model for reading and writing {@code type}. */
  static <T extends SpecificRecord> GeneratedClassesData forClass(Class<T> type) {
    SpecificData generated = SpecificData.getForClass(type);
    Map<String, Class<?>> classes = new HashMap<>();
    collect(generated.getSchema(type), type.getClassLoader(), classes);
    GeneratedClassesData model = new GeneratedClassesData(classes);
    generated.getConversions().forEach(model::addLogicalTypeConversion);
    return model;
  }

  @Override
  public Class<?> getClass(Schema schema) {
    switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> {
        Class<?> known = classes.get(schema.getFullName());
        if (known != null) {
          return known;
        }
      }
      default -> {
        // Unions, arrays, primitives: no class to load; the superclass maps them.
      }
    }
    return super.getClass(schema);
  }

  /** Loads the class of every named type reachable from {@code schema}, once per name. */
  private static void collect(Schema schema, ClassLoader loader, Map<String, Class<?>> classes) {
    switch (schema.getType()) {
      case RECORD -> {
        if (classes.put(schema.getFullName(), load(schema, loader)) == null) {
          schema.getFields().forEach(f -> collect(f.schema(), loader, classes));
        }
      }
      case ENUM, FIXED -> classes.put(schema.getFullName(), load(schema, loader));
      case ARRAY -> collect(schema.getElementType(), loader, classes);
      case MAP -> collect(schema.getValueType(), loader, classes);
      case UNION -> schema.getTypes().forEach(t -> collect(t, loader, classes));
      default -> {
        // Primitives have no generated class.
      }
    }
  }

  private static Class<?> load(Schema schema, ClassLoader loader) {
    try {
      return Class.forName(SpecificData.getClassName(schema), false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no generated class for " + schema.getFullName(), e);
    }
  }

  private static ClassLoader classLoaderOf(Map<String, Class<?>> classes) {
    return classes.values().stream()
        .map(Class::getClassLoader)
        .findFirst()
        .orElse(GeneratedClassesData.class.getClassLoader());
  }
}
