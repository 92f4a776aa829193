package io.streamsight.processors.medication;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import java.util.List;

/** Formulary products for validator tests, shaped as the DPD lists them. */
final class TestProducts {

  private TestProducts() {}

  static FormularyProduct product(
      String din,
      String brand,
      String ingredient,
      double strength,
      String unit,
      Double perValue,
      String perUnit,
      String form,
      String route,
      String status) {
    return FormularyProduct.newBuilder()
        .setDin(din)
        .setBrandName(brand)
        .setIngredients(
            List.of(
                FormularyIngredient.newBuilder()
                    .setName(ingredient)
                    .setStrength(strength)
                    .setStrengthUnit(unit)
                    .setDosageValue(perValue)
                    .setDosageUnit(perUnit)
                    .build()))
        .setDosageForms(List.of(form))
        .setRoutes(List.of(route))
        .setMarketingStatus(status)
        .setSource("sample")
        .build();
  }

  static final FormularyProduct AMOX_SUSPENSION =
      product(
          "00000001",
          "AMOXIL 250",
          "AMOXICILLIN",
          250,
          "MG",
          5.0,
          "ML",
          "POWDER FOR SUSPENSION",
          "ORAL",
          "MARKETED");
  static final FormularyProduct AMOX_CAPSULE =
      product(
          "00000002",
          "AMOXIL 500",
          "AMOXICILLIN",
          500,
          "MG",
          null,
          null,
          "CAPSULE",
          "ORAL",
          "MARKETED");
  static final FormularyProduct CEPHALEXIN_250 =
      product(
          "00000003",
          "KEFLEX 250",
          "CEPHALEXIN",
          250,
          "MG",
          null,
          null,
          "TABLET",
          "ORAL",
          "MARKETED");
  static final FormularyProduct CEPHALEXIN_500 =
      product(
          "00000004",
          "KEFLEX 500",
          "CEPHALEXIN",
          500,
          "MG",
          null,
          null,
          "TABLET",
          "ORAL",
          "MARKETED");
  static final FormularyProduct CEFTIN =
      product(
          "00000005",
          "CEFTIN",
          "CEFUROXIME AXETIL",
          250,
          "MG",
          null,
          null,
          "TABLET",
          "ORAL",
          "MARKETED");
  static final FormularyProduct DORMANT =
      product(
          "00000006",
          "OLDCILLIN",
          "AMOXICILLIN",
          125,
          "MG",
          null,
          null,
          "CAPSULE",
          "ORAL",
          "DORMANT");
  static final FormularyProduct HYDROCORTISONE_CREAM =
      product(
          "00000007",
          "CORTATE",
          "HYDROCORTISONE",
          1,
          "%",
          null,
          null,
          "CREAM",
          "TOPICAL",
          "MARKETED");

  static List<FormularyProduct> all() {
    return List.of(
        AMOX_SUSPENSION,
        AMOX_CAPSULE,
        CEPHALEXIN_250,
        CEPHALEXIN_500,
        CEFTIN,
        DORMANT,
        HYDROCORTISONE_CREAM);
  }
}
