package io.streamsight.processors.medication.formulary;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.FormularyNameEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormularyNamesTest {

  @Test
  void shouldFoldCaseAccentsAndPunctuation() {
    assertThat(FormularyNames.normalize("APO-AMOXI")).isEqualTo("apo amoxi");
    assertThat(FormularyNames.normalize("  Apo   amoxi ")).isEqualTo("apo amoxi");
    assertThat(FormularyNames.normalize("Céfuroxime (céfuroxime axétil)"))
        .isEqualTo("cefuroxime cefuroxime axetil");
    assertThat(FormularyNames.normalize("FUCIDIN CREAM 2%")).isEqualTo("fucidin cream 2");
    assertThat(FormularyNames.normalize("-- ")).isEmpty();
    assertThat(FormularyNames.normalize(null)).isEmpty();
  }

  @Test
  void shouldIndexSaltsUnderTheirBaseAndTheirOwnName() {
    assertThat(FormularyNames.ingredientNames("CEFUROXIME (CEFUROXIME AXETIL)"))
        .containsExactly("cefuroxime", "cefuroxime axetil");
    assertThat(FormularyNames.ingredientNames("CLAVULANIC ACID (CLAVULANATE POTASSIUM)"))
        .containsExactly("clavulanic acid", "clavulanate potassium");
    assertThat(FormularyNames.ingredientNames("ALBUMIN (HUMAN)"))
        .containsExactly("albumin", "albumin human");
    assertThat(FormularyNames.ingredientNames("ANTI-D (RH) IMMUNOGLOBULIN (HUMAN)"))
        .containsExactly("anti d rh immunoglobulin human");
    assertThat(FormularyNames.ingredientNames("PREDNISONE")).containsExactly("prednisone");
  }

  @Test
  void shouldTryTheQueryWithoutStrengthAndFormWords() {
    assertThat(FormularyNames.queryForms("Amoxicillin 250 mg caps"))
        .containsExactly("amoxicillin 250 mg caps", "amoxicillin");
    assertThat(FormularyNames.queryForms("amoxicillin 250mg/5mL susp"))
        .containsExactly("amoxicillin 250mg 5ml susp", "amoxicillin");
    assertThat(FormularyNames.queryForms("Wellbutrin XL"))
        .containsExactly("wellbutrin xl", "wellbutrin");
    assertThat(FormularyNames.queryForms("cephalexin")).containsExactly("cephalexin");
    assertThat(FormularyNames.queryForms("cream")).containsExactly("cream");
    assertThat(FormularyNames.queryForms(" ")).isEmpty();
  }

  @Test
  void shouldIndexTheSampleWithKindsAndSortedDins() {
    List<FormularyNameEntry> index = FormularyNames.index(SampleFormulary.products());

    assertThat(index).isSortedAccordingTo((a, b) -> a.getName().compareTo(b.getName()));
    assertThat(index)
        .filteredOn(e -> e.getName().equals("apo cephalex"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getKind()).isEqualTo(FormularyNames.BRAND);
              assertThat(e.getDins()).containsExactly("00768715", "00768723");
            });
    assertThat(index)
        .filteredOn(e -> e.getName().equals("cephalexin"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getKind()).isEqualTo(FormularyNames.INGREDIENT);
              assertThat(e.getDins()).containsExactly("00244392", "00768715", "00768723");
            });
  }

  @Test
  void shouldRestoreTheLeadingZerosOfADin() {
    assertThat(Dins.normalize("2243616")).hasValue("02243616");
    assertThat(Dins.normalize(" 02243616 ")).hasValue("02243616");
    assertThat(Dins.normalize("1")).hasValue("00000001");
    assertThat(Dins.normalize("123456789")).isEmpty();
    assertThat(Dins.normalize("0224-3616")).isEmpty();
    assertThat(Dins.normalize("")).isEmpty();
    assertThat(Dins.normalize(null)).isEmpty();
  }

  @Test
  void shouldCountTranspositionsAsOneEdit() {
    assertThat(EditDistance.bounded("amoxicillin", "amoxicillin", 2)).isZero();
    assertThat(EditDistance.bounded("amoxicilin", "amoxicillin", 2)).isEqualTo(1);
    assertThat(EditDistance.bounded("amoxiclilin", "amoxicillin", 2)).isEqualTo(1);
    assertThat(EditDistance.bounded("cefalexin", "cephalexin", 2)).isEqualTo(2);
    assertThat(EditDistance.bounded("ab", "ba", 1)).isEqualTo(1);
    assertThat(EditDistance.bounded("", "abc", 3)).isEqualTo(3);
  }

  @Test
  void shouldStopAtTheBound() {
    assertThat(EditDistance.bounded("prednisone", "prednisolone", 1)).isEqualTo(2);
    assertThat(EditDistance.bounded("prednisone", "prednisolone", 2)).isEqualTo(2);
    assertThat(EditDistance.bounded("amoxicillin", "metformin", 2)).isEqualTo(3);
    assertThat(EditDistance.bounded("abc", "abcdef", 2)).isEqualTo(3);
  }
}
