package io.streamsight.processors.medication.sig;

import static io.streamsight.processors.medication.sig.Dosages.only;
import static io.streamsight.processors.medication.sig.Dosages.parse;
import static io.streamsight.processors.medication.sig.Dosages.repeat;
import static io.streamsight.processors.medication.sig.Dosages.when;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Timing.DayOfWeek;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigParserTimingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "1 tab po od | 1 | 1 | d | QD",
        "1 tab po die | 1 | 1 | d | QD",
        "1 tab po qd | 1 | 1 | d | QD",
        "1 tab po daily | 1 | 1 | d | QD",
        "1 tab po once daily | 1 | 1 | d | QD",
        "1 tab po once a day | 1 | 1 | d | QD",
        "1 tab po bid | 2 | 1 | d | BID",
        "1 tab po bd | 2 | 1 | d | BID",
        "1 tab po b.i.d. | 2 | 1 | d | BID",
        "1 tab po twice daily | 2 | 1 | d | BID",
        "1 tab po 2x/d | 2 | 1 | d | BID",
        "1 tab po 2 times a day | 2 | 1 | d | BID",
        "1 tab po tid | 3 | 1 | d | TID",
        "1 tab po tds | 3 | 1 | d | TID",
        "1 tab po 3 times daily | 3 | 1 | d | TID",
        "1 tab po qid | 4 | 1 | d | QID",
        "1 tab po qds | 4 | 1 | d | QID",
        "1 tab po q4h | 1 | 4 | h | Q4H",
        "1 tab po q 4 h | 1 | 4 | h | Q4H",
        "1 tab po every 6 hours | 1 | 6 | h | Q6H",
        "1 tab po q12h | 1 | 12 | h | -",
        "1 tab po qod | 1 | 2 | d | QOD",
        "1 tab po every other day | 1 | 2 | d | QOD",
        "1 tab po qwk | 1 | 1 | wk | WK",
        "1 tab po once weekly | 1 | 1 | wk | WK",
        "1 tab po 3 times a week | 3 | 1 | wk | -",
        "1 tab po q2wk | 1 | 2 | wk | -",
        "1 tab po monthly | 1 | 1 | mo | MO",
        "1 gtt ou q30min | 1 | 30 | min | -",
        "1 tab po q0.5h | 1 | 30 | min | -",
      })
  void shouldReadFrequencyPeriodAndGtsCode(
      String sig, int frequency, double period, String unit, String code) {
    Dosage d = only(sig);
    TimingRepeatComponent r = repeat(d);

    assertThat(r.getFrequency()).isEqualTo(frequency);
    assertThat(r.getPeriod().doubleValue()).isEqualTo(period);
    assertThat(r.getPeriodUnit()).isEqualTo(UnitsOfTime.fromCode(unit));
    if (code == null) {
      assertThat(d.getTiming().hasCode()).as("no standard GTS code").isFalse();
    } else {
      assertThat(d.getTiming().getCode().getCodingFirstRep().getCode()).isEqualTo(code);
      assertThat(d.getTiming().getCode().getCodingFirstRep().getSystem())
          .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation");
    }
  }

  @Test
  void shouldReadIntervalRangeAsPeriodMax() {
    TimingRepeatComponent r = repeat(only("1-2 tabs po q4-6h prn pain"));

    assertThat(r.getFrequency()).isEqualTo(1);
    assertThat(r.getPeriod().doubleValue()).isEqualTo(4.0);
    assertThat(r.getPeriodMax().doubleValue()).isEqualTo(6.0);
    assertThat(r.getPeriodUnit()).isEqualTo(UnitsOfTime.H);
  }

  @Test
  void shouldReadDayIntervalRange() {
    TimingRepeatComponent r = repeat(only("1 tab po q2-3d"));

    assertThat(r.getPeriod().doubleValue()).isEqualTo(2.0);
    assertThat(r.getPeriodMax().doubleValue()).isEqualTo(3.0);
    assertThat(r.getPeriodUnit()).isEqualTo(UnitsOfTime.D);
  }

  @Test
  void shouldReadFrequencyRangeAsFrequencyMax() {
    TimingRepeatComponent r = repeat(only("apply 2-3 times daily"));

    assertThat(r.getFrequency()).isEqualTo(2);
    assertThat(r.getFrequencyMax()).isEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 tab po qam | MORN",
        "1 tab po qpm | EVE",
        "1 tab po qhs | HS",
        "1 tab po hs | HS",
        "1 tab po at bedtime | HS",
        "1 tab po ac | AC",
        "1 tab po pc | PC",
        "1 tab po with meals | C",
        "1 tab po with food | C",
        "1 tab po in the morning | MORN",
        "1 tab po in the evening | EVE",
        "1 tab po at night | NIGHT",
        "1 tab po before breakfast | ACM",
        "1 tab po after dinner | PCV",
        "1 tab po pc breakfast and supper | PCM,PCV",
        "1 tab po breakfast lunch ac | ACM,ACD",
        "1 tab po upon waking | WAKE",
        "1 tab po morning and hs | MORN,HS",
      })
  void shouldReadEventTiming(String sig, String events) {
    assertThat(when(only(sig))).isEqualTo(events);
  }

  @Test
  void shouldReadQamAsDailyInTheMorning() {
    Dosage d = only("1 tab po qam");

    assertThat(repeat(d).getFrequency()).isEqualTo(1);
    assertThat(repeat(d).getPeriodUnit()).isEqualTo(UnitsOfTime.D);
    assertThat(d.getTiming().getCode().getCodingFirstRep().getCode()).isEqualTo("AM");
  }

  @Test
  void shouldReadBareBedtimeAsOnceADayAtBedtime() {
    // as HL7's own example codes "10 minutes before breakfast": frequency 1 per day, when ACM
    var r = repeat(only("1 tab po hs"));
    assertThat(r.getFrequency()).isEqualTo(1);
    assertThat(r.getPeriod().doubleValue()).isEqualTo(1.0);
    assertThat(r.getPeriodUnit().toCode()).isEqualTo("d");
    assertThat(r.getWhen()).extracting(e -> e.getValue().toCode()).containsExactly("HS");
    assertThat(parse("1 tab po hs").patientInstruction())
        .isEqualTo("Take 1 tablet by mouth at bedtime");
  }

  @Test
  void shouldLeaveMealsInGeneralWithoutACount() {
    assertThat(repeat(only("1 tab po with meals")).hasFrequency()).isFalse();
  }

  @Test
  void shouldReadDaysOfWeek() {
    assertThat(repeat(only("1 tab po mon wed fri")).getDayOfWeek())
        .extracting(e -> e.getValue())
        .containsExactly(DayOfWeek.MON, DayOfWeek.WED, DayOfWeek.FRI);
    assertThat(repeat(only("1 tab po daily mon-fri")).getDayOfWeek()).hasSize(5);
    assertThat(repeat(only("1.5 tabs po daily on weekends")).getDayOfWeek())
        .extracting(e -> e.getValue())
        .containsExactly(DayOfWeek.SAT, DayOfWeek.SUN);
    assertThat(repeat(only("1 tab po once daily fri to mon")).getDayOfWeek()).hasSize(4);
  }

  @Test
  void shouldReadEveryMondayAsWeekly() {
    TimingRepeatComponent r = repeat(only("1 tab po every monday"));

    assertThat(r.getPeriodUnit()).isEqualTo(UnitsOfTime.WK);
    assertThat(r.getDayOfWeek()).extracting(e -> e.getValue()).containsExactly(DayOfWeek.MON);
  }

  @Test
  void shouldReadClockTimes() {
    assertThat(repeat(only("1 tab po at 8:00 and 20:00")).getTimeOfDay())
        .extracting(t -> t.getValue())
        .containsExactly("08:00:00", "20:00:00");
    assertThat(repeat(only("1 tab po @ 9 am, 2 pm, 10:30 pm")).getTimeOfDay())
        .extracting(t -> t.getValue())
        .containsExactly("09:00:00", "14:00:00", "22:30:00");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "t2t po bid x30d | 30 | d",
        "1 tab po tid x10d | 10 | d",
        "1 tab po tid x 10 days | 10 | d",
        "1 tab po daily for 7 days | 7 | d",
        "1 tab po daily x 2 wk | 2 | wk",
        "1 tab po daily for 2 weeks | 2 | wk",
        "1 tab po daily for one week | 1 | wk",
        "1 tab po daily for a week | 1 | wk",
        "1 tab po daily x 1 month | 1 | mo",
        "1 tab po q12h for 36 hours | 36 | h",
        "insert 1 applicatorful pv qhs x 7 nights | 7 | d",
      })
  void shouldReadCourseLengthAsBoundsDuration(String sig, double value, String unit) {
    TimingRepeatComponent r = repeat(only(sig));

    assertThat(r.getBoundsDuration().getValue().doubleValue()).isEqualTo(value);
    assertThat(r.getBoundsDuration().getCode()).isEqualTo(unit);
    assertThat(r.getBoundsDuration().getSystem()).isEqualTo("http://unitsofmeasure.org");
    assertThat(r.hasDuration())
        .as("repeat.duration is one administration, not the course")
        .isFalse();
  }

  @Test
  void shouldReadAdministrationLengthAsRepeatDuration() {
    TimingRepeatComponent r = repeat(only("1 g iv q8h over 30 minutes x 7 days"));

    assertThat(r.getDuration().doubleValue()).isEqualTo(30.0);
    assertThat(r.getDurationUnit()).isEqualTo(UnitsOfTime.MIN);
    assertThat(r.getBoundsDuration().getValue().doubleValue()).isEqualTo(7.0);
  }

  @Test
  void shouldReadDoseCounts() {
    assertThat(repeat(only("1 drop ou q15min x 8 doses")).getCount()).isEqualTo(8);
    assertThat(repeat(only("insert 1 tab pv once")).getCount()).isEqualTo(1);
    assertThat(repeat(only("2 tabs po stat")).getCount()).isEqualTo(1);
    assertThat(repeat(only("1 tab po q1h for 10 times")).getCount()).isEqualTo(10);
  }

  @Test
  void shouldReadOffsetBeforeAMeal() {
    TimingRepeatComponent r = repeat(only("inject 10 units subcut 10 minutes before breakfast"));

    assertThat(when(only("inject 10 units subcut 10 minutes before breakfast"))).isEqualTo("ACM");
    assertThat(r.getOffset()).isEqualTo(10);
  }

  @Test
  void shouldReadOdAsOnceDailyOutsideAnEyeContext() {
    Dosage d = only("1 tab po od");

    assertThat(repeat(d).getFrequency()).isEqualTo(1);
    assertThat(d.hasSite()).isFalse();
  }

  @Test
  void shouldReadOdAsRightEyeWithDrops() {
    Dosage d = only("2 gtts od tid");

    assertThat(d.getSite().getCodingFirstRep().getCode()).isEqualTo("18944008");
    assertThat(repeat(d).getFrequency()).isEqualTo(3);
    assertThat(Dosages.routeCode(d)).isEqualTo("54485002");
  }

  @Test
  void shouldReadOdAsOnceDailyWhenAnotherEyeIsNamed() {
    Dosage d = only("1 drop os od");

    assertThat(d.getSite().getText()).isEqualTo("left eye");
    assertThat(repeat(d).getFrequency()).isEqualTo(1);
    assertThat(repeat(d).getPeriodUnit()).isEqualTo(UnitsOfTime.D);
  }

  @Test
  void shouldReadOdAsOnceDailyWithANonEyeRoute() {
    Dosage d = only("1 drop sc od");

    assertThat(d.hasSite()).isFalse();
    assertThat(repeat(d).getFrequency()).isEqualTo(1);
  }

  @Test
  void shouldAcceptAFrequencyRestatedInParentheses() {
    ParsedSig parsed = parse("Take 1 capsule by mouth twice daily (every 12 hours)");

    assertThat(repeat(parsed.dosages().get(0)).getFrequency()).isEqualTo(2);
    assertThat(parsed.notes()).extracting(SigNote::type).contains("RestatedFrequency");
  }

  @Test
  void shouldReadOffsetBeforeBedtime() {
    Dosage d = only("take 1 tablet 30 minutes before bedtime");

    assertThat(when(d)).isEqualTo("HS");
    assertThat(repeat(d).getOffset()).isEqualTo(30);
    assertThat(d.getPatientInstruction()).isEqualTo("Take 1 tablet 30 minutes before bedtime");
  }

  @Test
  void shouldReadPatchChangeIntervalAsItsFrequency() {
    TimingRepeatComponent r = repeat(only("Apply 1 patch to skin and change every 7 days"));

    assertThat(r.getPeriod().doubleValue()).isEqualTo(7.0);
    assertThat(r.getPeriodUnit()).isEqualTo(UnitsOfTime.D);
  }

  @Test
  void shouldNotReadABareMinuteSpanAsCourseLength() {
    Dosage d = only("1 tab po 30 min ac breakfast");

    assertThat(repeat(d).hasBoundsDuration()).isFalse();
    assertThat(repeat(d).getOffset()).isEqualTo(30);
  }
}
