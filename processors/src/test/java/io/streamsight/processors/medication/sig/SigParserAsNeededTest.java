package io.streamsight.processors.medication.sig;

import static io.streamsight.processors.medication.sig.Dosages.only;
import static io.streamsight.processors.medication.sig.Dosages.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Ratio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigParserAsNeededTest {

  @Test
  void shouldReadBarePrnAsBoolean() {
    Dosage d = only("1 tab po q4h prn");

    assertThat(d.hasAsNeededBooleanType()).isTrue();
    assertThat(d.getAsNeededBooleanType().booleanValue()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 tab po q4h prn pain | pain",
        "1 tab po q6h as needed for nausea | nausea",
        "1 tab po prn for pain | pain",
        "1 tab po tid prn nausea/vomiting | nausea/vomiting",
        "1 tab po prn pain or fever | pain or fever",
        "take 1 tab po prn vaginal itch for 7 days | vaginal itch",
        "2 puffs q4-6h prn shortness of breath | shortness of breath",
        "when dizzy take 1 tab po | dizziness",
        "apply to left ear when itchy | itch",
        "1 tab po bid as required for anxiety | anxiety",
        "1 tab po prn q4-6hr for pain | pain",
      })
  void shouldReadTheIndicationAsAsNeededConcept(String sig, String reason) {
    Dosage d = only(sig);

    assertThat(d.hasAsNeededCodeableConcept()).isTrue();
    assertThat(d.getAsNeededCodeableConcept().getText()).isEqualTo(reason);
  }

  @Test
  void shouldKeepAnIndicationWithoutPrnOutOfAsNeeded() {
    Dosage d = only("1 tab po daily for blood pressure");

    assertThat(d.hasAsNeeded()).isFalse();
    assertThat(d.getAdditionalInstructionFirstRep().getText()).isEqualTo("for blood pressure");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1-2 tabs po q4-6h prn pain max 8/d | 8 | tablets | 1 | d",
        "1-2 tabs po q4-6h prn pain, max 8 tabs/day | 8 | tablets | 1 | d",
        "1 tab po q4h prn, mdd 6 | 6 | tablets | 1 | d",
        "1 tab po q6h prn pain nte 4/d | 4 | tablets | 1 | d",
        "500 mg po q6h prn, not to exceed 4 g/day | 4 | g | 1 | d",
        "1 tab po q8h prn nausea, do not exceed 6 tablets in 24 hours | 6 | tablets | 24 | h",
        "1 supp pr bid prn fever to a maximum of 3 per day | 3 | suppositories | 1 | d",
      })
  void shouldReadMaximumAsRatio(String sig, double n, String unit, double per, String perUnit) {
    Ratio max = only(sig).getMaxDosePerPeriod();

    assertThat(max.getNumerator().getValue().doubleValue()).isEqualTo(n);
    assertThat(max.getNumerator().getUnit()).isEqualTo(unit);
    assertThat(max.getDenominator().getValue().doubleValue()).isEqualTo(per);
    assertThat(max.getDenominator().getCode()).isEqualTo(perUnit);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 tab po bid #60 | 60",
        "1 tab po bid m60 | 60",
        "1 tab po daily disp 90 | 90",
        "1 tab po daily, dispense: 30 tablets | 30",
        "1 tab po daily, qty: 30 | 30",
        "1 tab po daily (#30) | 30",
      })
  void shouldReadDispenseQuantity(String sig, double quantity) {
    assertThat(parse(sig).dispenseQuantity()).isEqualTo(quantity);
  }

  @Test
  void shouldLeaveDispenseQuantityNullWhenAbsent() {
    assertThat(parse("1 tab po daily").dispenseQuantity()).isNull();
  }
}
