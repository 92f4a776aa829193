package io.streamsight.processors.medication.sig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Timing.DayOfWeek;
import org.hl7.fhir.r4.model.Timing.EventTiming;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * What the grammar has read of one part of a sig: one step of a multi-step sig, or one concurrent
 * part of a step ("2 in the morning" of "2 in the morning and 1 at night"). Mutable, per parse.
 */
final class Part {

  int sequence;

  /** Started a new step only because the part before had its own course length. */
  boolean stepByCourse;

  /** Token index where this part begins, for error spans. */
  int firstToken;

  Method method;
  boolean shorthandTake;

  Double doseLow;
  Double doseHigh;
  DoseUnit unit;

  /** The token index of the dose number, to tell "1 t" (tablet) from "t 1" (take). */
  int doseToken = -1;

  /** A dose equivalent in parentheses: "3 tablets (6 mg)". */
  Double calcValue;

  DoseUnit calcUnit;

  /** A product form named without a dose: "apply cream", "use shampoo". */
  String form;

  Route formRoute;

  /** An amount in words: "a thin layer", "sparingly". */
  String amountText;

  Route route;
  Site site;

  Integer frequency;
  Integer frequencyMax;
  Double period;
  Double periodMax;
  UnitsOfTime periodUnit;

  /** Whether the daily frequency was derived from times of day, not written ("at bedtime"). */
  boolean dailyFromTimesOfDay;

  String timingCode;

  List<EventTiming> when;
  List<DayOfWeek> days;
  List<String> times;

  /** Minutes before or after the meal in {@link #when}: "10 minutes before breakfast". */
  Integer offsetMinutes;

  Double boundsValue;
  UnitsOfTime boundsUnit;
  Integer count;
  boolean immediate;

  /** Length of one administration: "over 30 minutes". */
  Double adminDuration;

  Double adminDurationMax;
  UnitsOfTime adminDurationUnit;

  boolean asNeeded;
  String asNeededFor;

  /** A reason for use that is not as-needed: "daily for blood pressure". */
  String indication;

  Double maxValue;
  DoseUnit maxUnit;
  boolean maxInDoses;
  Double maxPer;
  UnitsOfTime maxPerUnit;

  List<String> advice;

  /**
   * Whether anything about the dose, timing, route or site was read (not only a verb or advice).
   */
  boolean hasDosingContent() {
    return doseLow != null
        || unit != null
        || route != null
        || site != null
        || frequency != null
        || period != null
        || when != null
        || days != null
        || times != null
        || boundsValue != null
        || count != null
        || immediate
        || asNeeded
        || maxValue != null
        || adminDuration != null;
  }

  boolean hasTiming() {
    return frequency != null
        || period != null
        || when != null
        || days != null
        || times != null
        || count != null
        || immediate;
  }

  boolean hasFrequency() {
    return frequency != null || period != null;
  }

  void addWhen(EventTiming event) {
    if (when == null) {
      when = new ArrayList<>(3);
    }
    if (!when.contains(event)) {
      when.add(event);
    }
  }

  void addDay(DayOfWeek day) {
    if (days == null) {
      days = new ArrayList<>(3);
    }
    if (!days.contains(day)) {
      days.add(day);
    }
  }

  void addTime(String time) {
    if (times == null) {
      times = new ArrayList<>(3);
    }
    if (!times.contains(time)) {
      times.add(time);
    }
  }

  void addAdvice(String text) {
    if (advice == null) {
      advice = new ArrayList<>(2);
    }
    advice.add(text);
  }

  /**
   * Makes the frequency agree with the times of day and days the sig names, once the part is read:
   *
   * <ul>
   *   <li>a part timed only by times of day ("at bedtime", "in the morning", "before breakfast") is
   *       given daily: frequency = the number of distinct occasions, period 1 day, as HL7's own
   *       examples code "10 minutes before breakfast". Meals in general ("with meals", "ac") say no
   *       count, so they stay without a frequency;
   *   <li>"every night at bedtime" is one occasion, kept as bedtime;
   *   <li>"qam and qpm" is twice a day, not once;
   *   <li>"q Tues and Thurs" is twice a week, not once.
   * </ul>
   */
  void reconcileTiming() {
    if (when != null && when.contains(EventTiming.HS)) {
      when.remove(EventTiming.NIGHT);
    }
    int occasions = occasions();
    if (occasions > 0
        && period == null
        && frequency == null
        && days == null
        && times == null
        && count == null
        && !immediate) {
      frequency = occasions;
      period = 1.0;
      periodUnit = UnitsOfTime.D;
      dailyFromTimesOfDay = true;
    } else if (occasions == 0
        && doseLow != null
        && boundsValue != null
        && boundsValue == 1
        && boundsUnit == UnitsOfTime.D
        && !hasTiming()) {
      // "2 tablets on the first day": one dose that day
      frequency = 1;
      period = 1.0;
      periodUnit = UnitsOfTime.D;
      dailyFromTimesOfDay = true;
    } else if (occasions > 1 && isOncePer(UnitsOfTime.D)) {
      frequency = occasions;
      timingCode = TimingCodes.dailyCode(occasions);
    } else if (days != null && days.size() > 1 && isOncePer(UnitsOfTime.WK)) {
      frequency = days.size();
      timingCode = null;
    }
  }

  private boolean isOncePer(UnitsOfTime unit) {
    return period != null
        && period == 1
        && periodMax == null
        && periodUnit == unit
        && (frequency == null || frequency == 1)
        && frequencyMax == null;
  }

  /** The number of distinct times of day in {@link #when}, or 0 when any can recur in a day. */
  private int occasions() {
    if (when == null || when.isEmpty()) {
      return 0;
    }
    Set<String> occasions = new HashSet<>();
    for (EventTiming e : when) {
      String occasion = occasion(e);
      if (occasion == null) {
        return 0;
      }
      occasions.add(occasion);
    }
    return occasions.size();
  }

  /** The time of day an event falls in, or null for events that can recur within a day. */
  private static String occasion(EventTiming e) {
    return switch (e) {
      case MORN, MORN_EARLY, MORN_LATE, WAKE, ACM, PCM, CM -> "morning";
      case NOON, ACD, PCD, CD -> "midday";
      case AFT, AFT_EARLY, AFT_LATE -> "afternoon";
      case EVE, EVE_EARLY, EVE_LATE, ACV, PCV, CV -> "evening";
      case NIGHT, PHS, HS -> "night";
      default -> null;
    };
  }

  /** Administrations per day this part's frequency means, for comparing restatements. */
  double ratePerDay() {
    if (period == null) {
      return frequency == null ? 0 : frequency;
    }
    double f = frequency == null ? 1 : frequency;
    return f / Units.days(period, periodUnit);
  }
}
