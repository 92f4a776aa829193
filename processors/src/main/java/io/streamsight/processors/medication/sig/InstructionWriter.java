package io.streamsight.processors.medication.sig;

import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Timing.DayOfWeek;
import org.hl7.fhir.r4.model.Timing.EventTiming;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * Writes the plain-English patient instruction for one part: "Take 1 tablet by mouth 3 times a day
 * for 10 days as needed for pain". It states only what the sig says (no unit is invented for "t
 * 250mg tid"), in a fixed order: verb, dose, route, site, frequency, meal and clock times, days,
 * course length, as needed, maximum, advice.
 */
final class InstructionWriter {

  private InstructionWriter() {}

  static String write(Part p) {
    StringBuilder s = new StringBuilder(64);
    if (!p.hasDosingContent() && p.method == null && p.advice != null && p.form == null) {
      // advice alone: "leave on for 10 minutes then rinse"
      String all = String.join(", ", p.advice);
      return Character.toUpperCase(all.charAt(0)) + all.substring(1);
    }
    String verb = verb(p);
    s.append(verb);
    if (p.doseLow != null) {
      boolean measured = p.unit != null && p.unit.kind != DoseUnit.Kind.COUNT;
      s.append(' ').append(measured ? SigReader.format(p.doseLow) : amount(p.doseLow));
      if (p.doseHigh != null) {
        s.append(" to ").append(measured ? SigReader.format(p.doseHigh) : amount(p.doseHigh));
      }
      if (p.unit != null) {
        s.append(' ').append(p.unit.label(p.doseHigh != null ? p.doseHigh : p.doseLow));
      }
      if (p.calcValue != null) {
        s.append(" (")
            .append(amount(p.calcValue))
            .append(' ')
            .append(p.calcUnit.label(p.calcValue))
            .append(')');
      }
    } else if (p.amountText != null) {
      s.append(' ').append(p.amountText);
    } else if (p.form != null && !"medication".equals(p.form)) {
      s.append(" the ").append(p.form);
    } else if (p.unit != null) {
      s.append(" the ").append(p.unit.singular); // "apply patch": the patch
    }
    if (p.doseLow != null && p.amountText != null) {
      s.append(' ').append(p.amountText);
    }
    String route = routePhrase(p, verb);
    if (route != null) {
      s.append(' ').append(route);
    }
    if (p.site != null && !siteIsRoute(p)) {
      s.append(' ').append(sitePhrase(p));
    }
    String freq = frequency(p);
    if (freq != null) {
      s.append(' ').append(freq);
    }
    if (p.when != null) {
      if (p.offsetMinutes != null) {
        int m = p.offsetMinutes;
        if (m >= 60 && m % 60 == 0) {
          s.append(' ').append(m / 60).append(m == 60 ? " hour" : " hours");
        } else {
          s.append(' ').append(m).append(m == 1 ? " minute" : " minutes");
        }
      }
      if (p.offsetMinutes != null && p.when.size() == 1 && p.when.get(0) == EventTiming.HS) {
        s.append(" before bedtime"); // HS is before sleep, so the offset is before it
      } else if (p.offsetMinutes != null
          && p.when.size() == 1
          && p.when.get(0) == EventTiming.WAKE) {
        s.append(" after waking up");
      } else {
        s.append(' ').append(events(p.when));
      }
    }
    if (p.times != null) {
      s.append(" at ").append(times(p.times));
    }
    if (p.days != null) {
      s.append(' ').append(days(p.days));
    }
    if (p.adminDuration != null) {
      s.append(" over ").append(amount(p.adminDuration));
      if (p.adminDurationMax != null) {
        s.append(" to ").append(amount(p.adminDurationMax));
      }
      s.append(' ')
          .append(
              Units.word(
                  p.adminDurationUnit,
                  p.adminDurationMax != null ? p.adminDurationMax : p.adminDuration));
    }
    if (p.immediate) {
      s.append(" now");
    }
    if (p.count != null && !p.immediate) {
      s.append(p.count == 1 ? " once" : " for " + p.count + " doses");
    }
    if (p.boundsValue != null) {
      s.append(" for ")
          .append(amount(p.boundsValue))
          .append(' ')
          .append(Units.word(p.boundsUnit, p.boundsValue));
    }
    if (p.asNeeded) {
      s.append(" as needed");
      if (p.asNeededFor != null) {
        s.append(" for ").append(p.asNeededFor);
      }
    }
    if (p.indication != null) {
      s.append(" for ").append(p.indication);
    }
    if (p.maxValue != null) {
      s.append(", no more than ").append(amount(p.maxValue));
      DoseUnit unit = p.maxUnit != null ? p.maxUnit : p.maxInDoses ? DoseUnit.DOSE : p.unit;
      if (unit != null) {
        s.append(' ').append(unit.label(p.maxValue));
      }
      s.append(' ').append(per(p.maxPer, p.maxPerUnit));
    }
    if (p.advice != null) {
      for (String a : p.advice) {
        s.append(a.startsWith("as directed") || a.startsWith("ud") ? " " : ", ").append(a);
      }
    }
    return s.toString();
  }

  static String decapitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String verb(Part p) {
    if (p.method != null) {
      return p.method.verb;
    }
    Route r = p.route;
    if (r == Route.OPHTHALMIC || r == Route.OTIC || (r == Route.NASAL && p.unit == DoseUnit.DROP)) {
      return "Instill";
    }
    if (p.unit == DoseUnit.SPRAY) {
      return "Use"; // "Use 2 sprays in each nostril", not "Spray 2 sprays"
    }
    if (r == Route.INHALATION || p.unit == DoseUnit.PUFF) {
      return "Inhale";
    }
    if (r == Route.TOPICAL
        || r == Route.TRANSDERMAL
        || r == Route.CUTANEOUS
        || p.unit == DoseUnit.PATCH
        || p.unit == DoseUnit.APPLICATION) {
      return "Apply";
    }
    if (r == Route.RECTAL || r == Route.VAGINAL || p.unit == DoseUnit.SUPPOSITORY) {
      return "Insert";
    }
    if (r == Route.SUBCUTANEOUS
        || r == Route.INTRAMUSCULAR
        || r == Route.INTRAVENOUS
        || r == Route.INTRADERMAL
        || r == Route.INTRAVITREAL) {
      return "Inject";
    }
    if (p.unit == DoseUnit.DROP && p.site != null && p.site.route != null) {
      return "Instill";
    }
    if (p.site != null && p.site.skin) {
      return "Apply"; // "1 drop to forehead"
    }
    return p.unit == null && r == null && p.site != null ? "Apply" : "Take";
  }

  private static String sitePhrase(Part p) {
    Site site = p.site;
    if (p.route == Route.INTRAVITREAL && site.isEye()) {
      return "into the " + site.text;
    }
    if (site.skin && site.phrase.startsWith("to the ")) {
      if (p.route == Route.INTRAMUSCULAR
          || p.route == Route.SUBCUTANEOUS
          || p.route == Route.INTRADERMAL
          || p.route == Route.INTRAVENOUS) {
        return "in the " + site.text; // "into the muscle in the left arm"
      }
      if (p.method == Method.WASH
          || p.method == Method.SHAMPOO
          || p.method == Method.RINSE
          || p.method == Method.MASSAGE) {
        return "the " + site.text; // "wash the scalp"
      }
    }
    return site.phrase;
  }

  private static String routePhrase(Part p, String verb) {
    Route r = p.route;
    if (r == null) {
      return null;
    }
    if (p.method != null && p.method.impliedRoute == r) {
      return null; // "Drink 10 mL", "Inhale 2 puffs"
    }
    if (r == Route.INHALATION && verb.equals("Inhale")) {
      return null;
    }
    if (r == Route.INTRAVITREAL && p.site != null && p.site.isEye()) {
      return null; // "into the left eye" says it
    }
    if ((r == Route.TOPICAL || r == Route.CUTANEOUS || r == Route.TRANSDERMAL)
        && !(verb.equals("Apply") || verb.equals("Reapply") || verb.equals("Rub"))) {
      return null; // "use the shampoo": not "to the skin"
    }
    if (siteIsRoute(p) || (p.site != null && p.site.route == r)) {
      return null; // "in both eyes" says it
    }
    if (r == Route.TOPICAL && p.site != null) {
      return null; // "to the face" says it
    }
    if (r == Route.TRANSDERMAL || r == Route.TOPICAL || r == Route.CUTANEOUS) {
      return p.site == null ? r.phrase : null;
    }
    return r.phrase;
  }

  private static boolean siteIsRoute(Part p) {
    return p.site != null
        && (p.site == Site.RECTUM || p.site == Site.VAGINA)
        && (p.route == Route.RECTAL || p.route == Route.VAGINAL);
  }

  private static String frequency(Part p) {
    if (p.period == null || p.dailyFromTimesOfDay) {
      return null;
    }
    int f = p.frequency == null ? 1 : p.frequency;
    double period = p.period;
    UnitsOfTime unit = p.periodUnit;
    String times =
        p.frequencyMax != null
            ? f + " to " + p.frequencyMax + " times"
            : f == 1 ? "once" : f == 2 ? "twice" : f + " times";
    if (p.periodMax == null && period == 1 && unit != UnitsOfTime.H && unit != UnitsOfTime.MIN) {
      return times + " a " + Units.word(unit, 1);
    }
    if (p.periodMax == null && period == 1) {
      return f == 1 && p.frequencyMax == null
          ? "every " + Units.word(unit, 1)
          : times + " an " + Units.word(unit, 1);
    }
    String every;
    if (p.periodMax != null) {
      every =
          "every "
              + amount(period)
              + " to "
              + amount(p.periodMax)
              + " "
              + Units.word(unit, p.periodMax);
    } else if (period == 2 && f == 1 && (unit == UnitsOfTime.D || unit == UnitsOfTime.WK)) {
      every = "every other " + Units.word(unit, 1);
    } else {
      every = "every " + amount(period) + " " + Units.word(unit, period);
    }
    return f == 1 && p.frequencyMax == null ? every : times + " " + every;
  }

  private static String events(List<EventTiming> when) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < when.size(); i++) {
      if (i > 0) {
        s.append(i == when.size() - 1 ? " and " : ", ");
      }
      s.append(event(when.get(i)));
    }
    return s.toString();
  }

  private static String event(EventTiming e) {
    switch (e) {
      case MORN -> {
        return "in the morning";
      }
      case MORN_EARLY -> {
        return "early in the morning";
      }
      case MORN_LATE -> {
        return "late in the morning";
      }
      case NOON -> {
        return "at noon";
      }
      case AFT, AFT_EARLY, AFT_LATE -> {
        return "in the afternoon";
      }
      case EVE, EVE_EARLY, EVE_LATE -> {
        return "in the evening";
      }
      case NIGHT -> {
        return "at night";
      }
      case PHS -> {
        return "after going to sleep";
      }
      case HS -> {
        return "at bedtime";
      }
      case WAKE -> {
        return "when you wake up";
      }
      case C -> {
        return "with meals";
      }
      case CM -> {
        return "with breakfast";
      }
      case CD -> {
        return "with lunch";
      }
      case CV -> {
        return "with dinner";
      }
      case AC -> {
        return "before meals";
      }
      case ACM -> {
        return "before breakfast";
      }
      case ACD -> {
        return "before lunch";
      }
      case ACV -> {
        return "before dinner";
      }
      case PC -> {
        return "after meals";
      }
      case PCM -> {
        return "after breakfast";
      }
      case PCD -> {
        return "after lunch";
      }
      case PCV -> {
        return "after dinner";
      }
      default -> {
        return e.getDisplay().toLowerCase(Locale.ROOT);
      }
    }
  }

  private static String times(List<String> times) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < times.size(); i++) {
      if (i > 0) {
        s.append(i == times.size() - 1 ? " and " : ", ");
      }
      String t = times.get(i);
      int h = Integer.parseInt(t.substring(0, 2));
      String m = t.substring(3, 5);
      String ampm = h < 12 ? "AM" : "PM";
      int h12 = h % 12 == 0 ? 12 : h % 12;
      s.append(h12).append(':').append(m).append(' ').append(ampm);
    }
    return s.toString();
  }

  private static final String[] DAY_NAMES = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };

  private static String days(List<DayOfWeek> days) {
    // a run of three or more consecutive days reads as a range: "Monday to Friday"
    boolean run = days.size() >= 3;
    for (int i = 1; i < days.size() && run; i++) {
      run =
          SigReader.WEEK.indexOf(days.get(i)) == (SigReader.WEEK.indexOf(days.get(i - 1)) + 1) % 7;
    }
    if (run) {
      return "from "
          + DAY_NAMES[SigReader.WEEK.indexOf(days.get(0))]
          + " to "
          + DAY_NAMES[SigReader.WEEK.indexOf(days.get(days.size() - 1))];
    }
    StringBuilder s = new StringBuilder("on ");
    for (int i = 0; i < days.size(); i++) {
      if (i > 0) {
        s.append(i == days.size() - 1 ? " and " : ", ");
      }
      s.append(DAY_NAMES[SigReader.WEEK.indexOf(days.get(i))]);
    }
    return s.toString();
  }

  private static String per(double value, UnitsOfTime unit) {
    if (value == 1) {
      return unit == UnitsOfTime.H ? "an hour" : "a " + Units.word(unit, 1);
    }
    return "in " + amount(value) + " " + Units.word(unit, value);
  }

  /** 0.5 as "1/2", 1.5 as "1 1/2", 2 as "2", 0.05 as "0.05". */
  static String amount(double v) {
    double whole = Math.floor(v);
    double frac = v - whole;
    String f = null;
    if (Math.abs(frac - 0.5) < 1e-9) {
      f = "1/2";
    } else if (Math.abs(frac - 0.25) < 1e-9) {
      f = "1/4";
    } else if (Math.abs(frac - 0.75) < 1e-9) {
      f = "3/4";
    } else if (Math.abs(frac - 1.0 / 3) < 1e-6) {
      f = "1/3";
    } else if (Math.abs(frac - 2.0 / 3) < 1e-6) {
      f = "2/3";
    }
    if (f != null && v < 20) {
      return whole == 0 ? f : SigReader.format(whole) + " " + f;
    }
    if (v >= 10_000 && v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,d", (long) v); // "2,400,000 units"
    }
    return SigReader.format(v);
  }
}
