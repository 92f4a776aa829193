package io.streamsight.processors.medication;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a product is given out, for reading a dose written as an amount of drug ("500 mg", "20
 * units"): whole tablets (or halves), whole capsules, suppositories or actuations, or a measured
 * volume of a liquid. A dose of 500 mg is one 500 mg capsule, two 250 mg capsules, or 10 mL of a
 * 250 mg / 5 mL suspension; 400 mg of a 500 mg capsule cannot be given.
 */
final class DoseUnits {

  /** How a product's doses are counted. */
  enum Counting {
    /** Tablets: whole or halves (a scored tablet is split). */
    TABLETS,
    /** Capsules, suppositories, lozenges, inhaler actuations: whole units only. */
    WHOLE_UNITS,
    /** Liquids, creams, patches and the rest: any amount can be measured. */
    MEASURED
  }

  /**
   * The ingredient a dose is an amount of, and how many of that ingredient's strength it is.
   *
   * @param ingredient the product's ingredient the dose is compared with
   * @param count the dose over the ingredient's strength (2 for 500 mg of a 250 mg tablet)
   * @param deliverable whether that count can be given in the product's units
   */
  record DoseOf(FormularyIngredient ingredient, double count, boolean deliverable) {}

  private static final Set<String> COUNTED_PER_UNITS =
      Set.of("ACT", "DOSE", "SPRAY", "PUFF", "BLISTER", "CAP", "SUP");

  private static final Set<String> VOLUME_UNITS = Set.of("ML", "L");

  private DoseUnits() {}

  static Counting counting(FormularyProduct product) {
    for (FormularyIngredient i : product.getIngredients()) {
      String per = upper(i.getDosageUnit());
      if (per.equals("TAB")) {
        return Counting.TABLETS;
      }
      if (COUNTED_PER_UNITS.contains(per)) {
        return Counting.WHOLE_UNITS;
      }
      if (VOLUME_UNITS.contains(per)) {
        return Counting.MEASURED;
      }
    }
    String forms = upper(String.join(" ", product.getDosageForms()));
    if (forms.contains("TABLET") || forms.contains("CAPLET")) {
      return Counting.TABLETS;
    }
    if (forms.contains("CAPSULE")
        || forms.contains("SUPPOSITORY")
        || forms.contains("LOZENGE")
        || forms.contains("OVULE")
        || forms.contains("PASTILLE")
        || forms.contains("TROCHE")) {
      return Counting.WHOLE_UNITS;
    }
    return Counting.MEASURED;
  }

  /**
   * Reads a dose written as an amount of drug against a product: for one ingredient, that
   * ingredient; for a combination, the ingredient whose strength the dose is a whole number of (875
   * mg of amoxicillin-clavulanate 875/125 is one tablet), else the nearest. Empty when the dose's
   * unit cannot be compared with any ingredient's strength, or when it is an amount of the product
   * itself (1 g of a cream the DPD gives per G, 5 mL of a liquid).
   */
  static Optional<DoseOf> doseOf(double value, String unit, FormularyProduct product) {
    Counting counting = counting(product);
    DoseOf best = null;
    for (FormularyIngredient i : product.getIngredients()) {
      if (isAmountOfProduct(unit, i)) {
        return Optional.empty();
      }
      Optional<Double> count = Strengths.amountRatio(value, unit, i);
      if (count.isEmpty()) {
        continue;
      }
      boolean deliverable =
          counting == Counting.MEASURED
              || Strengths.wholeUnits(count.get(), counting == Counting.TABLETS);
      DoseOf candidate = new DoseOf(i, count.get(), deliverable);
      if (best == null || better(candidate, best)) {
        best = candidate;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean better(DoseOf a, DoseOf b) {
    if (a.deliverable() != b.deliverable()) {
      return a.deliverable();
    }
    return Math.abs(Math.log(a.count())) < Math.abs(Math.log(b.count()));
  }

  /**
   * "1 g" of a product whose strength is per G, "5 mL" of one per ML: the product, not the drug.
   */
  private static boolean isAmountOfProduct(String unit, FormularyIngredient ingredient) {
    String per = SupplyCalculator.unitFamily(ingredient.getDosageUnit());
    return !per.isEmpty() && per.equals(SupplyCalculator.unitFamily(unit));
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT).trim();
  }
}
