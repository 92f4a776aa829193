package io.streamsight.processors.medication;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import io.streamsight.processors.medication.sig.Strength;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strength arithmetic: the strengths written in a drug name, units of mass to milligrams, and a
 * strength or a dose against a product's.
 */
final class Strengths {

  private static final String NUMBER = "(\\d+(?:[.,]\\d+)?|[.,]\\d+)";
  private static final String MASS = "(mg|mcg|µg|ug|g)";

  /** Not inside a word or a number: "MSO4" and "1.5" hold no strength at "4" or "5". */
  private static final String START = "(?<![\\p{L}\\d.,])";

  /** "25mcg/h", "50 mcg/hr", "4.6 mg/24h": a transdermal rate, compared per hour. */
  private static final Pattern RATE =
      Pattern.compile(
          START + NUMBER + "\\s*" + MASS + "\\s*/\\s*(?:(24)\\s*)?(?:hours?|hrs?|h)(?![\\p{L}\\d])",
          Pattern.CASE_INSENSITIVE);

  /**
   * "800/160", "875/125 mg", "400 mg/80 mg", "5/325/30": one strength per ingredient of a
   * combination, in the order the name lists them; not a concentration ("250mg/5mL") or a rate.
   */
  private static final Pattern COMBINATION =
      Pattern.compile(
          START
              + NUMBER
              + "\\s*"
              + MASS
              + "?\\s*/\\s*"
              + NUMBER
              + "\\s*"
              + MASS
              + "?(?:\\s*/\\s*"
              + NUMBER
              + "\\s*"
              + MASS
              + "?)?(?![\\p{L}\\d%/.]|\\s*(?:ml|l|hours?|hrs?|h|d|days?|%)(?![\\p{L}\\d]))",
          Pattern.CASE_INSENSITIVE);

  /** "250mg", "0.1%", "100 units": a single strength. */
  private static final Pattern SINGLE =
      Pattern.compile(
          START + NUMBER + "\\s*(mg|mcg|µg|ug|g|ml|%|units?|iu)(?![\\p{L}\\d])",
          Pattern.CASE_INSENSITIVE);

  /**
   * The unit of a combination's strengths written without one ("800/160"): read in the unit of the
   * product they are compared with (the DPD writes 800 MG / 160 MG, or 140 MCG / 50 MCG).
   */
  static final String UNITLESS = "";

  private static final Pattern RATE_UNIT = Pattern.compile("(mg|mcg|g)/(\\d*)h");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Strengths() {}

  /** The (first) strength written in a drug name such as "amoxicillin 250mg", if any. */
  static Optional<Strength> inName(String name) {
    return allInName(name).stream().findFirst();
  }

  /**
   * The first strength written in a drug name: one value ("amoxicillin 250mg", "betamethasone 0.05%
   * cream", "fentanyl 25mcg/h", as {@code mcg/h}) or one per ingredient of a combination
   * ("sulfamethoxazole/trimethoprim 800/160"; parts without a unit take the next unit written, else
   * are {@link #UNITLESS}). Empty when the name gives none.
   */
  static List<Strength> allInName(String name) {
    if (name == null) {
      return List.of();
    }
    List<Match> found = matches(name);
    return found.isEmpty() ? List.of() : found.get(0).strengths();
  }

  /** The drug name without the strengths written in it, for name matching. */
  static String stripStrength(String name) {
    StringBuilder out = new StringBuilder(name);
    List<Match> found = matches(name);
    for (int i = found.size() - 1; i >= 0; i--) {
      out.replace(found.get(i).start(), found.get(i).end(), " ");
    }
    return SPACES.matcher(out).replaceAll(" ").trim();
  }

  private record Match(int start, int end, List<Strength> strengths) {}

  /** Every strength in the name, in order; a rate before a combination before a single value. */
  private static List<Match> matches(String name) {
    List<Match> found = new ArrayList<>();
    boolean[] taken = new boolean[name.length()];
    for (Pattern p : List.of(RATE, COMBINATION, SINGLE)) {
      Matcher m = p.matcher(name);
      while (m.find()) {
        if (taken(taken, m.start(), m.end())) {
          continue;
        }
        for (int i = m.start(); i < m.end(); i++) {
          taken[i] = true;
        }
        found.add(new Match(m.start(), m.end(), read(p, m)));
      }
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return found;
  }

  private static boolean taken(boolean[] taken, int start, int end) {
    for (int i = start; i < end; i++) {
      if (taken[i]) {
        return true;
      }
    }
    return false;
  }

  private static List<Strength> read(Pattern p, Matcher m) {
    if (p == RATE) {
      String per = m.group(3) == null ? "h" : m.group(3) + "h";
      return List.of(new Strength(number(m.group(1)), massUnit(m.group(2)) + "/" + per));
    }
    if (p == SINGLE) {
      return List.of(new Strength(number(m.group(1)), unit(m.group(2))));
    }
    List<Double> values = new ArrayList<>();
    List<String> units = new ArrayList<>();
    for (int g = 1; g + 1 <= m.groupCount(); g += 2) {
      if (m.group(g) != null) {
        values.add(number(m.group(g)));
        units.add(m.group(g + 1) == null ? null : massUnit(m.group(g + 1)));
      }
    }
    List<Strength> strengths = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String unit = null;
      for (int j = i; j < units.size() && unit == null; j++) {
        unit = units.get(j);
      }
      strengths.add(new Strength(values.get(i), unit == null ? UNITLESS : unit));
    }
    return List.copyOf(strengths);
  }

  private static double number(String text) {
    return Double.parseDouble(text.replace(',', '.'));
  }

  private static String massUnit(String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    return u.equals("µg") || u.equals("ug") ? "mcg" : u;
  }

  private static String unit(String unit) {
    return unit.toLowerCase(Locale.ROOT);
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
   * units cannot be compared. Amounts compare by their numerators, as the DPD prints them ("250mg"
   * is the 250 MG / 5 ML suspension's strength); a rate written per hour ("25mcg/h", "50mcg/24h")
   * compares per hour with an ingredient the DPD gives per HOUR.
   */
  static Optional<Double> distance(Strength strength, FormularyIngredient ingredient) {
    if (ingredient.getStrength() == null
        || ingredient.getStrength() <= 0
        || strength.value() <= 0) {
      return Optional.empty();
    }
    Matcher rate = RATE_UNIT.matcher(strength.unit().toLowerCase(Locale.ROOT));
    if (rate.matches()) {
      double hours = rate.group(2).isEmpty() ? 1 : Double.parseDouble(rate.group(2));
      Optional<Double> written = toMg(strength.value(), rate.group(1)).map(mg -> mg / hours);
      Optional<Double> perHour = perHour(ingredient);
      if (written.isPresent() && perHour.isPresent()) {
        return Optional.of(Math.abs(Math.log(written.get() / perHour.get())));
      }
      // a product without a rate: compare the amounts as written
      return distance(new Strength(strength.value(), rate.group(1)), ingredient);
    }
    return amountRatio(strength.value(), strength.unit(), ingredient)
        .map(r -> Math.abs(Math.log(r)));
  }

  private static final Pattern HOUR = Pattern.compile("HOURS?|HRS?|H");

  /**
   * Milligrams per hour of an ingredient the DPD gives per HOUR ("25 MCG / HOUR"), if it is one.
   */
  private static Optional<Double> perHour(FormularyIngredient ingredient) {
    String per = ingredient.getDosageUnit();
    if (per == null || !HOUR.matcher(per.toUpperCase(Locale.ROOT)).matches()) {
      return Optional.empty();
    }
    double hours = ingredient.getDosageValue() == null ? 1 : ingredient.getDosageValue();
    return toMg(ingredient.getStrength(), ingredient.getStrengthUnit()).map(mg -> mg / hours);
  }

  static boolean matches(Strength strength, FormularyIngredient ingredient) {
    return distance(strength, ingredient).map(d -> d < 1e-6).orElse(false);
  }

  /**
   * How many of the ingredient's strength an amount is ("500 mg" of a 250 MG ingredient is 2): for
   * amounts of mass against mass, or units against units; empty when they cannot be compared.
   */
  static Optional<Double> amountRatio(double value, String unit, FormularyIngredient ingredient) {
    if (ingredient.getStrength() == null || ingredient.getStrength() <= 0 || value <= 0) {
      return Optional.empty();
    }
    if (UNITLESS.equals(unit)) {
      return Optional.of(value / ingredient.getStrength());
    }
    Optional<Double> a = toMg(value, unit);
    Optional<Double> b = toMg(ingredient.getStrength(), ingredient.getStrengthUnit());
    if (a.isPresent() && b.isPresent()) {
      return Optional.of(a.get() / b.get());
    }
    if (sameUnit(unit, ingredient.getStrengthUnit())) {
      return Optional.of(value / ingredient.getStrength());
    }
    return Optional.empty();
  }

  /**
   * Whether a number of units can be given: a whole number of at least one, or of halves for
   * tablets (a scored tablet is split).
   */
  static boolean wholeUnits(double count, boolean halves) {
    double step = halves ? 2 : 1;
    double scaled = count * step;
    return scaled >= 1 - 1e-6 && Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled);
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
      case "unit", "units", "iu", "u", "[iu]" -> "unit";
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

  /**
   * A product's strength as the DPD prints it: "250 MG" for one ingredient, "SULFAMETHOXAZOLE 400
   * MG + TRIMETHOPRIM 80 MG" for a combination.
   */
  static String describe(FormularyProduct product) {
    List<FormularyIngredient> ingredients = product.getIngredients();
    if (ingredients.size() == 1) {
      return describe(ingredients.get(0));
    }
    List<String> parts = new ArrayList<>();
    for (FormularyIngredient i : ingredients) {
      parts.add((i.getName() + " " + describe(i)).trim());
    }
    return String.join(" + ", parts);
  }

  static String describe(Strength s) {
    return number(s.value()) + s.unit();
  }

  static String describe(List<Strength> strengths) {
    return String.join("/", strengths.stream().map(Strengths::describe).toList());
  }

  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
