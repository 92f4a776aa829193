package io.streamsight.processors.medication.sig;

import static java.util.Objects.requireNonNull;

/**
 * A product strength written inside a sig ("t 250mg", "amoxicillin 500 mg"), kept apart from the
 * dose so that a validator can check it against the dispensed product.
 *
 * @param value the amount, e.g. 250
 * @param unit lower case except {@code mL}: {@code mg}, {@code mcg}, {@code g}, {@code mL}, {@code
 *     %}, {@code unit}, or a concentration such as {@code mg/5mL}
 */
public record Strength(double value, String unit) {
  public Strength {
    requireNonNull(unit, "unit");
  }
}
