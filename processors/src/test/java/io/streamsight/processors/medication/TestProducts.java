package io.streamsight.processors.medication;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import java.util.ArrayList;
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

  /** A product of several ingredients, each {@code {name, strength}} in milligrams. */
  static FormularyProduct combination(
      String din, String brand, String form, String route, Object... nameAndStrength) {
    List<FormularyIngredient> ingredients = new ArrayList<>();
    for (int i = 0; i < nameAndStrength.length; i += 2) {
      ingredients.add(
          FormularyIngredient.newBuilder()
              .setName((String) nameAndStrength[i])
              .setStrength(((Number) nameAndStrength[i + 1]).doubleValue())
              .setStrengthUnit("MG")
              .build());
    }
    return FormularyProduct.newBuilder()
        .setDin(din)
        .setBrandName(brand)
        .setIngredients(ingredients)
        .setDosageForms(List.of(form))
        .setRoutes(List.of(route))
        .setMarketingStatus("MARKETED")
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

  static final FormularyProduct SMX_TMP_DS =
      combination(
          "00000008",
          "SULFATRIM DS",
          "TABLET",
          "ORAL",
          "SULFAMETHOXAZOLE",
          800,
          "TRIMETHOPRIM",
          160);
  // the DPD lists this one's ingredients in the other order
  static final FormularyProduct SMX_TMP =
      combination(
          "00000009", "SULFATRIM", "TABLET", "ORAL", "TRIMETHOPRIM", 80, "SULFAMETHOXAZOLE", 400);
  static final FormularyProduct AMOX_CLAV_875 =
      combination(
          "00000010",
          "AMOXI-CLAV",
          "TABLET",
          "ORAL",
          "CLAVULANIC ACID (CLAVULANATE POTASSIUM)",
          125,
          "AMOXICILLIN (AMOXICILLIN TRIHYDRATE)",
          875);
  static final FormularyProduct AMOX_CLAV_500 =
      combination(
          "00000011",
          "AMOXI-CLAV",
          "TABLET",
          "ORAL",
          "AMOXICILLIN (AMOXICILLIN TRIHYDRATE)",
          500,
          "CLAVULANIC ACID (CLAVULANATE POTASSIUM)",
          125);
  static final FormularyProduct LENOLTEC_3 =
      combination(
          "00000012",
          "LENOLTEC NO. 3",
          "TABLET",
          "ORAL",
          "CAFFEINE",
          15,
          "ACETAMINOPHEN",
          300,
          "CODEINE PHOSPHATE",
          30);
  static final FormularyProduct HCTZ_25 =
      product(
          "00000013",
          "APO-HYDRO",
          "HYDROCHLOROTHIAZIDE",
          25,
          "MG",
          null,
          null,
          "TABLET",
          "ORAL",
          "MARKETED");
  static final FormularyProduct ACETAMINOPHEN_500 =
      product(
          "00000014",
          "TYLENOL EXTRA STRENGTH",
          "ACETAMINOPHEN",
          500,
          "MG",
          null,
          null,
          "TABLET",
          "ORAL",
          "MARKETED");
  static final FormularyProduct ASA_81 =
      product(
          "00000015",
          "ASPIRIN LOW DOSE",
          "ACETYLSALICYLIC ACID",
          81,
          "MG",
          null,
          null,
          "TABLET (DELAYED-RELEASE)",
          "ORAL",
          "MARKETED");
  static final FormularyProduct PEN_VK =
      product(
          "00000016",
          "APO-PEN VK",
          "PENICILLIN V (PENICILLIN V POTASSIUM)",
          300,
          "MG",
          null,
          null,
          "TABLET",
          "ORAL",
          "MARKETED");
  static final FormularyProduct NITRO_PATCH =
      product(
          "00000017",
          "TRANSDERM-NITRO",
          "NITROGLYCERIN",
          0.4,
          "MG",
          null,
          "HOUR",
          "PATCH",
          "TRANSDERMAL",
          "MARKETED");
  static final FormularyProduct KCL =
      product(
          "00000018",
          "K-DUR",
          "POTASSIUM CHLORIDE",
          750,
          "MG",
          null,
          null,
          "TABLET (EXTENDED-RELEASE)",
          "ORAL",
          "MARKETED");
  static final FormularyProduct MORPHINE_ER =
      product(
          "00000019",
          "MS CONTIN",
          "MORPHINE SULFATE",
          30,
          "MG",
          null,
          null,
          "TABLET (EXTENDED-RELEASE)",
          "ORAL",
          "MARKETED");
  static final FormularyProduct MAGNESIUM_SULFATE =
      product(
          "00000020",
          "MAGNESIUM SULFATE INJECTION",
          "MAGNESIUM SULFATE",
          500,
          "MG",
          null,
          "ML",
          "SOLUTION",
          "INTRAVENOUS",
          "MARKETED");
  static final FormularyProduct BETAMETHASONE_01 =
      product(
          "00000021",
          "BETADERM 0.1%",
          "BETAMETHASONE (BETAMETHASONE VALERATE)",
          0.1,
          "%",
          null,
          null,
          "CREAM",
          "TOPICAL",
          "MARKETED");
  static final FormularyProduct BETAMETHASONE_005 =
      product(
          "00000022",
          "BETADERM 0.05%",
          "BETAMETHASONE (BETAMETHASONE VALERATE)",
          0.05,
          "%",
          null,
          null,
          "CREAM",
          "TOPICAL",
          "MARKETED");
  static final FormularyProduct FENTANYL_25 =
      product(
          "00000023",
          "FENTANYL PATCH",
          "FENTANYL",
          25,
          "MCG",
          null,
          "HOUR",
          "PATCH",
          "TRANSDERMAL",
          "MARKETED");
  static final FormularyProduct FENTANYL_50 =
      product(
          "00000024",
          "FENTANYL PATCH",
          "FENTANYL",
          50,
          "MCG",
          null,
          "HOUR",
          "PATCH",
          "TRANSDERMAL",
          "MARKETED");
  static final FormularyProduct INSULIN_GLARGINE =
      product(
          "00000025",
          "LANTUS",
          "INSULIN GLARGINE",
          100,
          "UNIT",
          null,
          "ML",
          "SOLUTION",
          "SUBCUTANEOUS",
          "MARKETED");
  static final FormularyProduct ENOXAPARIN_40 =
      product(
          "00000026",
          "LOVENOX",
          "ENOXAPARIN SODIUM",
          40,
          "MG",
          0.4,
          "ML",
          "SOLUTION",
          "SUBCUTANEOUS",
          "MARKETED");
  static final FormularyProduct MEDROXYPROGESTERONE =
      product(
          "00000027",
          "DEPO-PROVERA",
          "MEDROXYPROGESTERONE ACETATE",
          150,
          "MG",
          null,
          "ML",
          "SUSPENSION",
          "INTRAMUSCULAR",
          "MARKETED");
  static final FormularyProduct SALBUTAMOL_INHALER =
      product(
          "00000028",
          "VENTOLIN HFA",
          "SALBUTAMOL (SALBUTAMOL SULFATE)",
          100,
          "MCG",
          null,
          "ACT",
          "METERED-DOSE AEROSOL",
          "INHALATION",
          "MARKETED");
  static final FormularyProduct MORPHINE_10 =
      product(
          "00000029",
          "STATEX",
          "MORPHINE SULFATE",
          10,
          "MG",
          null,
          null,
          "TABLET",
          "ORAL",
          "MARKETED");
  static final FormularyProduct ACETAMINOPHEN_SUPPOSITORY =
      product(
          "00000030",
          "ACET 650",
          "ACETAMINOPHEN",
          650,
          "MG",
          null,
          null,
          "SUPPOSITORY",
          "RECTAL",
          "MARKETED");
  static final FormularyProduct TIOTROPIUM =
      product(
          "00000031",
          "SPIRIVA",
          "TIOTROPIUM (TIOTROPIUM BROMIDE MONOHYDRATE)",
          18,
          "MCG",
          null,
          null,
          "CAPSULE",
          "INHALATION",
          "MARKETED");

  static List<FormularyProduct> all() {
    return List.of(
        AMOX_SUSPENSION,
        AMOX_CAPSULE,
        CEPHALEXIN_250,
        CEPHALEXIN_500,
        CEFTIN,
        DORMANT,
        HYDROCORTISONE_CREAM,
        SMX_TMP_DS,
        SMX_TMP,
        AMOX_CLAV_875,
        AMOX_CLAV_500,
        LENOLTEC_3,
        HCTZ_25,
        ACETAMINOPHEN_500,
        ASA_81,
        PEN_VK,
        NITRO_PATCH,
        KCL,
        MORPHINE_ER,
        MAGNESIUM_SULFATE,
        BETAMETHASONE_01,
        BETAMETHASONE_005,
        FENTANYL_25,
        FENTANYL_50,
        INSULIN_GLARGINE,
        ENOXAPARIN_40,
        MEDROXYPROGESTERONE,
        SALBUTAMOL_INHALER,
        MORPHINE_10,
        ACETAMINOPHEN_SUPPOSITORY,
        TIOTROPIUM);
  }
}
