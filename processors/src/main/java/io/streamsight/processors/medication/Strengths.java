package io.streamsight.processors.medication;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import io.streamsight.processors.medication.sig.Strength;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strength arithmetic: units of mass to milligrams, and a strength against a product's. */
final class Strengths {

  private static final Pattern IN_NAME =
      Pattern.compile(
          "(\\d+(?:[.,]\\d+)?)\\s*(mg|mcg|µg|ug|g|ml|%|units?|iu)\\b", Pattern.CASE_INSENSITIVE);

  private Strengths() {}

  /** The strength written in a drug name such as "amoxicillin 250mg", if any. */
  static Optional<Strength> inName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    Matcher m = IN_NAME.matcher(name);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new Strength(
            Double.parseDouble(m.group(1).replace(',', '.')), m.group(2).toLowerCase(Locale.ROOT)));
  }

  /** The drug name without strength and form words, for name matching. */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  static String stripStrength(String name) {
    return SPACES.matcher(IN_NAME.matcher(name).replaceAll(" ")).replaceAll(" ").trim();
  }

  /** Milligrams for mass units; empty for anything else (%, units, mL). */
  static Optional<Double> toMg(double value, String unit) {
    if (unit == null) {
      return Optional.empty();
    }
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "mg" -> Optional.of(value);
      case "mcg", "µg", "ug" -> Optional.of(value / 1000);
      case "g" -> Optional.of(value * 1000);
      default -> Optional.empty();
    };
  }

  /** The product's single active ingredient, when it has exactly one with a strength. */
  static Optional<FormularyIngredient> single(FormularyProduct product) {
    if (product.getIngredients().size() != 1) {
      return Optional.empty();
    }
    FormularyIngredient i = product.getIngredients().get(0);
    return i.getStrength() == null ? Optional.empty() : Optional.of(i);
  }

  /**
   * How far a strength is from an ingredient's, as |log ratio|; 0 is an exact match, empty when the
   * units cannot be compared.
   */
  static Optional<Double> distance(Strength strength, FormularyIngredient ingredient) {
    if (ingredient.getStrength() == null
        || ingredient.getStrength() <= 0
        || strength.value() <= 0) {
      return Optional.empty();
    }
    Optional<Double> a = toMg(strength.value(), strength.unit());
    Optional<Double> b = toMg(ingredient.getStrength(), ingredient.getStrengthUnit());
    double x;
    double y;
    if (a.isPresent() && b.isPresent()) {
      x = a.get();
      y = b.get();
    } else if (sameUnit(strength.unit(), ingredient.getStrengthUnit())) {
      x = strength.value();
      y = ingredient.getStrength();
    } else {
      return Optional.empty();
    }
    return Optional.of(Math.abs(Math.log(x / y)));
  }

  static boolean matches(Strength strength, FormularyIngredient ingredient) {
    return distance(strength, ingredient).map(d -> d < 1e-6).orElse(false);
  }

  private static boolean sameUnit(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = canonicalUnit(a);
    return !x.isEmpty() && x.equals(canonicalUnit(b));
  }

  private static String canonicalUnit(String unit) {
    String u = unit.toLowerCase(Locale.ROOT).trim();
    return switch (u) {
      case "unit", "units", "iu", "u" -> "unit";
      case "%", "percent" -> "%";
      case "ml" -> "ml";
      default -> u;
    };
  }

  /** "250 MG" or "250 MG / 5 ML", as the DPD prints it. */
  static String describe(FormularyIngredient i) {
    if (i.getStrength() == null) {
      return "";
    }
    String s = number(i.getStrength()) + " " + nullToEmpty(i.getStrengthUnit());
    if (i.getDosageUnit() != null && !i.getDosageUnit().isBlank()) {
      String per = i.getDosageValue() == null ? "" : number(i.getDosageValue()) + " ";
      s += " / " + per + i.getDosageUnit();
    }
    return s.trim();
  }

  static String describe(Strength s) {
    return number(s.value()) + s.unit();
  }

  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
