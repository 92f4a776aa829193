package io.streamsight.processors.medication.sig;

import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/** Conversions and words for FHIR units of time. */
final class Units {

  private Units() {}

  /** {@code value} of {@code unit} in days; a month is 30 days and a year 365. */
  static double days(double value, UnitsOfTime unit) {
    switch (unit) {
      case S:
        return value / 86_400;
      case MIN:
        return value / 1_440;
      case H:
        return value / 24;
      case WK:
        return value * 7;
      case MO:
        return value * 30;
      case A:
        return value * 365;
      case D:
      default:
        return value;
    }
  }

  static String word(UnitsOfTime unit, double amount) {
    boolean one = amount == 1;
    switch (unit) {
      case S:
        return one ? "second" : "seconds";
      case MIN:
        return one ? "minute" : "minutes";
      case H:
        return one ? "hour" : "hours";
      case WK:
        return one ? "week" : "weeks";
      case MO:
        return one ? "month" : "months";
      case A:
        return one ? "year" : "years";
      case D:
      default:
        return one ? "day" : "days";
    }
  }
}
