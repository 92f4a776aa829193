package io.streamsight.processors.medication.sig;

import static io.streamsight.processors.medication.sig.Dosages.doseValue;
import static io.streamsight.processors.medication.sig.Dosages.parse;
import static io.streamsight.processors.medication.sig.Dosages.repeat;
import static io.streamsight.processors.medication.sig.Dosages.routeCode;
import static io.streamsight.processors.medication.sig.Dosages.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Dosage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigParserStepsTest {

  @Test
  void shouldParseTaperIntoSequencedSteps() {
    List<Dosage> d = parse("2 tabs daily x3d then 1 tab daily x3d").dosages();

    assertThat(d).extracting(Dosage::getSequence).containsExactly(1, 2);
    assertThat(d).extracting(Dosages::doseValue).containsExactly(2.0, 1.0);
    assertThat(d)
        .extracting(x -> repeat(x).getBoundsDuration().getValue().doubleValue())
        .containsExactly(3.0, 3.0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 cap po tid x 10 days followed by 1 cap po bid x 5 days",
        "take 2 tablets twice a day for 3 days, thereafter 1 tablet twice a day",
        "2 tabs po bid x 1 day, then 1 tab bid x 4 days",
        "2 tabs po bid x 1 day and then 1 tab bid x 4 days",
      })
  void shouldStartANewStepAtThenFollowedByAndThereafter(String sig) {
    assertThat(parse(sig).dosages()).extracting(Dosage::getSequence).containsExactly(1, 2);
  }

  @Test
  void shouldReadCommaSeparatedTaperStepsWithTheirOwnCourseLength() {
    List<Dosage> d = parse("4 tabs po daily x 4d, 3 tabs daily x 4d, 2 tabs daily x 4d").dosages();

    assertThat(d).extracting(Dosage::getSequence).containsExactly(1, 2, 3);
    assertThat(d).extracting(Dosages::doseValue).containsExactly(4.0, 3.0, 2.0);
    assertThat(d).extracting(Dosages::routeCode).containsOnly("26643006");
  }

  @Test
  void shouldKeepSplitDailyDosesInOneStep() {
    List<Dosage> d = parse("2 in the morning and 1 at night").dosages();

    assertThat(d).extracting(Dosage::getSequence).containsExactly(1, 1);
    assertThat(d).extracting(Dosages::doseValue).containsExactly(2.0, 1.0);
    assertThat(d).extracting(Dosages::when).containsExactly("MORN", "NIGHT");
  }

  @Test
  void shouldCarryUnitAndRouteToTheConcurrentPart() {
    List<Dosage> d = parse("2 tabs po qam and 1 qhs").dosages();

    assertThat(d.get(1).getDoseAndRateFirstRep().getDoseQuantity().getUnit()).isEqualTo("tablet");
    assertThat(routeCode(d.get(1))).isEqualTo("26643006");
  }

  @Test
  void shouldCarryTheDoseToATaperStepThatNamesNone() {
    List<Dosage> d = parse("2 tabs po bid x 3 days then daily x 3 days").dosages();

    assertThat(doseValue(d.get(1))).isEqualTo(2.0);
    assertThat(repeat(d.get(1)).getFrequency()).isEqualTo(1);
  }

  @Test
  void shouldReadEyeDropsForEachEyeAsConcurrentParts() {
    List<Dosage> d = parse("1 drop RE tid / 1 drop LE qid").dosages();

    assertThat(d).extracting(Dosage::getSequence).containsExactly(1, 1);
    assertThat(d).extracting(x -> x.getSite().getText()).containsExactly("right eye", "left eye");
    assertThat(d).extracting(x -> repeat(x).getFrequency()).containsExactly(3, 4);
  }

  @Test
  void shouldReadLoadingDoseThenMaintenance() {
    List<Dosage> d = parse("take 2 tablets by mouth now, then 1 tablet daily for 4 days").dosages();

    assertThat(d).extracting(Dosage::getSequence).containsExactly(1, 2);
    assertThat(repeat(d.get(0)).getCount()).isEqualTo(1);
    assertThat(repeat(d.get(1)).getBoundsDuration().getValue().doubleValue()).isEqualTo(4.0);
  }

  @Test
  void shouldSpreadCourseLengthWrittenAfterTheLastConcurrentPart() {
    List<Dosage> d = parse("1 tab qam and 2 tabs qhs x 10 days").dosages();

    assertThat(d)
        .extracting(x -> repeat(x).getBoundsDuration().getValue().doubleValue())
        .containsExactly(10.0, 10.0);
  }

  @Test
  void shouldFoldATrailingStopIntoTheLastStep() {
    List<Dosage> d = parse("take 1 tab po bid x 7 days then stop").dosages();

    assertThat(d).hasSize(1);
    assertThat(d.get(0).getAdditionalInstructionFirstRep().getText()).isEqualTo("stop");
  }

  @Test
  void shouldSetTextOnEveryDosage() {
    String sig = "2 tabs daily x3d then 1 tab daily x3d";

    assertThat(parse(sig).dosages()).extracting(Dosage::getText).containsOnly(sig);
  }

  @Test
  void shouldFoldASentenceThatOnlyQualifiesTheDoseBeforeIt() {
    List<Dosage> d =
        parse("Take 1 capsule by mouth every 12 hours for 10 days. Take with food.").dosages();

    assertThat(d).hasSize(1);
    assertThat(when(d.get(0))).isEqualTo("C");
    assertThat(repeat(d.get(0)).getBoundsDuration().getValue().doubleValue()).isEqualTo(10.0);
  }

  @Test
  void shouldReadDayNumberedCourse() {
    List<Dosage> d =
        parse("Take 2 tablets by mouth on day 1, then 1 tablet daily on days 2 through 5")
            .dosages();

    assertThat(d)
        .extracting(x -> repeat(x).getBoundsDuration().getValue().doubleValue())
        .containsExactly(1.0, 4.0);
  }

  @Test
  void shouldKeepADifferentVerbAsItsOwnPart() {
    List<Dosage> d = parse("apply to scalp nightly and rinse in the morning").dosages();

    assertThat(d).extracting(x -> x.getMethod().getText()).containsExactly("Apply", "Rinse");
  }
}
