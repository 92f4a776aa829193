package io.streamsight.processors.medication;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import io.streamsight.processors.medication.sig.Strength;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Expected days of supply: the dispense quantity divided by the amount used per day, step by step
 * for tapers (each bounded step uses its share, the rest lasts at the last step's rate), rounded
 * down. Liquids are counted by volume: a dose in milligrams becomes millilitres through the
 * product's strength (250 mg per 5 mL).
 */
final class SupplyCalculator {

  private SupplyCalculator() {}

  /** Days of supply, or empty when the sig or the units do not allow computing it. */
  static Optional<Integer> days(
      List<DailyDoses.Step> steps,
      double quantity,
      String quantityUnit,
      FormularyProduct product,
      Strength sigStrength) {
    if (quantity <= 0 || steps.isEmpty()) {
      return Optional.empty();
    }
    double remaining = quantity;
    double days = 0;
    for (DailyDoses.Step step : steps) {
      Optional<Double> perDay = perDay(step, quantityUnit, product, sigStrength);
      if (perDay.isEmpty() || perDay.get() <= 0) {
        return Optional.empty();
      }
      double need = step.days() == null ? Double.POSITIVE_INFINITY : perDay.get() * step.days();
      if (remaining >= need) {
        remaining -= need;
        days += step.days();
      } else {
        days += remaining / perDay.get();
        remaining = 0;
        break;
      }
    }
    // A tiny epsilon keeps 30 / (1/3 per day) = 89.999... from rounding down to 89.
    return Optional.of((int) Math.floor(days + 1e-9));
  }

  private static Optional<Double> perDay(
      DailyDoses.Step step, String quantityUnit, FormularyProduct product, Strength sigStrength) {
    double total = 0;
    for (DailyDoses.Part part : step.parts()) {
      if (part.asNeeded()) {
        // As needed: counted at the most that may be used, which the max-dose finding covers;
        // without a maximum the days of supply are unknown.
        return Optional.empty();
      }
      Optional<Double> amount =
          amountPerAdministration(part.dose(), quantityUnit, product, sigStrength);
      if (amount.isEmpty()) {
        return Optional.empty();
      }
      total += amount.get() * part.perDay();
    }
    return Optional.of(total);
  }

  /** One administration expressed in the dispense unit. */
  static Optional<Double> amountPerAdministration(
      DailyDoses.Dose dose, String quantityUnit, FormularyProduct product, Strength sigStrength) {
    String target = unitFamily(quantityUnit);
    if (dose == null) {
      // "t 250mg tid" for a 250 mg / 5 mL suspension: the strength is the dose.
      if (sigStrength == null) {
        return Optional.empty();
      }
      dose = new DailyDoses.Dose(sigStrength.value(), sigStrength.unit());
    }
    String from = unitFamily(dose.unit());
    if (target.isEmpty()
        && product != null
        && Strengths.toMg(dose.value(), dose.unit()).isPresent()) {
      // "#30" with a dose in mg: counted in the product's own unit (mL of a liquid, tablets).
      target = dispensingUnit(product);
    }
    if (target.isEmpty() || target.equals(from)) {
      return Optional.of(dose.value());
    }
    if (from.equals("ml") && target.equals("tsp")) {
      return Optional.of(dose.value() / 5);
    }
    if (from.equals("tsp") && target.equals("ml")) {
      return Optional.of(dose.value() * 5);
    }
    if (from.equals("tbsp") && target.equals("ml")) {
      return Optional.of(dose.value() * 15);
    }
    Optional<Double> mg = Strengths.toMg(dose.value(), dose.unit());
    if (mg.isPresent() && product != null) {
      Optional<FormularyIngredient> ingredient = Strengths.single(product);
      if (ingredient.isPresent()) {
        Optional<Double> strengthMg =
            Strengths.toMg(ingredient.get().getStrength(), ingredient.get().getStrengthUnit());
        if (strengthMg.isPresent() && strengthMg.get() > 0) {
          double units = mg.get() / strengthMg.get();
          String per = unitFamily(ingredient.get().getDosageUnit());
          double perAmount =
              ingredient.get().getDosageValue() == null ? 1 : ingredient.get().getDosageValue();
          if (target.equals(per) || (per.isEmpty() && isSolidUnit(target))) {
            return Optional.of(units * perAmount);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The unit a product is counted in: its strength's "per" unit, else its solid form. */
  private static String dispensingUnit(FormularyProduct product) {
    Optional<FormularyIngredient> ingredient = Strengths.single(product);
    if (ingredient.isPresent() && ingredient.get().getDosageUnit() != null) {
      return unitFamily(ingredient.get().getDosageUnit());
    }
    String forms = String.join(" ", product.getDosageForms()).toLowerCase(Locale.ROOT);
    if (forms.contains("capsule")) {
      return "capsule";
    }
    if (forms.contains("tablet") || forms.contains("caplet")) {
      return "tablet";
    }
    return "";
  }

  private static boolean isSolidUnit(String family) {
    return family.equals("tablet") || family.equals("capsule") || family.equals("suppository");
  }

  /** A unit's family: spellings of the same unit compare equal; empty for none. */
  /** UCUM braces ("{tbl}") and abbreviation dots ("tab."); compiled once, as it runs per order. */
  private static final java.util.regex.Pattern UNIT_PUNCTUATION =
      java.util.regex.Pattern.compile("[{}.]");

  static String unitFamily(String unit) {
    if (unit == null) {
      return "";
    }
    String u = UNIT_PUNCTUATION.matcher(unit.toLowerCase(Locale.ROOT)).replaceAll("").trim();
    if (u.endsWith("s") && u.length() > 3 && !u.equals("gtts")) {
      u = u.substring(0, u.length() - 1);
    }
    return switch (u) {
      case "tab", "tablet", "tbl", "tabl", "tb" -> "tablet";
      case "cap", "capsule", "caplet" -> "capsule";
      case "ml", "millilitre", "milliliter", "cc" -> "ml";
      case "tsp", "teaspoon", "teaspoonful" -> "tsp";
      case "tbsp", "tablespoon", "tablespoonful" -> "tbsp";
      case "puff", "inhalation", "actuation" -> "puff";
      case "gtt", "gtts", "drop" -> "drop";
      case "unit", "iu", "u" -> "unit";
      case "supp", "suppository" -> "suppository";
      case "patch" -> "patch";
      case "spray" -> "spray";
      case "lozenge", "troche" -> "lozenge";
      case "application", "applicatorful", "app" -> "application";
      default -> u;
    };
  }
}
