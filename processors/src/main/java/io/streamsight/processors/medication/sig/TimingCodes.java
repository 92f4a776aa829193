package io.streamsight.processors.medication.sig;

import org.hl7.fhir.r4.model.Timing.EventTiming;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/** HL7 GTS timing codes ("BID", "Q4H", "AM") for the frequencies and events a sig names. */
final class TimingCodes {

  private TimingCodes() {}

  /** The code for {@code times} a day ("QD" to "QID"), or null past four. */
  static String dailyCode(int times) {
    switch (times) {
      case 1 -> {
        return "QD";
      }
      case 2 -> {
        return "BID";
      }
      case 3 -> {
        return "TID";
      }
      case 4 -> {
        return "QID";
      }
      default -> {
        return null;
      }
    }
  }

  /** The HL7 GTS code for a simple frequency, where the code system has one. */
  static String codeFor(int frequency, double period, UnitsOfTime unit) {
    if (unit == UnitsOfTime.D && period == 1) {
      return dailyCode(frequency);
    }
    if (frequency != 1) {
      return null;
    }
    if (unit == UnitsOfTime.D && period == 2) {
      return "QOD";
    }
    if (unit == UnitsOfTime.H) {
      if (period == 1 || period == 2 || period == 3 || period == 4 || period == 6 || period == 8) {
        return "Q" + (int) period + "H";
      }
      return null;
    }
    if (unit == UnitsOfTime.WK && period == 1) {
      return "WK";
    }
    if (unit == UnitsOfTime.MO && period == 1) {
      return "MO";
    }
    return null;
  }

  /** The code for a daily event ("AM", "PM", "BED"), or null where the code system has none. */
  static String eventCode(EventTiming ev) {
    switch (ev) {
      case MORN -> {
        return "AM";
      }
      case EVE -> {
        return "PM";
      }
      case HS -> {
        return "BED";
      }
      default -> {
        return null;
      }
    }
  }
}
