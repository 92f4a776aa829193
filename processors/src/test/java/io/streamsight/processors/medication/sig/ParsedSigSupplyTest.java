package io.streamsight.processors.medication.sig;

import static io.streamsight.processors.medication.sig.Dosages.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParsedSigSupplyTest {

  @Test
  void shouldComputeUnitsPerDayAndCourseLength() {
    assertThat(parse("t2t po bid x30d").supply())
        .containsExactly(new StepSupply(1, 4.0, "tablet", 30.0));
  }

  @Test
  void shouldComputeOneEntryPerTaperStep() {
    assertThat(parse("2 tabs daily x3d then 1 tab daily x3d").supply())
        .containsExactly(
            new StepSupply(1, 2.0, "tablet", 3.0), new StepSupply(2, 1.0, "tablet", 3.0));
  }

  @Test
  void shouldSumConcurrentParts() {
    assertThat(parse("2 tabs in the morning and 1 tab at night").supply())
        .containsExactly(new StepSupply(1, 3.0, "tablet", null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1-2 tabs po tid | 6",
        "1 tab po q4-6h | 6",
        "1 tab po q6h | 4",
        "1 tab po qod | 0.5",
        "1 tab po qid pc | 4",
        "1 tab po pc | 3",
        "1 tab po mon wed fri | 0.428571",
        "1 tab po at 8:00 and 20:00 | 2",
      })
  void shouldCountAdministrationsPerDay(String sig, double perDay) {
    assertThat(parse(sig).supply().get(0).unitsPerDay()).isCloseTo(perDay, within());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-5);
  }

  @Test
  void shouldUseTheMaximumForAsNeededParts() {
    assertThat(parse("1-2 tabs po q4-6h prn pain max 8/d").supply())
        .containsExactly(new StepSupply(1, 8.0, "tablet", null));
  }

  @Test
  void shouldNotComputeAsNeededWithoutMaximum() {
    assertThat(parse("1 tab po q4h prn pain").supply()).isEmpty();
  }

  @Test
  void shouldNotComputeWithoutADose() {
    assertThat(parse("po tid x10d").supply()).isEmpty();
  }

  @Test
  void shouldKeepABareCountWithoutUnit() {
    assertThat(parse("2 in the morning and 1 at night").supply())
        .containsExactly(new StepSupply(1, 3.0, null, null));
  }

  @Test
  void shouldBoundAStepByItsDoseCount() {
    StepSupply s = parse("1 tab po q6h x 8 doses").supply().get(0);

    assertThat(s.unitsPerDay()).isEqualTo(4.0);
    assertThat(s.days()).isEqualTo(2.0);
  }
}
