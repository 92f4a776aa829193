package io.streamsight.processors.medication;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.processors.medication.sig.Strength;
import org.junit.jupiter.api.Test;

class StrengthsTest {

  private static FormularyIngredient ingredient(
      double strength, String unit, Double perValue, String perUnit) {
    return FormularyIngredient.newBuilder()
        .setName("X")
        .setStrength(strength)
        .setStrengthUnit(unit)
        .setDosageValue(perValue)
        .setDosageUnit(perUnit)
        .build();
  }

  @Test
  void shouldReadAPercentStrengthFollowedByAWord() {
    assertThat(Strengths.allInName("betamethasone valerate 0.05% cream"))
        .containsExactly(new Strength(0.05, "%"));
    assertThat(Strengths.stripStrength("betamethasone valerate 0.05% cream"))
        .isEqualTo("betamethasone valerate cream");
    assertThat(Strengths.allInName("hydrocortisone 2.5%")).containsExactly(new Strength(2.5, "%"));
  }

  @Test
  void shouldReadARateAsOneStrengthPerHour() {
    assertThat(Strengths.allInName("fentanyl 25mcg/h")).containsExactly(new Strength(25, "mcg/h"));
    assertThat(Strengths.allInName("fentanyl 50 mcg/hr patch"))
        .containsExactly(new Strength(50, "mcg/h"));
    assertThat(Strengths.allInName("estradiol 50 mcg/24h"))
        .containsExactly(new Strength(50, "mcg/24h"));
    assertThat(Strengths.stripStrength("fentanyl 50 mcg/hr patch")).isEqualTo("fentanyl patch");
    assertThat(Strengths.stripStrength("fentanyl 25mcg/h")).isEqualTo("fentanyl");
  }

  @Test
  void shouldCompareARateWithTheDpdsPerHourStrength() {
    FormularyIngredient fentanyl25 = ingredient(25, "MCG", null, "HOUR");
    FormularyIngredient estradiol50 = ingredient(50, "MCG", 24.0, "HOUR");

    assertThat(Strengths.matches(new Strength(25, "mcg/h"), fentanyl25)).isTrue();
    assertThat(Strengths.matches(new Strength(50, "mcg/h"), fentanyl25)).isFalse();
    assertThat(Strengths.matches(new Strength(50, "mcg/24h"), estradiol50)).isTrue();
    assertThat(Strengths.matches(new Strength(50, "mcg/h"), estradiol50)).isFalse();
    // "fentanyl 25 mcg patch": the amount as written
    assertThat(Strengths.matches(new Strength(25, "mcg"), fentanyl25)).isTrue();
  }

  @Test
  void shouldReadOneStrengthPerIngredientOfACombination() {
    // without a unit, in the product's own: the DPD gives 800 MG, or ESTALIS 140/50 in MCG
    assertThat(Strengths.allInName("sulfamethoxazole/trimethoprim 800/160"))
        .containsExactly(new Strength(800, ""), new Strength(160, ""));
    assertThat(Strengths.matches(new Strength(140, ""), ingredient(140, "MCG", 24.0, "HOUR")))
        .isTrue();
    assertThat(Strengths.allInName("amoxicillin-clavulanate 875/125 mg"))
        .containsExactly(new Strength(875, "mg"), new Strength(125, "mg"));
    assertThat(Strengths.allInName("Percocet 5 mg/325 mg"))
        .containsExactly(new Strength(5, "mg"), new Strength(325, "mg"));
    assertThat(Strengths.stripStrength("sulfamethoxazole-trimethoprim 800/160"))
        .isEqualTo("sulfamethoxazole-trimethoprim");
  }

  @Test
  void shouldReadAConcentrationByItsAmountAndNotAsACombination() {
    assertThat(Strengths.allInName("amoxicillin 250mg/5mL susp"))
        .containsExactly(new Strength(250, "mg"));
    assertThat(Strengths.allInName("amoxicillin 250 mg / 5 mL"))
        .containsExactly(new Strength(250, "mg"));
  }

  @Test
  void shouldFindNoStrengthInsideAWord() {
    assertThat(Strengths.allInName("MSO4")).isEmpty();
    assertThat(Strengths.allInName("Tylenol #3")).isEmpty();
    assertThat(Strengths.stripStrength("MSO4")).isEqualTo("MSO4");
  }

  @Test
  void shouldCountWholeUnitsAndHalvesOfTablets() {
    assertThat(Strengths.wholeUnits(2, false)).isTrue();
    assertThat(Strengths.wholeUnits(0.5, false)).isFalse();
    assertThat(Strengths.wholeUnits(0.5, true)).isTrue();
    assertThat(Strengths.wholeUnits(1.5, true)).isTrue();
    assertThat(Strengths.wholeUnits(0.8, true)).isFalse();
    assertThat(Strengths.wholeUnits(0.25, true)).isFalse();
    // 0.1 mg of a 100 mcg tablet
    assertThat(Strengths.amountRatio(0.1, "mg", ingredient(100, "MCG", null, null)))
        .hasValueSatisfying(c -> assertThat(Strengths.wholeUnits(c, false)).isTrue());
  }
}
