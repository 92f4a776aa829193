package io.streamsight.processors.medication;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.ValidationStatus;
import io.streamsight.processors.medication.formulary.DpdTestData;
import io.streamsight.processors.medication.sig.SigParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Orders a pharmacist reviewed, against Health Canada's DPD extract in the shared reference data
 * (skipped, saying why, where it is absent). Contains information licensed under the Open
 * Government Licence – Canada.
 */
class OrderValidatorDpdTest {

  private static final SigParser PARSER = new SigParser();

  record Case(
      String din,
      String drugName,
      String sig,
      double quantity,
      String unit,
      ValidationStatus status,
      List<String> types,
      Integer days) {
    @Override
    public String toString() {
      return drugName + " / " + sig;
    }
  }

  private static Case accepted(
      String din, String name, String sig, double qty, String unit, Integer days) {
    return new Case(din, name, sig, qty, unit, ValidationStatus.ACCEPTED, List.of(), days);
  }

  /** Accepted, with information findings that hold nothing for review. */
  private static Case acceptedNoting(
      String din, String name, String sig, double qty, String unit, Integer days, String... types) {
    return new Case(din, name, sig, qty, unit, ValidationStatus.ACCEPTED, List.of(types), days);
  }

  private static Case review(
      String din, String name, String sig, double qty, String unit, Integer days, String... types) {
    return new Case(din, name, sig, qty, unit, ValidationStatus.NEEDS_REVIEW, List.of(types), days);
  }

  static Stream<Case> orders() {
    String snf = "StrengthNotFoundError";
    String closest = "ClosestStrengthFoundError";
    String ismp = "ErrorProneAbbreviation";
    String missing = "MissingStrengthDataError";
    return Stream.of(
        // a dose in mg is a strength the sig gives
        accepted("00628123", "amoxicillin", "500 mg po tid x 7 days", 21, "capsule", 7),
        accepted("02172100", "levothyroxine", "0.1 mg po daily", 30, "tablet", 30),
        accepted("00312770", "prednisone", "40mg daily x5d then 20mg daily x5d", 60, "tablet", 10),
        review(
            "00628123", "amoxicillin", "400 mg po tid x 7 days", 21, "capsule", null, snf, closest),
        // the DIN alone says the strength: noted, but a DIN names one product, so not held
        acceptedNoting("02230711", "Lipitor", "1 tab daily", 30, "tablet", 30, missing),
        acceptedNoting(
            "00628123", "amoxicillin", "1 tab po tid x 10 days", 30, "capsule", 10, missing),
        // combinations named by their ingredients
        accepted(
            "00445282", "sulfamethoxazole/trimethoprim", "1 tab po bid x 7 days", 14, "tablet", 7),
        accepted(
            "00445282", "sulfamethoxazole-trimethoprim 800/160", "1 tab bid x3d", 6, "tablet", 3),
        accepted(
            "02482584",
            "amoxicillin-clavulanate 875/125",
            "1 tab po bid x 10 days",
            20,
            "tablet",
            10),
        accepted("02482584", "amox-clav", "875 mg po bid x 7d", 14, "tablet", 7),
        accepted(
            "00653276",
            "acetaminophen/codeine/caffeine",
            "1-2 tabs po q4-6h prn pain max 8 tabs/day",
            30,
            "tablet",
            3),
        review(
            "00653276",
            "acetaminophen with codeine",
            "2 tabs po qid, max 6 tabs/day",
            40,
            "tablet",
            5,
            "MaxDoseExceededWarning"),
        review(
            "00445274",
            "sulfamethoxazole/trimethoprim 800/160",
            "1 tab bid x 7 days",
            14,
            "tablet",
            7,
            snf,
            closest),
        review(
            "02482576",
            "amoxicillin-clavulanate 875 mg",
            "1 tab bid x 7d",
            14,
            "tablet",
            7,
            snf,
            closest),
        // abbreviations
        accepted("00326844", "HCTZ", "25 mg po daily", 90, "tablet", 90),
        accepted("00342114", "cefalexin", "500mg qid x7d", 28, "capsule", 7),
        accepted("02014297", "MS Contin", "30mg q12h", 60, "tablet", 30),
        review("00594644", "MS", "10 mg po q4h prn pain", 30, "tablet", 5, ismp),
        review("02014297", "MSO4", "30 mg q12h", 60, "tablet", 30, ismp),
        review("02242928", "warfarin", "5.0 mg po daily", 30, "tablet", 30, ismp),
        // strengths in the name
        accepted(
            "00716626",
            "betamethasone valerate 0.1% cream",
            "apply to affected area bid",
            30,
            "g",
            null),
        review(
            "00716626",
            "betamethasone valerate 0.05% cream",
            "apply bid",
            30,
            "g",
            null,
            snf,
            closest),
        accepted("02282941", "fentanyl 25mcg/h", "1 patch td q3d", 5, "patch", 15),
        review(
            "02282941",
            "fentanyl 50 mcg/hr patch",
            "apply 1 patch every 72 hours",
            10,
            "patch",
            30,
            snf,
            closest),
        // days of supply
        accepted("02294338", "insulin glargine", "inject 20 units sc qhs", 15, "mL", 75),
        accepted("02236883", "enoxaparin", "40 mg sc daily x 10 days", 10, "syringe", 10),
        accepted("02523493", "medroxyprogesterone", "150 mg IM every 12 weeks", 1, "syringe", 84),
        accepted("02245386", "Symbicort", "1 inhalation bid", 120, "doses", 60),
        accepted("02241497", "Ventolin", "1-2 puffs qid prn", 200, "doses", 25),
        accepted("02241497", "salbutamol 100mcg", "2 puffs q4h prn", 200, "puffs", 16),
        accepted(
            "00559407",
            "acetaminophen 500mg",
            "1-2 tabs q4-6h prn pain, max 8 tabs/24h",
            50,
            "tablet",
            6),
        accepted(
            "00003875",
            "bisacodyl",
            "insert 1 suppository rectally daily prn",
            10,
            "suppository",
            10),
        accepted("02046040", "acetaminophen", "240 mg po q6h prn fever", 100, "mL", 3),
        acceptedNoting(
            "02230437", "acetaminophen", "1 supp pr q6h prn fever", 12, "suppository", 3, missing),
        // an empty DIN is no DIN
        review("", "metformin", "1 tab po bid", 60, "tablet", 30, missing, "ProductMatchedByName"),
        // a name that is another drug: the strength of the DIN's product is not the question
        new Case(
            "02244393",
            "cephalexin",
            "t1t bid x10d",
            20,
            "tablet",
            ValidationStatus.REJECTED,
            List.of("DrugNameConflictError"),
            10));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void shouldAgreeWithThePharmacist(Case c) {
    OrderValidator validator = new OrderValidator(PARSER, DpdTestData.formulary());

    ValidationResult r =
        validator.validate(
            new OrderInput(
                "o-1", "test", c.din(), c.drugName(), c.sig(), c.quantity(), c.unit(), null, null));

    assertThat(r.findings().stream().map(Finding::type).toList())
        .as("finding types, with messages %s", r.findings())
        .containsExactlyInAnyOrderElementsOf(c.types());
    assertThat(r.status()).isEqualTo(c.status());
    assertThat(r.expectedSupplyDays()).isEqualTo(c.days());
  }

  @Test
  void shouldNameTheClosestStrengthOfTheSameSalt() {
    OrderValidator validator = new OrderValidator(PARSER, DpdTestData.formulary());

    ValidationResult r =
        validator.validate(
            new OrderInput(
                "o-1",
                "test",
                "00716626",
                "betamethasone valerate 0.05% cream",
                "apply bid",
                30.0,
                "g",
                null,
                null));

    // DIPROSONE (betamethasone dipropionate 0.05%) is not the nearest valerate cream
    assertThat(r.findings())
        .filteredOn(f -> f.type().equals("ClosestStrengthFoundError"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("0.05 %").doesNotContain("DIPROSONE"));
  }
}
