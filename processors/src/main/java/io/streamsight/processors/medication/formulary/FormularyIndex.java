package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import java.util.List;
import java.util.Optional;

/**
 * The three lookups {@link FormularySearch} answers every query from, so that a formulary in memory
 * and one over Kafka Streams stores rank names with the same code.
 */
interface FormularyIndex {

  /** The product under this 8-digit DIN. */
  Optional<FormularyProduct> product(String din);

  /** The name entry under this normalised name. */
  Optional<FormularyNameEntry> name(String name);

  /** Every name entry whose name starts with {@code prefix}, in any order. */
  List<FormularyNameEntry> namesStartingWith(String prefix);
}
