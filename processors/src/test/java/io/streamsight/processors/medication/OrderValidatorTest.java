package io.streamsight.processors.medication;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.ValidationStatus;
import io.streamsight.processors.medication.formulary.InMemoryFormulary;
import io.streamsight.processors.medication.sig.SigParser;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;

class OrderValidatorTest {

  private final OrderValidator validator =
      new OrderValidator(new SigParser(), InMemoryFormulary.of(TestProducts.all()));

  private static OrderInput order(
      String din, String drugName, String sig, Double qty, String unit) {
    return new OrderInput(
        "o-1", "test", din, drugName, sig, qty, unit, "Patient/p1", "Practitioner/d1");
  }

  private static java.util.List<String> types(ValidationResult r) {
    return r.findings().stream().map(Finding::type).toList();
  }

  @Test
  void shouldAcceptWellFormedOrderAndComputeDaysOfSupply() {
    ValidationResult r =
        validator.validate(order("00000002", "amoxicillin", "1 cap po tid x10d", 30.0, "capsule"));

    assertThat(r.status()).isEqualTo(ValidationStatus.ACCEPTED);
    assertThat(r.expectedSupplyDays()).isEqualTo(10);
    assertThat(r.product().getDin()).isEqualTo("00000002");
  }

  @Test
  void shouldCountTwiceDailyTabletsForHalfTheQuantityInDays() {
    ValidationResult r =
        validator.validate(order("00000004", "cephalexin", "1 tab po bid", 30.0, "tablet"));

    assertThat(r.expectedSupplyDays()).isEqualTo(15);
  }

  @Test
  void shouldCountLiquidsByVolumeThroughTheProductStrength() {
    // 250 mg of a 250 mg / 5 mL suspension is 5 mL; three times a day is 15 mL a day.
    ValidationResult r =
        validator.validate(order("00000001", "amoxicillin", "t 250mg tid x10d", 150.0, "mL"));

    assertThat(types(r)).doesNotContain("StrengthNotFoundError");
    assertThat(r.expectedSupplyDays()).isEqualTo(10);
    assertThat(r.patientInstructions()).containsExactly("Take 250 mg 3 times a day for 10 days");
  }

  @Test
  void shouldRejectUnknownDin() {
    ValidationResult r = validator.validate(order("02372568", null, "1 tab po daily", 30.0, null));

    assertThat(r.status()).isEqualTo(ValidationStatus.REJECTED);
    assertThat(r.findings().get(0).type()).isEqualTo("DinNotFoundError");
    assertThat(r.findings().get(0).message())
        .contains("Prescribed DIN is not valid")
        .contains("02372568");
  }

  @Test
  void shouldRejectDrugNameThatIsNeitherTheBrandNorTheIngredientOfTheDin() {
    ValidationResult r =
        validator.validate(order("00000005", "cephalexin", "1 tab po bid x10d", 20.0, null));

    assertThat(r.status()).isEqualTo(ValidationStatus.REJECTED);
    assertThat(r.findings().get(0).type()).isEqualTo("DrugNameConflictError");
    assertThat(r.findings().get(0).message())
        .isEqualTo(
            "Conflict between prescribed DIN CEFTIN/cefuroxime axetil and specified drugname cephalexin");
  }

  @Test
  void shouldAcceptBrandNameOrIngredientForTheDin() {
    assertThat(
            validator
                .validate(order("00000005", "Ceftin", "1 tab po bid x10d", 20.0, null))
                .status())
        .isEqualTo(ValidationStatus.ACCEPTED);
    assertThat(
            validator
                .validate(order("00000005", "cefuroxime", "1 tab po bid x10d", 20.0, null))
                .status())
        .isEqualTo(ValidationStatus.ACCEPTED);
  }

  @Test
  void shouldRejectProductThatIsNotMarketed() {
    ValidationResult r = validator.validate(order("00000006", null, "1 cap po tid", 30.0, null));

    assertThat(r.status()).isEqualTo(ValidationStatus.REJECTED);
    assertThat(types(r)).contains("NotMarketedError");
  }

  @Test
  void shouldRejectUnparseableSigNamingTheSpan() {
    ValidationResult r = validator.validate(order("00000002", null, "1 cap po zzqx", 30.0, null));

    assertThat(r.status()).isEqualTo(ValidationStatus.REJECTED);
    assertThat(r.findings().get(0).type()).isEqualTo("UnparseableSigError");
    assertThat(r.findings().get(0).message()).contains("zzqx");
    assertThat(r.expectedSupplyDays()).isNull();
  }

  @Test
  void shouldReviewStrengthThatTheDinDoesNotHaveAndNameTheClosest() {
    ValidationResult r =
        validator.validate(order("00000003", "cephalexin 300mg", "1 tab po qid", 40.0, null));

    assertThat(r.status()).isEqualTo(ValidationStatus.NEEDS_REVIEW);
    assertThat(types(r)).contains("StrengthNotFoundError", "ClosestStrengthFoundError");
    assertThat(r.findings())
        .filteredOn(f -> f.type().equals("ClosestStrengthFoundError"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("Closest drug strength found for 300mg is 250 MG"));
  }

  @Test
  void shouldReviewOrderWithoutStrengthWhenTheIngredientComesInSeveral() {
    ValidationResult r = validator.validate(order("00000004", null, "cephalexin t1t", 20.0, null));

    assertThat(r.status()).isEqualTo(ValidationStatus.NEEDS_REVIEW);
    assertThat(r.findings())
        .filteredOn(f -> f.type().equals("MissingStrengthDataError"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Common Drug strength is provided"));
  }

  @Test
  void shouldWarnWhenTheMethodDoesNotFitTheDosageForm() {
    ValidationResult r =
        validator.validate(order("00000004", "cephalexin 500mg", "apply 1 tab bid", 20.0, null));

    assertThat(r.status()).isEqualTo(ValidationStatus.NEEDS_REVIEW);
    assertThat(types(r)).containsAnyOf("MethodMismatchWarning", "RouteMismatchWarning");
  }

  @Test
  void shouldWarnWhenRegularDosesExceedTheSigsOwnMaximum() {
    ValidationResult r =
        validator.validate(
            order("00000004", "cephalexin 500mg", "2 tabs po qid max 6/d", 40.0, null));

    assertThat(types(r)).contains("MaxDoseExceededWarning");
  }

  @Test
  void shouldWarnOnZeroQuantity() {
    ValidationResult r =
        validator.validate(order("00000004", "cephalexin 500mg", "1 tab po bid", 0.0, null));

    assertThat(types(r)).contains("InvalidQuantityWarning");
    assertThat(r.expectedSupplyDays()).isNull();
  }

  @Test
  void shouldCountATaperStepByStep() {
    // 2 a day for 3 days (6), then 1 a day: 10 tablets last 3 + 4 = 7 days.
    ValidationResult r =
        validator.validate(
            order(
                "00000004",
                "cephalexin 500mg",
                "2 tabs po daily x3d then 1 tab po daily",
                10.0,
                null));

    assertThat(r.expectedSupplyDays()).isEqualTo(7);
  }

  @Test
  void shouldMatchByNameWhenNoDinIsGiven() {
    ValidationResult r =
        validator.validate(order(null, null, "amoxicillin 500mg 1 cap po tid x10d", 30.0, null));

    assertThat(r.product().getDin()).isEqualTo("00000002");
    assertThat(types(r)).contains("ProductMatchedByName");
    assertThat(r.status()).isEqualTo(ValidationStatus.ACCEPTED);
  }

  @Test
  void shouldEmitAValidFhirMedicationRequestCodedWithTheDin() {
    ValidationResult r =
        validator.validate(
            order("00000004", "cephalexin 500mg", "t2t po bid x30d", 120.0, "tablet"));

    MedicationRequest request =
        FhirJson.parser().parseResource(MedicationRequest.class, r.medicationRequestJson());
    assertThat(request.getMedicationCodeableConcept().getCodingFirstRep().getSystem())
        .isEqualTo("http://hl7.org/fhir/NamingSystem/ca-hc-din");
    assertThat(request.getMedicationCodeableConcept().getCodingFirstRep().getCode())
        .isEqualTo("00000004");
    assertThat(
            request
                .getDosageInstructionFirstRep()
                .getTiming()
                .getRepeat()
                .getBoundsDuration()
                .getValue()
                .intValue())
        .isEqualTo(30);
    assertThat(request.getDispenseRequest().getQuantity().getValue().doubleValue())
        .isEqualTo(120.0);
    assertThat(request.getDispenseRequest().getExpectedSupplyDuration().getValue().intValue())
        .isEqualTo(30);
    assertThat(request.getSubject().getReference()).isEqualTo("Patient/p1");
  }

  @Test
  void shouldNotLeakHealthDataThroughToString() {
    ValidationResult r =
        validator.validate(order("00000004", "cephalexin 500mg", "t2t po bid x30d", 120.0, null));

    assertThat(r.toString()).doesNotContain("t2t").doesNotContain("Patient/p1");
    assertThat(r.order().toString()).doesNotContain("t2t").doesNotContain("Practitioner/d1");
  }
}
