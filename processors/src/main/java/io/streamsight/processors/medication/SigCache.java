package io.streamsight.processors.medication;

import io.streamsight.processors.medication.sig.SigParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers the readings of recent sigs for one processor instance. A pharmacy's orders repeat a
 * small set of sigs ("1 cap po tid x10d"), and a reading depends on the sig text alone, so a
 * repeated sig costs a map lookup instead of a parse and a FHIR encoding. Least recently used
 * readings are dropped beyond {@code maxEntries}. Not thread-safe: one per processor instance, as
 * Kafka Streams runs each on one thread. The readings hold HAPI objects that nothing downstream
 * changes.
 */
final class SigCache implements Function<String, SigReading> {

  private final SigParser parser;
  private final LinkedHashMap<String, SigReading> readings;

  SigCache(SigParser parser, int maxEntries) {
    this.parser = parser;
    this.readings =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, SigReading> eldest) {
            return size() > maxEntries;
          }
        };
  }

  @Override
  public SigReading apply(String sig) {
    SigReading reading = readings.get(sig);
    if (reading == null) {
      reading = SigReading.read(parser, sig);
      readings.put(sig, reading);
    }
    return reading;
  }

  int size() {
    return readings.size();
  }
}
