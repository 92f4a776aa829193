package io.streamsight.processors.medication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;

/**
 * Reads amounts per day and course lengths out of FHIR Dosages: the arithmetic behind the days of
 * supply and the maximum-dose check. Everything comes from the FHIR structure, so whatever parsed
 * the sig, the numbers agree with what is sent downstream.
 */
final class DailyDoses {

  /** One administration's dose: the value (a range's high end) and its unit, as written. */
  record Dose(double value, String unit) {}

  /**
   * One step of the sig: the dose per administration of each concurrent part with its
   * administrations per day, and the course length in days (null when unbounded).
   */
  record Step(int sequence, List<Part> parts, Double days) {}

  /**
   * A concurrent part: its dose (null when the sig gives none), administrations per day (for an
   * as-needed part, the most its frequency allows: q4-6h is 6 a day), whether it is as needed, and
   * the sig's own maximum per day for it (null when none).
   */
  record Part(Dose dose, double perDay, boolean asNeeded, Dose maxPerDay) {}

  private DailyDoses() {}

  /** The steps in sequence order; empty when any part's frequency cannot be read. */
  static Optional<List<Step>> steps(List<Dosage> dosages) {
    Map<Integer, List<Dosage>> bySequence = new TreeMap<>();
    for (Dosage d : dosages) {
      bySequence
          .computeIfAbsent(d.hasSequence() ? d.getSequence() : 1, k -> new ArrayList<>())
          .add(d);
    }
    List<Step> steps = new ArrayList<>();
    for (var entry : bySequence.entrySet()) {
      List<Part> parts = new ArrayList<>();
      Double days = null;
      for (Dosage d : entry.getValue()) {
        Optional<Double> perDay = administrationsPerDay(d);
        if (perDay.isEmpty()) {
          return Optional.empty();
        }
        parts.add(
            new Part(dose(d).orElse(null), perDay.get(), asNeeded(d), maxPerDay(d).orElse(null)));
        Double bound = boundsDays(d.getTiming());
        if (bound != null) {
          days = days == null ? bound : Math.max(days, bound);
        }
      }
      steps.add(new Step(entry.getKey(), parts, days));
    }
    return Optional.of(steps);
  }

  static boolean asNeeded(Dosage d) {
    return (d.hasAsNeededBooleanType() && d.getAsNeededBooleanType().booleanValue())
        || d.hasAsNeededCodeableConcept();
  }

  static Optional<Dose> dose(Dosage d) {
    for (Dosage.DosageDoseAndRateComponent dr : d.getDoseAndRate()) {
      if (dr.hasDoseQuantity()) {
        Quantity q = dr.getDoseQuantity();
        return Optional.of(new Dose(q.getValue().doubleValue(), unit(q)));
      }
      if (dr.hasDoseRange() && dr.getDoseRange().hasHigh()) {
        Quantity q = dr.getDoseRange().getHigh();
        return Optional.of(new Dose(q.getValue().doubleValue(), unit(q)));
      }
    }
    return Optional.empty();
  }

  /** Every amount the dosages give: each dose quantity, and both ends of each dose range. */
  static List<Dose> amounts(List<Dosage> dosages) {
    List<Dose> amounts = new ArrayList<>();
    for (Dosage d : dosages) {
      for (Dosage.DosageDoseAndRateComponent dr : d.getDoseAndRate()) {
        if (dr.hasDoseQuantity()) {
          add(amounts, dr.getDoseQuantity());
        } else if (dr.hasDoseRange()) {
          add(amounts, dr.getDoseRange().getLow());
          add(amounts, dr.getDoseRange().getHigh());
        }
      }
    }
    return amounts;
  }

  private static void add(List<Dose> amounts, Quantity q) {
    if (q != null && q.hasValue()) {
      amounts.add(new Dose(q.getValue().doubleValue(), unit(q)));
    }
  }

  static String unit(Quantity q) {
    if (q.hasUnit()) {
      return q.getUnit();
    }
    return q.hasCode() ? q.getCode() : null;
  }

  /**
   * Administrations per day: frequency over period (the shorter period of a range, so the supply is
   * never overestimated), else the number of times of day given, else one.
   */
  static Optional<Double> administrationsPerDay(Dosage d) {
    Timing.TimingRepeatComponent r = d.getTiming().getRepeat();
    if (r.hasPeriod() && r.hasPeriodUnit()) {
      double frequency =
          r.hasFrequencyMax() ? r.getFrequencyMax() : r.hasFrequency() ? r.getFrequency() : 1;
      double periodDays = r.getPeriod().doubleValue() * unitDays(r.getPeriodUnit().toCode());
      if (periodDays <= 0) {
        return Optional.empty();
      }
      double perDay = frequency / periodDays;
      if (r.hasDayOfWeek() && r.getPeriodUnit() == Timing.UnitsOfTime.D) {
        perDay = perDay * r.getDayOfWeek().size() / 7.0;
      }
      return Optional.of(perDay);
    }
    if (r.hasDayOfWeek()) {
      return Optional.of(r.getDayOfWeek().size() / 7.0);
    }
    int times = r.getWhen().size() + r.getTimeOfDay().size();
    if (times > 0) {
      return Optional.of((double) times);
    }
    if (r.hasFrequency()) {
      return Optional.of((double) r.getFrequency());
    }
    return Optional.empty();
  }

  /** The course length in days, or null when unbounded. */
  static Double boundsDays(Timing timing) {
    if (!timing.getRepeat().hasBoundsDuration()) {
      return null;
    }
    var duration = timing.getRepeat().getBoundsDuration();
    if (!duration.hasValue()) {
      return null;
    }
    String unit = duration.hasCode() ? duration.getCode() : duration.getUnit();
    return duration.getValue().doubleValue() * unitDays(unit);
  }

  /** Maximum dose per day from {@code maxDosePerPeriod}, in the numerator's unit. */
  static Optional<Dose> maxPerDay(Dosage d) {
    if (!d.hasMaxDosePerPeriod()) {
      return Optional.empty();
    }
    var ratio = d.getMaxDosePerPeriod();
    if (!ratio.hasNumerator() || !ratio.getNumerator().hasValue()) {
      return Optional.empty();
    }
    double per = 1;
    if (ratio.hasDenominator() && ratio.getDenominator().hasValue()) {
      Quantity den = ratio.getDenominator();
      String unit = den.hasCode() ? den.getCode() : den.getUnit();
      per = den.getValue().doubleValue() * unitDays(unit);
    }
    if (per <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Dose(ratio.getNumerator().getValue().doubleValue() / per, unit(ratio.getNumerator())));
  }

  static double unitDays(String unit) {
    if (unit == null) {
      return 1;
    }
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "s" -> 1.0 / 86_400;
      case "min" -> 1.0 / 1_440;
      case "h", "hr", "hour", "hours" -> 1.0 / 24;
      case "d", "day", "days" -> 1;
      case "wk", "week", "weeks" -> 7;
      case "mo", "month", "months" -> 30;
      case "a", "year", "years" -> 365;
      default -> 1;
    };
  }
}
