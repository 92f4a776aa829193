package io.streamsight.processors.medication.sig;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Dosage.DosageDoseAndRateComponent;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Timing.EventTiming;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * Dose units per day for each sequence step, read back from the FHIR dosages (so the figure is
 * exactly what a consumer of the dosages would compute). Conventions: the high end of a dose range
 * and the shortest period of a period range (q4-6h counts as every 4 hours); a meal event without a
 * named meal (AC, PC, C) counts as three administrations a day; a month is 30 days.
 */
final class SupplyCalculator {

  private SupplyCalculator() {}

  static List<StepSupply> supply(List<Dosage> dosages) {
    List<StepSupply> out = new ArrayList<>();
    int i = 0;
    while (i < dosages.size()) {
      int seq = dosages.get(i).getSequence();
      double perDay = 0;
      String unit = null;
      boolean unitSet = false;
      Double days = null;
      int j = i;
      for (; j < dosages.size() && dosages.get(j).getSequence() == seq; j++) {
        Dosage d = dosages.get(j);
        double[] part = part(d);
        if (part == null) {
          return List.of();
        }
        String u = unit(d);
        if (unitSet && !Objects.equals(unit, u)) {
          return List.of();
        }
        unit = u;
        unitSet = true;
        perDay += part[0];
        if (!Double.isNaN(part[1])) {
          days = days == null ? part[1] : Math.max(days, part[1]);
        }
      }
      out.add(new StepSupply(seq, round(perDay), unit, days == null ? null : round(days)));
      i = j;
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  /** {units per day, days or NaN}, or null when not computable. */
  private static double[] part(Dosage d) {
    Double dose = doseHigh(d);
    if (dose == null) {
      return null;
    }
    TimingRepeatComponent r = d.hasTiming() ? d.getTiming().getRepeat() : null;
    Double perDay = null;
    if (d.hasAsNeeded()
        && !(d.hasAsNeededBooleanType() && !d.getAsNeededBooleanType().booleanValue())) {
      if (!d.hasMaxDosePerPeriod()) {
        return null;
      }
      Ratio max = d.getMaxDosePerPeriod();
      Quantity num = max.getNumerator();
      Quantity den = max.getDenominator();
      double n = num.getValue().doubleValue();
      if ("{dose}".equals(num.getCode())) {
        n *= dose;
      }
      double perDays =
          Units.days(den.getValue().doubleValue(), UnitsOfTime.fromCode(den.getCode()));
      perDay = n / perDays;
    } else {
      double admins = administrationsPerDay(r);
      if (Double.isNaN(admins)) {
        return null;
      }
      perDay = dose * admins;
    }
    double days = Double.NaN;
    if (r != null && r.hasBoundsDuration()) {
      Duration b = r.getBoundsDuration();
      days = Units.days(b.getValue().doubleValue(), UnitsOfTime.fromCode(b.getCode()));
    } else if (r != null && r.hasCount()) {
      double admins = administrationsPerDay(r);
      days = admins > 0 && r.hasPeriod() ? r.getCount() / admins : 1;
    }
    return new double[] {perDay, days};
  }

  private static double administrationsPerDay(TimingRepeatComponent r) {
    if (r == null) {
      return Double.NaN;
    }
    double perDay;
    if (r.hasPeriod()) {
      int f = r.hasFrequencyMax() ? r.getFrequencyMax() : r.hasFrequency() ? r.getFrequency() : 1;
      perDay = f / Units.days(r.getPeriod().doubleValue(), r.getPeriodUnit());
    } else if (r.hasWhen()) {
      perDay = 0;
      for (var e : r.getWhen()) {
        EventTiming ev = e.getValue();
        perDay += ev == EventTiming.AC || ev == EventTiming.PC || ev == EventTiming.C ? 3 : 1;
      }
    } else if (r.hasTimeOfDay()) {
      perDay = r.getTimeOfDay().size();
    } else if (r.hasCount()) {
      perDay = r.getCount();
    } else if (r.hasDayOfWeek()) {
      perDay = 1;
    } else {
      return Double.NaN;
    }
    if (r.hasDayOfWeek() && (!r.hasPeriodUnit() || r.getPeriodUnit() == UnitsOfTime.D)) {
      perDay = perDay * r.getDayOfWeek().size() / 7.0;
    } else if (r.hasDayOfWeek() && r.getPeriodUnit() == UnitsOfTime.WK) {
      double perWeek = Math.max(perDay * 7, r.getDayOfWeek().size());
      perDay = perWeek / 7.0;
    }
    return perDay;
  }

  private static Double doseHigh(Dosage d) {
    if (!d.hasDoseAndRate()) {
      return null;
    }
    DosageDoseAndRateComponent dr = d.getDoseAndRateFirstRep();
    if (dr.hasDoseRange()) {
      return dr.getDoseRange().getHigh().getValue().doubleValue();
    }
    if (dr.hasDoseQuantity()) {
      return dr.getDoseQuantity().getValue().doubleValue();
    }
    return null;
  }

  private static String unit(Dosage d) {
    DosageDoseAndRateComponent dr = d.getDoseAndRateFirstRep();
    Quantity q = dr.hasDoseRange() ? dr.getDoseRange().getHigh() : dr.getDoseQuantity();
    if (!q.hasUnit()) {
      return null;
    }
    // the singular: "tablet", not "tablets"
    for (DoseUnit u : DoseUnit.values()) {
      if (u.plural.equals(q.getUnit()) || u.singular.equals(q.getUnit())) {
        return u.singular;
      }
    }
    return q.getUnit();
  }
}
