package io.streamsight.processors.medication.sig;

import static io.streamsight.processors.medication.sig.Dosages.dose;
import static io.streamsight.processors.medication.sig.Dosages.doseValue;
import static io.streamsight.processors.medication.sig.Dosages.only;
import static io.streamsight.processors.medication.sig.Dosages.parse;
import static io.streamsight.processors.medication.sig.Dosages.repeat;
import static io.streamsight.processors.medication.sig.Dosages.routeCode;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Timing.DayOfWeek;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Phrases prescribers and e-prescribing systems write that a review of new sigs found unread:
 * restated numbers, counts over a period, advice after the directions, refills, except-days,
 * 24-hour clock times, British course lengths, ear abbreviations after drops, one nostril.
 */
class SigParserPrescriberPhrasesTest {

  private static final String NASAL = "46713006";
  private static final String OTIC = "10547007";
  private static final String INHALED = "447694001";

  private static TimingRepeatComponent timing(String sig) {
    return repeat(only(sig));
  }

  private static String frequency(TimingRepeatComponent r) {
    return r.getFrequency()
        + "/"
        + r.getPeriod().stripTrailingZeros().toPlainString()
        + r.getPeriodUnit().toCode();
  }

  private static String advice(Dosage d) {
    return d.getAdditionalInstruction().stream()
        .map(CodeableConcept::getText)
        .reduce((a, b) -> a + "; " + b)
        .orElse("");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Take one (1) tablet by mouth daily | 1.0 | tablet",
        "take two (2) capsules by mouth twice daily | 2.0 | capsules",
        "inhale 2 (two) puffs bid | 2.0 | puffs",
      })
  void shouldReadANumberRestatedInParenthesesOnce(String sig, double value, String unit) {
    Dosage d = only(sig);
    assertThat(doseValue(d)).isEqualTo(value);
    assertThat(dose(d).getUnit()).isEqualTo(unit);
  }

  @ParameterizedTest
  @CsvSource({"1-2 tabs po q4-6h prn pain nte 8/24h", "1-2 tabs po q4-6h prn pain max 8/24h"})
  void shouldReadACountOverHoursAsTheMaximumNotAFraction(String sig) {
    Dosage d = only(sig);
    assertThat(d.getMaxDosePerPeriod().getNumerator().getValue().doubleValue()).isEqualTo(8.0);
    assertThat(d.getMaxDosePerPeriod().getDenominator().getValue().doubleValue()).isEqualTo(24.0);
    assertThat(d.getMaxDosePerPeriod().getDenominator().getCode()).isEqualTo("h");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 puff inh bid rinse mouth after use | rinse mouth after use",
        "2 puffs bid, rinse mouth after each use | rinse mouth after each use",
        "take 1 tablet by mouth daily, remain upright for 30 minutes"
            + " | remain upright for 30 minutes",
        "1 tab po 1 hr prior to procedure | 1 hr prior to procedure",
        "take 1 tablet by mouth 1 hour before or 2 hours after meals"
            + " | 1 hour before or 2 hours after meals",
        "17 g po daily in 250 mL water | in 250 ml water",
        "1 tab po q6h atc | around the clock",
        "2 puffs inh bid via spacer | via spacer",
        "swish and spit 15 ml qid | spit out, do not swallow",
      })
  void shouldKeepAdviceAfterTheDirectionsWordForWord(String sig, String advice) {
    assertThat(advice(parse(sig).dosages().get(0))).contains(advice);
  }

  @Test
  void shouldNoteRefillsWithoutTreatingThemAsDirections() {
    for (String sig :
        new String[] {"1 cap po daily x 30d refill x2", "1 tab po daily refills: 2"}) {
      ParsedSig parsed = parse(sig);
      assertThat(parsed.notes()).extracting(SigNote::type).contains("Refills");
      assertThat(frequency(repeat(parsed.dosages().get(0)))).isEqualTo("1/1d");
    }
  }

  @Test
  void shouldReadEveryDayExceptTheDaysNamed() {
    assertThat(timing("2.5 mg po daily except Sunday").getDayOfWeek())
        .extracting(e -> e.getValue())
        .containsExactly(
            DayOfWeek.MON,
            DayOfWeek.TUE,
            DayOfWeek.WED,
            DayOfWeek.THU,
            DayOfWeek.FRI,
            DayOfWeek.SAT);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 tab po daily in AM | MORN",
        "1 tab po at 0800 and 2000 | 08:00:00 20:00:00",
        "take 1 tablet every night at bedtime | HS",
      })
  void shouldReadTimesOfDay(String sig, String expected) {
    TimingRepeatComponent r = timing(sig);
    String got =
        r.hasTimeOfDay()
            ? String.join(" ", r.getTimeOfDay().stream().map(t -> t.getValue()).toList())
            : String.join(" ", r.getWhen().stream().map(e -> e.getValue().toCode()).toList());
    assertThat(got).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "take 1 tab po q Tues and Thurs | 2/1wk",
        "1 tab po qAM and qPM | 2/1d",
        "take 1 tablet every night at bedtime | 1/1d",
        "take 2 in the morning and 1 at night | 1/1d",
        "1 tab po q weekly | 1/1wk",
        "inject 10 units sc before breakfast | 1/1d",
      })
  void shouldCountTheOccasionsTheSigNames(String sig, String expected) {
    assertThat(frequency(repeat(parse(sig).dosages().get(0)))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 tab po tid x 10/7 | 10 | d",
        "1 tab po daily for 2/52 | 2 | wk",
        "1 tab po daily x 1/12 | 1 | mo",
        "1 tab po x 3 days only | 3 | d",
      })
  void shouldReadCourseLengths(String sig, double value, String unit) {
    var bounds = timing(sig).getBoundsDuration();
    assertThat(bounds.getValue().doubleValue()).isEqualTo(value);
    assertThat(bounds.getCode()).isEqualTo(unit);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2 gtts AD bid x 7 days | right ear",
        "2 gtts AS bid | left ear",
        "2 gtts AD | right ear",
      })
  void shouldReadAdAndAsAfterDropsAsAnEar(String sig, String site) {
    Dosage d = only(sig);
    assertThat(d.getSite().getText()).isEqualTo(site);
    assertThat(routeCode(d)).isEqualTo(OTIC);
  }

  @Test
  void shouldKeepOdAsTheRightEyeForDrops() {
    assertThat(only("1 gtt od bid").getSite().getText()).isEqualTo("right eye");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2 sprays in right nostril daily | right nostril",
        "1 spray in one nostril prn | one nostril",
      })
  void shouldGiveOneNostrilTheNasalRoute(String sig, String site) {
    Dosage d = only(sig);
    assertThat(d.getSite().getText()).isEqualTo(site);
    assertThat(routeCode(d)).isEqualTo(NASAL);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "inhale 2 puffs by mouth bid | " + INHALED,
        "nebulize 1 vial q6h | " + INHALED,
        "use 1 applicatorful intravaginally at bedtime for 7 days | 16857009",
      })
  void shouldCodeTheRouteTheWordsMean(String sig, String code) {
    assertThat(routeCode(only(sig))).isEqualTo(code);
  }

  @Test
  void shouldReadADrugNamedAfterTheVerbWithItsStrengthAsTheDose() {
    ParsedSig parsed = parse("take prednisone 50 mg daily for 5 days");
    assertThat(parsed.drugName()).isEqualTo("prednisone");
    assertThat(doseValue(parsed.dosages().get(0))).isEqualTo(50.0);
    assertThat(dose(parsed.dosages().get(0)).getUnit()).isEqualTo("mg");
  }

  @Test
  void shouldReadAFirstDayStepAsOneDoseThatDay() {
    ParsedSig parsed = parse("take 2 tablets on the first day then 1 tablet daily for 4 days");
    assertThat(parsed.dosages()).hasSize(2);
    TimingRepeatComponent first = repeat(parsed.dosages().get(0));
    assertThat(frequency(first)).isEqualTo("1/1d");
    assertThat(first.getBoundsDuration().getValue().doubleValue()).isEqualTo(1.0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "aaa bid prn | Apply to the affected area twice a day as needed",
        "chew and swallow 2 tabs po tid prn heartburn"
            + " | Chew 2 tablets 3 times a day as needed for heartburn",
        "inhale contents of 1 capsule daily | Inhale 1 capsule once a day",
        "1 tab po bid x 7 days then reassess"
            + " | Take 1 tablet by mouth twice a day for 7 days, reassess",
        "1 tab po 2 hours before or after food"
            + " | Take 1 tablet by mouth, 2 hours before or after food",
        "1 tab po daily x 1 wk then increase to 1 tab po bid"
            + " | Take 1 tablet by mouth once a day for 1 week,"
            + " then take 1 tablet by mouth twice a day",
        "40 mg po daily, decrease by 10 mg every 5 days"
            + " | Take 40 mg by mouth once a day, decrease by 10 mg every 5 days",
      })
  void shouldWriteTheInstruction(String sig, String instruction) {
    assertThat(parse(sig).patientInstruction()).isEqualTo(instruction);
  }

  @ParameterizedTest
  @CsvSource({"5.0 mg po daily", ".5 mg po daily"})
  void shouldWarnOfIsmpZerosAsAWarningThatAPharmacistReviews(String sig) {
    // ISMP Canada's Do Not Use list is a warning (NEEDS_REVIEW), as the other ISMP notes are
    assertThat(parse(sig).notes())
        .filteredOn(n -> n.type().equals("ErrorProneAbbreviation"))
        .extracting(SigNote::level)
        .containsExactly(SigNote.WARNING);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2 puffs inh q4h prn sob | shortness of breath",
        "insert 1 supp pr q6h prn n/v | nausea and vomiting",
        "1 tab po q4h prn h/a | headache",
        "1 tab sl q5min prn cp | chest pain",
      })
  void shouldSpellOutAbbreviatedReasons(String sig, String reason) {
    Dosage d = only(sig);
    assertThat(d.getAsNeededCodeableConcept().getText()).isEqualTo(reason);
    assertThat(parse(sig).patientInstruction()).endsWith("as needed for " + reason);
  }

  @Test
  void shouldGiveARangeOfTimesNoSingleTimingCode() {
    Dosage d = only("1 tab po 2-3 times daily");
    assertThat(repeat(d).getFrequencyMax()).isEqualTo(3);
    assertThat(d.getTiming().hasCode()).isFalse();
  }

  @Test
  void shouldUseSpraysRatherThanSprayThem() {
    assertThat(parse("2 sprays ien daily").patientInstruction())
        .isEqualTo("Use 2 sprays in each nostril once a day");
  }

  @Test
  void shouldReadDaysAfterTheDispenseQuantityAsItsSupplyNotACourse() {
    ParsedSig parsed = parse("1 tab po daily #90 (90 days)");
    assertThat(parsed.dispenseQuantity()).isEqualTo(90.0);
    assertThat(repeat(parsed.dosages().get(0)).hasBoundsDuration()).isFalse();
    assertThat(parsed.notes()).extracting(SigNote::type).contains("DaysSupply");
  }
}
