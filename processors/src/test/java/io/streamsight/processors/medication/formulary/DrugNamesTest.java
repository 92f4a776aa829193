package io.streamsight.processors.medication.formulary;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrugNamesTest {

  private static FormularyProduct product(String... ingredients) {
    List<FormularyIngredient> list = new ArrayList<>();
    for (String name : ingredients) {
      list.add(FormularyIngredient.newBuilder().setName(name).setStrength(1.0).build());
    }
    return FormularyProduct.newBuilder()
        .setDin("00000001")
        .setBrandName("BRAND")
        .setIngredients(list)
        .setDosageForms(List.of("TABLET"))
        .setRoutes(List.of("ORAL"))
        .setMarketingStatus("MARKETED")
        .setSource("test")
        .build();
  }

  @Test
  void shouldSplitCombinationNamesOnTheirSeparators() {
    assertThat(DrugNames.components("sulfamethoxazole/trimethoprim"))
        .containsExactly("sulfamethoxazole", "trimethoprim");
    assertThat(DrugNames.components("amoxicillin-clavulanate"))
        .containsExactly("amoxicillin", "clavulanate");
    assertThat(DrugNames.components("acetaminophen with codeine"))
        .containsExactly("acetaminophen", "codeine");
    assertThat(DrugNames.components("acetaminophen w/ codeine"))
        .containsExactly("acetaminophen", "codeine");
    assertThat(DrugNames.components("lidocaine and prilocaine"))
        .containsExactly("lidocaine", "prilocaine");
    assertThat(DrugNames.components("cephalexin")).containsExactly("cephalexin");
  }

  @Test
  void shouldMatchEachComponentToADifferentIngredientInTheNamesOrder() {
    FormularyProduct smxTmp = product("TRIMETHOPRIM", "SULFAMETHOXAZOLE");
    FormularyProduct amoxClav =
        product("CLAVULANIC ACID (CLAVULANATE POTASSIUM)", "AMOXICILLIN (AMOXICILLIN TRIHYDRATE)");
    FormularyProduct tylenol3 = product("CAFFEINE", "ACETAMINOPHEN", "CODEINE PHOSPHATE");

    assertThat(DrugNames.combinationMatch("sulfamethoxazole/trimethoprim", smxTmp))
        .contains(List.of(1, 0));
    assertThat(DrugNames.combinationMatch("SMX-TMP", smxTmp)).contains(List.of(1, 0));
    assertThat(DrugNames.combinationMatch("amox-clav", amoxClav)).contains(List.of(1, 0));
    assertThat(DrugNames.combinationMatch("amoxicillin-clavulanate", amoxClav))
        .contains(List.of(1, 0));
    assertThat(DrugNames.combinationMatch("acetaminophen with codeine", tylenol3))
        .contains(List.of(1, 2));
    assertThat(DrugNames.combinationMatch("APAP/codeine/caffeine", tylenol3))
        .contains(List.of(1, 2, 0));
  }

  @Test
  void shouldNotMatchACombinationNamingAnotherIngredientOrOneTwice() {
    FormularyProduct smxTmp = product("TRIMETHOPRIM", "SULFAMETHOXAZOLE");

    assertThat(DrugNames.combinationMatch("sulfamethoxazole/codeine", smxTmp)).isEmpty();
    assertThat(DrugNames.combinationMatch("trimethoprim/trimethoprim", smxTmp)).isEmpty();
    assertThat(DrugNames.combinationMatch("sulfamethoxazole", smxTmp)).isEmpty();
    // two letters are no prefix
    assertThat(DrugNames.combinationMatch("su/tr", smxTmp)).isEmpty();
  }

  @Test
  void shouldReadTheAbbreviationsInItsTable() {
    assertThat(DrugNames.expand("HCTZ")).isEqualTo("hydrochlorothiazide");
    assertThat(DrugNames.expand("Pen VK")).isEqualTo("penicillin v");
    assertThat(DrugNames.expand("KCl")).isEqualTo("potassium chloride");
    assertThat(DrugNames.expand("cefalexin")).isEqualTo("cephalexin");
    assertThat(DrugNames.expand("MS Contin")).isEqualTo("MS Contin");
    assertThat(DrugNames.abbreviation("HCTZ").orElseThrow().errorProne()).isNull();
    assertThat(DrugNames.abbreviation("MSO4").orElseThrow().errorProne()).contains("ISMP Canada");
    assertThat(DrugNames.abbreviation("MgSO4").orElseThrow().meaning())
        .isEqualTo("magnesium sulfate");
    assertThat(DrugNames.abbreviation("MS").orElseThrow().meaning()).isEqualTo("morphine");
  }
}
