package io.streamsight.processors.medication;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import io.streamsight.processors.medication.sig.Strength;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Expected days of supply: the dispense quantity divided by the amount used per day, step by step
 * for tapers (each bounded step uses its share, the rest lasts at the last step's rate), rounded
 * down. An as-needed part counts at the most it may be used a day: its highest frequency, capped by
 * the sig's own maximum.
 *
 * <p>A dose in an amount of drug becomes the dispense unit through the product's strength: mL of a
 * liquid (250 mg per 5 mL; insulin at 100 units per mL), tablets or capsules (a dose they cannot
 * give is not counted), one prefilled syringe per dose of its strength. Tablets and capsules count
 * alike, and so do an inhaler's puffs, inhalations and doses.
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
      Optional<Double> amount =
          amountPerAdministration(part.dose(), quantityUnit, product, sigStrength);
      if (amount.isEmpty()) {
        return Optional.empty();
      }
      double daily = amount.get() * part.perDay();
      if (part.asNeeded() && part.maxPerDay() != null) {
        // As needed: counted at the most that may be used a day, which is the sig's own maximum
        // when its schedule allows more ("1-2 tabs q4-6h prn, max 8/day": 8, not 12).
        Optional<Double> max =
            amountPerAdministration(part.maxPerDay(), quantityUnit, product, sigStrength);
        if (max.isPresent()) {
          daily = Math.min(daily, max.get());
        }
      }
      total += daily;
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
    Optional<DoseUnits.DoseOf> drug =
        product == null ? Optional.empty() : DoseUnits.doseOf(dose.value(), dose.unit(), product);
    if (target.isEmpty() && drug.isPresent()) {
      // "#30" with a dose in mg: counted in the product's own unit (mL of a liquid, tablets).
      target = dispensingUnit(product);
    }
    if (target.isEmpty() || target.equals(from) || sameCount(from, target)) {
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
    if (drug.isEmpty() || !drug.get().deliverable()) {
      // 400 mg of a 500 mg capsule cannot be given, so it cannot be counted either
      return Optional.empty();
    }
    // An amount of drug (mg, units) in the product's units, through its strength.
    FormularyIngredient ingredient = drug.get().ingredient();
    double count = drug.get().count();
    String per = unitFamily(ingredient.getDosageUnit());
    double perAmount = ingredient.getDosageValue() == null ? 1 : ingredient.getDosageValue();
    if (target.equals(per) || sameCount(per, target) || (per.isEmpty() && isSolidUnit(target))) {
      return Optional.of(count * perAmount);
    }
    if (isSingleDoseDevice(target) && per.equals("ml") && Strengths.wholeUnits(count, false)) {
      // a prefilled syringe holds one labelled dose (40 mg / 0.4 mL): 40 mg is one syringe
      return Optional.of(count);
    }
    return Optional.empty();
  }

  /**
   * Units that count the same things: a tablet written for a capsule is still one solid unit, and
   * an inhaler's doses, puffs, inhalations and actuations are one another.
   */
  private static boolean sameCount(String a, String b) {
    return (isTabletOrCapsule(a) && isTabletOrCapsule(b)) || (isPuff(a) && isPuff(b));
  }

  private static boolean isTabletOrCapsule(String family) {
    return family.equals("tablet") || family.equals("capsule");
  }

  private static boolean isPuff(String family) {
    return family.equals("puff") || family.equals("dose");
  }

  /** Prefilled syringes and auto-injectors hold one dose; vials, pens and cartridges hold many. */
  private static boolean isSingleDoseDevice(String family) {
    return family.equals("syringe") || family.equals("auto-injector");
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

  /** UCUM braces ("{tbl}") and abbreviation dots ("tab."); compiled once, as it runs per order. */
  private static final Pattern UNIT_PUNCTUATION = Pattern.compile("[{}.]");

  /** A unit's family: spellings of the same unit compare equal; empty for none. */
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
      case "puff", "inhalation", "actuation", "act" -> "puff";
      case "dose" -> "dose";
      case "syringe", "prefilled syringe", "pre-filled syringe" -> "syringe";
      case "auto-injector", "autoinjector", "auto injector" -> "auto-injector";
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
