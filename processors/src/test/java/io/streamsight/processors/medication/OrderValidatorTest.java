package io.streamsight.processors.medication;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.ValidationStatus;
import io.streamsight.processors.medication.formulary.InMemoryFormulary;
import io.streamsight.processors.medication.sig.SigParser;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void shouldNoteTheDinsStrengthWhenTheOrderGivesNoneAndTheIngredientComesInSeveral() {
    // the DIN names one product, so its strength is in no doubt: noted, not held for review
    ValidationResult r = validator.validate(order("00000004", null, "cephalexin t1t", 20.0, null));

    assertThat(r.status()).isEqualTo(ValidationStatus.ACCEPTED);
    assertThat(r.findings())
        .filteredOn(f -> f.type().equals("MissingStrengthDataError"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).startsWith("Common Drug strength is provided");
              assertThat(f.level()).isEqualTo(Finding.Level.INFO);
            });
  }

  @Test
  void shouldReviewAProductChosenByNameWhenTheIngredientComesInSeveralStrengths() {
    ValidationResult r = validator.validate(order(null, "cephalexin", "1 cap po qid", 40.0, null));

    assertThat(r.status()).isEqualTo(ValidationStatus.NEEDS_REVIEW);
    assertThat(r.findings())
        .filteredOn(f -> f.type().equals("MissingStrengthDataError"))
        .singleElement()
        .satisfies(f -> assertThat(f.level()).isEqualTo(Finding.Level.WARNING));
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

  // --- strength given by the dose (issue section 4: "neither sig nor name gives a strength") ---

  private ValidationResult validate(String din, String name, String sig, Double qty, String unit) {
    return validator.validate(order(din, name, sig, qty, unit));
  }

  @Test
  void shouldAcceptADoseInMilligramsThatIsTheDinsStrength() {
    ValidationResult r = validate("00000002", "amoxicillin", "500 mg po tid x 7 days", 21.0, "cap");

    assertThat(r.findings()).isEmpty();
    assertThat(r.status()).isEqualTo(ValidationStatus.ACCEPTED);
    assertThat(r.expectedSupplyDays()).isEqualTo(7);
  }

  @Test
  void shouldAcceptAMassDoseThatIsAWholeNumberOfTablets() {
    // 500 mg of a 250 mg tablet is 2 tablets: 8 a day, 40 last 5 days
    ValidationResult r = validate("00000003", "cephalexin", "500 mg po qid", 40.0, "tablet");

    assertThat(r.findings()).isEmpty();
    assertThat(r.expectedSupplyDays()).isEqualTo(5);
  }

  @Test
  void shouldAcceptHalfATabletButNotHalfACapsule() {
    ValidationResult tablet = validate("00000004", "cephalexin", "250 mg po bid", 10.0, "tablet");
    ValidationResult capsule = validate("00000002", "amoxicillin", "250 mg po bid", 10.0, "cap");

    assertThat(tablet.findings()).isEmpty();
    assertThat(tablet.expectedSupplyDays()).isEqualTo(10);
    assertThat(types(capsule)).contains("StrengthNotFoundError");
  }

  @Test
  void shouldReviewAMassDoseTheDinsUnitsCannotGiveAndNameTheClosestStrength() {
    ValidationResult r = validate("00000002", "amoxicillin", "400 mg po tid x 7 days", 21.0, "cap");

    assertThat(r.status()).isEqualTo(ValidationStatus.NEEDS_REVIEW);
    assertThat(types(r))
        .containsExactlyInAnyOrder("StrengthNotFoundError", "ClosestStrengthFoundError");
    assertThat(r.findings())
        .filteredOn(f -> f.type().equals("StrengthNotFoundError"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("400mg").contains("500 MG"));
    // a dose that cannot be given cannot be counted either
    assertThat(r.expectedSupplyDays()).isNull();
  }

  @Test
  void shouldPreferAClosestStrengthTheDoseIsAWholeNumberOf() {
    // 750 mg is 1.5 of the 500 mg tablets, which can be split
    assertThat(validate("00000004", "cephalexin", "750 mg po bid", 30.0, "tablet").findings())
        .isEmpty();
    // 125 mg is a quarter of one, and half of the 250 mg tablet
    ValidationResult r = validate("00000004", "cephalexin", "125 mg po bid", 30.0, "tablet");
    assertThat(r.findings())
        .filteredOn(f -> f.type().equals("ClosestStrengthFoundError"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message()).startsWith("Closest drug strength found for 125mg is 250"));
  }

  @Test
  void shouldAcceptAnyMassDoseOfALiquid() {
    // 300 mg of 250 mg / 5 mL is 6 mL: 18 mL a day, 150 mL last 8 days
    ValidationResult r = validate("00000001", "amoxicillin", "300 mg po tid", 150.0, "mL");

    assertThat(r.findings()).isEmpty();
    assertThat(r.expectedSupplyDays()).isEqualTo(8);
  }

  @Test
  void shouldKeepMissingStrengthWhenOnlyTheDinSaysIt() {
    ValidationResult r = validate("00000004", "cephalexin", "1 tab po daily", 30.0, "tablet");

    assertThat(types(r)).containsExactly("MissingStrengthDataError");
  }

  @Test
  void shouldNotCountAnAmountOfCreamAsAStrength() {
    ValidationResult r = validate("00000021", "betamethasone", "apply 1 g bid", 30.0, "g");

    assertThat(types(r)).containsExactly("MissingStrengthDataError");
  }

  @Test
  void shouldNotDoubleFlagAStrengthTheParserAlsoGaveAsTheDose() {
    // The parser copies the strength of "t 300mg tid" into the dose, as the sig has no other:
    // the strength is checked once, and the dose is not checked again.
    ValidationResult tablet =
        validator.validate(order("00000003", "cephalexin", "t 300mg tid x10d", 30.0, "tablet"));
    ValidationResult liquid =
        validator.validate(order("00000001", "amoxicillin", "t 300mg tid x10d", 150.0, "mL"));

    assertThat(types(tablet))
        .containsExactlyInAnyOrder("StrengthNotFoundError", "ClosestStrengthFoundError");
    assertThat(types(liquid))
        .containsExactlyInAnyOrder("StrengthNotFoundError", "ClosestStrengthFoundError");
    assertThat(liquid.expectedSupplyDays()).isEqualTo(8);
  }

  @Test
  void shouldAcceptAStrengthTheParserAlsoGaveAsTheDoseWhenItIsTheDins() {
    ValidationResult r =
        validator.validate(order("00000001", "amoxicillin", "t 250mg tid x10d", 150.0, "mL"));

    assertThat(r.findings()).isEmpty();
    assertThat(r.expectedSupplyDays()).isEqualTo(10);
  }

  @Test
  void shouldNotSayTheOrderGivesNoStrengthWhenItsSigCouldNotBeRead() {
    ValidationResult r = validate("00000004", "cephalexin", "1 tab po zzqx", 30.0, "tablet");

    assertThat(types(r)).containsExactly("UnparseableSigError");
  }

  @Test
  void shouldLeaveTheStrengthAloneWhenTheNameNamesAnotherDrug() {
    ValidationResult r = validate("00000004", "amoxicillin", "1 tab po bid", 30.0, "tablet");

    assertThat(types(r)).containsExactly("DrugNameConflictError");
  }

  @Test
  void shouldAskForReviewNotRejectionForAnErrorProneNumberInTheSig() {
    ValidationResult r = validate("00000004", "cephalexin", "500.0 mg po bid", 30.0, "tablet");

    assertThat(r.status()).isEqualTo(ValidationStatus.NEEDS_REVIEW);
    assertThat(r.findings())
        .filteredOn(f -> f.type().equals("ErrorProneAbbreviation"))
        .allSatisfy(f -> assertThat(f.level()).isEqualTo(Finding.Level.WARNING));
  }

  // --- as-needed parts count at the most that may be used a day ---

  @ParameterizedTest(name = "{0} x {1} -> {2} days")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 tab po q4h prn pain | 30 | 5",
        "1-2 tabs q4-6h prn pain, max 8 tabs/24h | 50 | 6",
        "2 tabs q4h prn max 8 tabs/day | 100 | 12",
        "1 tab po daily prn | 10 | 10",
        "2 tabs po q6h prn, max 6 tabs/day | 30 | 5",
        "1000 mg q6h prn | 100 | 12"
      })
  void shouldCountAsNeededPartsAtTheirMostPerDay(String sig, double quantity, int days) {
    ValidationResult r = validate("00000014", "acetaminophen", sig, quantity, "tablet");

    assertThat(r.expectedSupplyDays()).isEqualTo(days);
  }

  @Test
  void shouldCountAnAsNeededSuppositoryAtItsFrequency() {
    ValidationResult r =
        validate("00000030", "acetaminophen", "1 supp pr q6h prn fever", 12.0, "suppository");

    assertThat(r.expectedSupplyDays()).isEqualTo(3);
  }

  // --- combinations named by their ingredients ---

  @ParameterizedTest(name = "{1} for DIN {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "00000008 | sulfamethoxazole/trimethoprim",
        "00000008 | sulfamethoxazole-trimethoprim 800/160",
        "00000008 | SMX-TMP",
        "00000008 | TMP-SMX",
        "00000009 | sulfamethoxazole + trimethoprim 400/80 mg",
        "00000010 | amoxicillin-clavulanate 875/125",
        "00000010 | amox-clav",
        "00000012 | acetaminophen/codeine/caffeine",
        "00000012 | acetaminophen with codeine",
        "00000012 | APAP/codeine"
      })
  void shouldAcceptACombinationNamedByItsIngredients(String din, String name) {
    ValidationResult r = validate(din, name, "1 tab po bid x 7 days", 14.0, "tablet");

    assertThat(r.findings()).isEmpty();
    assertThat(r.status()).isEqualTo(ValidationStatus.ACCEPTED);
    assertThat(r.expectedSupplyDays()).isEqualTo(7);
  }

  @Test
  void shouldCountACombinationsDoseInItsMainIngredient() {
    ValidationResult r = validate("00000010", "amox-clav", "875 mg po bid x 7d", 14.0, "tablet");

    assertThat(r.findings()).isEmpty();
    assertThat(r.expectedSupplyDays()).isEqualTo(7);
  }

  @Test
  void shouldRejectACombinationNameWithAnIngredientTheDinLacks() {
    ValidationResult r =
        validate("00000008", "sulfamethoxazole/codeine", "1 tab po bid", 14.0, "tablet");

    assertThat(types(r)).containsExactly("DrugNameConflictError");
  }

  @Test
  void shouldReviewACombinationWhoseStrengthsAreNotTheDinsAndNameTheClosest() {
    ValidationResult smxTmp =
        validate(
            "00000009", "sulfamethoxazole/trimethoprim 800/160", "1 tab bid x 7 days", 14.0, "tab");
    ValidationResult amoxClav =
        validate("00000011", "amoxicillin-clavulanate 875 mg", "1 tab bid x 7d", 14.0, "tab");

    assertThat(smxTmp.status()).isEqualTo(ValidationStatus.NEEDS_REVIEW);
    assertThat(types(smxTmp))
        .containsExactlyInAnyOrder("StrengthNotFoundError", "ClosestStrengthFoundError");
    assertThat(smxTmp.findings())
        .filteredOn(f -> f.type().equals("ClosestStrengthFoundError"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("DIN 00000008"));
    assertThat(smxTmp.expectedSupplyDays()).isEqualTo(7);
    assertThat(types(amoxClav))
        .containsExactlyInAnyOrder("StrengthNotFoundError", "ClosestStrengthFoundError");
    assertThat(amoxClav.findings())
        .filteredOn(f -> f.type().equals("ClosestStrengthFoundError"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("DIN 00000010"));
  }

  // --- abbreviations ---

  @ParameterizedTest(name = "{1} for DIN {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "00000013 | HCTZ",
        "00000014 | APAP",
        "00000015 | ASA",
        "00000016 | pen VK",
        "00000017 | NTG",
        "00000018 | KCl",
        "00000004 | cefalexin",
        "00000019 | MS Contin"
      })
  void shouldReadCommonAbbreviationsWithoutAFinding(String din, String name) {
    ValidationResult r = validate(din, name, "1 tab po daily", 30.0, "tablet");

    assertThat(types(r))
        .doesNotContain(
            "DrugNameConflictError", "DrugNameSpellingWarning", "ErrorProneAbbreviation");
  }

  @ParameterizedTest(name = "{1} for DIN {0}")
  @CsvSource(
      delimiter = '|',
      value = {"00000029 | MS", "00000019 | MSO4", "00000020 | MgSO4"})
  void shouldReadIsmpErrorProneDrugNameAbbreviationsButAskForReview(String din, String name) {
    ValidationResult r = validate(din, name, "1 tab po daily", 30.0, "tablet");

    assertThat(r.status()).isEqualTo(ValidationStatus.NEEDS_REVIEW);
    assertThat(r.findings())
        .filteredOn(f -> f.type().equals("ErrorProneAbbreviation"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
              assertThat(f.message()).contains(name).contains("ISMP Canada");
            });
    assertThat(types(r)).doesNotContain("DrugNameConflictError");
  }

  // --- strengths written in the drug name ---

  @Test
  void shouldReadAPercentStrengthInTheName() {
    ValidationResult same =
        validate("00000021", "betamethasone valerate 0.1% cream", "apply bid", 30.0, "g");
    ValidationResult other =
        validate("00000021", "betamethasone valerate 0.05% cream", "apply bid", 30.0, "g");

    assertThat(same.findings()).isEmpty();
    assertThat(types(other))
        .containsExactlyInAnyOrder("StrengthNotFoundError", "ClosestStrengthFoundError");
    assertThat(other.findings())
        .filteredOn(f -> f.type().equals("ClosestStrengthFoundError"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("0.05 %").contains("00000022"));
  }

  @Test
  void shouldReadARateStrengthInTheName() {
    ValidationResult same =
        validate("00000023", "fentanyl 25mcg/h", "1 patch td q3d", 5.0, "patch");
    ValidationResult other =
        validate(
            "00000023", "fentanyl 50 mcg/hr patch", "apply 1 patch every 72 hours", 10.0, "patch");

    assertThat(same.findings()).isEmpty();
    assertThat(same.expectedSupplyDays()).isEqualTo(15);
    assertThat(types(other))
        .containsExactlyInAnyOrder("StrengthNotFoundError", "ClosestStrengthFoundError");
    assertThat(other.findings())
        .filteredOn(f -> f.type().equals("ClosestStrengthFoundError"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("50 MCG / HOUR").contains("00000024"));
  }

  // --- days of supply in the units the DIN is dispensed in ---

  @Test
  void shouldCountInsulinUnitsThroughTheDinsUnitsPerMillilitre() {
    // 15 mL of 100 units/mL is 1,500 units: 75 days at 20 units a day
    assertThat(
            validate("00000025", "insulin glargine", "inject 20 units sc qhs", 15.0, "mL")
                .expectedSupplyDays())
        .isEqualTo(75);
  }

  @Test
  void shouldCountOnePrefilledSyringePerDoseOfItsStrength() {
    ValidationResult enoxaparin =
        validate("00000026", "enoxaparin", "40 mg sc daily x 10 days", 10.0, "syringe");
    ValidationResult medroxyprogesterone =
        validate("00000027", "medroxyprogesterone", "150 mg IM every 12 weeks", 1.0, "syringe");

    assertThat(enoxaparin.findings()).isEmpty();
    assertThat(enoxaparin.expectedSupplyDays()).isEqualTo(10);
    assertThat(medroxyprogesterone.expectedSupplyDays()).isEqualTo(84);
    // a vial or a pen holds many doses: not counted that way
    assertThat(
            validate("00000025", "insulin glargine", "inject 20 units sc qhs", 5.0, "pen")
                .expectedSupplyDays())
        .isNull();
  }

  @ParameterizedTest(name = "{0} of {1} {2} -> {3} days")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 inhalation bid | 120 | doses | 60",
        "1-2 puffs qid prn | 200 | doses | 25",
        "2 puffs q4h prn | 200 | puffs | 16",
        "2 puffs bid | 120 | inhalations | 30",
        "2 puffs bid | 120 | actuations | 30"
      })
  void shouldCountAnInhalersPuffsInhalationsAndDosesAlike(
      String sig, double quantity, String unit, int days) {
    assertThat(validate("00000028", "salbutamol", sig, quantity, unit).expectedSupplyDays())
        .isEqualTo(days);
  }

  @Test
  void shouldCountATabletWrittenForACapsuleAsOneCapsule() {
    assertThat(
            validate("00000002", "amoxicillin", "1 tab po tid x 10 days", 30.0, "capsule")
                .expectedSupplyDays())
        .isEqualTo(10);
  }

  @Test
  void shouldLetACapsuleForInhalationBeInhaled() {
    ValidationResult inhaled =
        validate("00000031", "tiotropium", "inhale 1 capsule daily", 30.0, "capsule");
    ValidationResult applied =
        validate("00000031", "tiotropium", "apply 1 capsule daily", 30.0, "capsule");

    assertThat(types(inhaled)).doesNotContain("MethodMismatchWarning", "RouteMismatchWarning");
    assertThat(inhaled.expectedSupplyDays()).isEqualTo(30);
    assertThat(types(applied)).containsAnyOf("MethodMismatchWarning", "RouteMismatchWarning");
  }

  // --- an empty DIN, and the FHIR request status ---

  @Test
  void shouldReadAnEmptyDinAsNoDin() {
    ValidationResult r =
        validator.validate(order("", "amoxicillin 500mg", "1 cap po tid", 30.0, "capsule"));

    assertThat(types(r)).doesNotContain("DinNotFoundError").contains("ProductMatchedByName");
    assertThat(r.product().getDin()).isEqualTo("00000002");
  }

  @Test
  void shouldGiveTheRequestAStatusThatFollowsTheValidation() {
    MedicationRequest accepted =
        request(validate("00000002", "amoxicillin", "1 cap po tid x10d", 30.0, "capsule"));
    MedicationRequest review =
        request(validate("00000004", "cephalexin 300mg", "1 tab po bid", 30.0, "tablet"));
    ValidationResult rejectedResult =
        validate("00000004", "amoxicillin", "1 tab po bid", 30.0, "tablet");
    MedicationRequest rejected = request(rejectedResult);

    assertThat(accepted.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.ACTIVE);
    assertThat(accepted.getDispenseRequest().hasExpectedSupplyDuration()).isTrue();
    assertThat(review.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.ONHOLD);
    assertThat(review.getDispenseRequest().hasExpectedSupplyDuration()).isTrue();
    assertThat(rejected.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.CANCELLED);
    assertThat(rejected.getDispenseRequest().hasExpectedSupplyDuration()).isFalse();
    assertThat(rejected.getDispenseRequest().getQuantity().getValue().doubleValue())
        .isEqualTo(30.0);
  }

  private static MedicationRequest request(ValidationResult r) {
    return FhirJson.parser().parseResource(MedicationRequest.class, r.medicationRequestJson());
  }
}
