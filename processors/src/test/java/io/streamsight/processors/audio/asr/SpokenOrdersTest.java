package io.streamsight.processors.audio.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.ValidationStatus;
import io.streamsight.processors.medication.OrderInput;
import io.streamsight.processors.medication.OrderValidator;
import io.streamsight.processors.medication.ValidationResult;
import io.streamsight.processors.medication.formulary.InMemoryFormulary;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import io.streamsight.processors.medication.sig.SigParser;
import org.junit.jupiter.api.Test;

/** Spoken orders become written ones that the sig parser and the validator read. */
class SpokenOrdersTest {

  private final OrderValidator validator =
      new OrderValidator(new SigParser(), InMemoryFormulary.of(SampleFormulary.products()));

  private ValidationResult validate(String spoken) {
    return validator.validate(
        new OrderInput(
            "o1", "phone-1", null, null, SpokenOrders.toWritten(spoken), null, null, null, null));
  }

  @Test
  void shouldWriteSpokenNumbersAndUnitsAsTheSigParserReadsThem() {
    assertThat(
            SpokenOrders.toWritten(
                "amoxicillin two hundred fifty milligrams three times a day for ten days"))
        .isEqualTo("amoxicillin 250 mg 3 times a day for 10 days");
    assertThat(SpokenOrders.toWritten("take one and a half tablets every six hours"))
        .isEqualTo("take 1 1/2 tablets every 6 hours");
    assertThat(SpokenOrders.toWritten("two thousand five hundred and twelve units"))
        .isEqualTo("2512 units");
    assertThat(SpokenOrders.toWritten("zero point five milligrams dispense thirty"))
        .isEqualTo("0.5 mg #30");
    assertThat(SpokenOrders.toWritten("take a half tablet twice a day"))
        .isEqualTo("take 1/2 tablet twice a day");
    assertThat(SpokenOrders.toWritten("twenty five fifteen")).isEqualTo("25 15");
  }

  @Test
  void shouldValidateASpokenOrderAgainstTheFormulary() {
    ValidationResult r =
        validate(
            "amoxicillin five hundred milligrams take one capsule by mouth three times a day for"
                + " ten days dispense thirty");
    assertThat(r.status()).isEqualTo(ValidationStatus.ACCEPTED);
    assertThat(r.expectedSupplyDays()).isEqualTo(10);
    assertThat(r.patientInstructions())
        .containsExactly("Take 1 capsule by mouth 3 times a day for 10 days");
  }

  @Test
  void shouldBuildAGrammarWhoseWordsAllHavePronunciations() {
    PharmacyGrammar grammar =
        PharmacyGrammar.of(SampleFormulary.products(), PronouncingDictionary.bundled());
    assertThat(grammar.drugNames())
        .contains("amoxicillin", "cephalexin", "atorvastatin", "insulin glargine", "lipitor")
        .doesNotContain("apo", "hfa", "cream");
    assertThat(PharmacyGrammar.words(grammar.jsgf()))
        .allSatisfy(w -> assertThat(grammar.pronunciations()).containsKey(w));
    // Not in the CMU dictionary: pronounced by the learnt rules.
    assertThat(PronouncingDictionary.bundled().contains("cephalexin")).isFalse();
    assertThat(grammar.pronunciations().get("cephalexin").get(0)).startsWith("S", "EH", "F");
  }
}
