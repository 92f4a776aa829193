package io.streamsight.processors.medication.sig;

import static io.streamsight.processors.medication.sig.Dosages.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatientInstructionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "t1t po tid x10d prn pain | Take 1 tablet by mouth 3 times a day for 10 days as needed for"
            + " pain",
        "t 250mg tid x10d | Take 250 mg 3 times a day for 10 days",
        "2 gtt ou bid | Instill 2 drops in both eyes twice a day",
        "instill 2 drops in each eye twice daily | Instill 2 drops in both eyes twice a day",
        "t2t po bid x30d | Take 2 tablets by mouth twice a day for 30 days",
        "1/2 tab po daily | Take 1/2 tablet by mouth once a day",
        "1 1/2 tabs po bid | Take 1 1/2 tablets by mouth twice a day",
        "1-2 tabs po q4-6h prn pain max 8/d | Take 1 to 2 tablets by mouth every 4 to 6 hours as"
            + " needed for pain, no more than 8 tablets a day",
        "2 puffs inh qid prn sob | Inhale 2 puffs 4 times a day as needed for shortness of breath",
        "apply a thin layer to affected area bid | Apply a thin layer to the affected area twice a"
            + " day",
        "1 supp pr q6h prn fever | Insert 1 suppository rectally every 6 hours as needed for fever",
        "10 units sc qhs | Inject 10 units under the skin once a day at bedtime",
        "1 tab po qod | Take 1 tablet by mouth every other day",
        "1 tab po once weekly on sundays | Take 1 tablet by mouth once a week on Sunday",
        "1 tab po daily mon-fri | Take 1 tablet by mouth once a day from Monday to Friday",
        "1 tab po q8h x7d | Take 1 tablet by mouth every 8 hours for 7 days",
        "1 tab po daily - do not crush or chew | Take 1 tablet by mouth once a day, do not crush or"
            + " chew",
        "5 mL po tid pc | Take 5 mL by mouth 3 times a day after meals",
        "2 tabs po stat | Take 2 tablets by mouth now",
        "use as directed | Use as directed",
      })
  void shouldWritePlainEnglish(String sig, String instruction) {
    ParsedSig parsed = parse(sig);

    assertThat(parsed.patientInstruction()).isEqualTo(instruction);
    assertThat(parsed.dosages().get(0).getPatientInstruction()).isEqualTo(instruction);
  }

  @Test
  void shouldWriteOneInstructionPerStepAndJoinThemWithThen() {
    ParsedSig parsed = parse("2 tabs daily x3d then 1 tab daily x3d");

    assertThat(parsed.patientInstructions())
        .containsExactly(
            "Take 2 tablets once a day for 3 days", "Take 1 tablet once a day for 3 days");
    assertThat(parsed.patientInstruction())
        .isEqualTo(
            "Take 2 tablets once a day for 3 days, then take 1 tablet once a day for 3 days");
  }

  @Test
  void shouldJoinConcurrentPartsOfAStepWithAnd() {
    ParsedSig parsed = parse("2 tabs in the morning and 1 tab at night");

    assertThat(parsed.patientInstructions())
        .containsExactly("Take 2 tablets in the morning and take 1 tablet at night");
    assertThat(parsed.dosages())
        .extracting(d -> d.getPatientInstruction())
        .containsExactly("Take 2 tablets in the morning", "Take 1 tablet at night");
  }

  @Test
  void shouldInventNoUnitForABareCount() {
    assertThat(parse("2 in the morning and 1 at night").patientInstruction())
        .isEqualTo("Take 2 in the morning and take 1 at night");
  }

  @Test
  void shouldReadTheSeedSigsTheValidatorRelieson() {
    ParsedSig strength = parse("t 250mg tid x10d");
    assertThat(strength.patientInstruction()).isEqualTo("Take 250 mg 3 times a day for 10 days");
    assertThat(strength.strength()).isEqualTo(new Strength(250, "mg"));

    ParsedSig drug = parse("cephalexin t1t");
    assertThat(drug.drugName()).isEqualTo("cephalexin");
    assertThat(Dosages.doseValue(drug.dosages().get(0))).isEqualTo(1.0);
    assertThat(Dosages.dose(drug.dosages().get(0)).getUnit()).isEqualTo("tablet");

    ParsedSig course = parse("t2t po bid x30d");
    var bounds = Dosages.repeat(course.dosages().get(0)).getBoundsDuration();
    assertThat(bounds.getValue().doubleValue()).isEqualTo(30.0);
    assertThat(bounds.getCode()).isEqualTo("d");
  }
}
