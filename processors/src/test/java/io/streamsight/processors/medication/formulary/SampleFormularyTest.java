package io.streamsight.processors.medication.formulary;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.FormularyProduct;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleFormularyTest {

  private final InMemoryFormulary sample = InMemoryFormulary.of(SampleFormulary.products());

  @Test
  void shouldLabelEveryProductAsASampleWithAUniqueDin() {
    List<FormularyProduct> products = SampleFormulary.products();

    assertThat(products).hasSizeGreaterThanOrEqualTo(12);
    assertThat(products).allMatch(p -> p.getSource().equals(SampleFormulary.SOURCE));
    assertThat(products).allMatch(p -> p.getDrugCode() == null && p.getStatusDate() == null);
    assertThat(products).extracting(FormularyProduct::getDin).doesNotHaveDuplicates();
    assertThat(sample.size()).isEqualTo(products.size());
  }

  @Test
  void shouldCoverWhatTheDemoOrders() {
    assertThat(strengths("amoxicillin")).contains("250.0 MG/5.0 ML", "500.0 MG");
    assertThat(strengths("cephalexin")).contains("250.0 MG", "500.0 MG");
    assertThat(strengths("cefuroxime axetil")).contains("250.0 MG", "500.0 MG");
    assertThat(strengths("prednisone")).contains("5.0 MG", "50.0 MG");
    assertThat(sample.byName("salbutamol")).isNotEmpty();
    assertThat(sample.byName("insulin glargine")).isNotEmpty();
    assertThat(sample.byName("atorvastatin")).isNotEmpty();
    assertThat(sample.byName("metformin hydrochloride")).isNotEmpty();
    assertThat(SampleFormulary.products())
        .anyMatch(p -> p.getDosageForms().contains("CREAM"))
        .anyMatch(p -> p.getRoutes().contains("OPHTHALMIC"))
        .anyMatch(p -> p.getMarketingStatus().equals("DORMANT"));
    assertThat(sample.byName("Ceftin").get(0).product().getIngredients().get(0).getName())
        .isEqualTo("CEFUROXIME (CEFUROXIME AXETIL)");
  }

  @Test
  void shouldMatchTheDpdExtract() {
    Formulary dpd = DpdTestData.formulary();

    for (FormularyProduct typed : SampleFormulary.products()) {
      FormularyProduct real = dpd.byDin(typed.getDin()).orElseThrow();
      assertThat(real.getBrandName()).as(typed.getDin()).isEqualTo(typed.getBrandName());
      assertThat(real.getDescriptor()).as(typed.getDin()).isEqualTo(typed.getDescriptor());
      assertThat(real.getProductClass()).as(typed.getDin()).isEqualTo(typed.getProductClass());
      assertThat(real.getIngredients()).as(typed.getDin()).isEqualTo(typed.getIngredients());
      assertThat(real.getDosageForms()).as(typed.getDin()).isEqualTo(typed.getDosageForms());
      assertThat(real.getRoutes()).as(typed.getDin()).isEqualTo(typed.getRoutes());
      assertThat(real.getMarketingStatus())
          .as(typed.getDin())
          .isEqualTo(typed.getMarketingStatus());
      assertThat(real.getSchedules()).as(typed.getDin()).isEqualTo(typed.getSchedules());
      assertThat(real.getCompany()).as(typed.getDin()).isEqualTo(typed.getCompany());
      assertThat(real.getAtcCode()).as(typed.getDin()).isEqualTo(typed.getAtcCode());
    }
  }

  private List<String> strengths(String ingredient) {
    return sample.byIngredient(ingredient).stream()
        .map(p -> p.getIngredients().get(0))
        .map(
            i ->
                i.getStrength()
                    + " "
                    + i.getStrengthUnit()
                    + (i.getDosageValue() == null
                        ? ""
                        : "/" + i.getDosageValue() + " " + i.getDosageUnit()))
        .toList();
  }
}
