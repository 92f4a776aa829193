package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import java.util.List;

/**
 * A small built-in formulary for demos and tests without a DPD extract: sixteen real Canadian
 * products, written here by hand as facts (brand, ingredient and strength, form, route, company,
 * ATC code, schedule), labelled {@code source = "sample"}. Contains information licensed under the
 * Open Government Licence – Canada ({@link DpdReader#ATTRIBUTION}).
 *
 * <p>Every DIN, brand, strength and status was checked against the Health Canada DPD extract of
 * 2026-04-01 (a test compares them with the extract when it is present). Status dates and DPD drug
 * codes are left out: they change with every extract.
 *
 * <p>What the demo needs: amoxicillin 250 mg/5 mL suspension and 500 mg capsule; cephalexin 250 and
 * 500 mg tablets, and Keflex 500 mg tablets, whose DIN is only in the dormant set; cefuroxime
 * axetil 250 and 500 mg tablets (Apo-Cefuroxime: Ceftin tablets are no longer in the DPD's
 * marketed, approved or dormant sets, so the Ceftin brand is here as its 125 mg/5 mL suspension); a
 * topical cream (Fucidin), an eye drop (Xalatan), a salbutamol inhaler (Ventolin HFA), an insulin
 * (Lantus), atorvastatin (Lipitor), metformin (Glucophage) and prednisone 5 and 50 mg for tapers.
 */
public final class SampleFormulary {

  /** {@link FormularyProduct#getSource()} of the sample's products. */
  public static final String SOURCE = "sample";

  private static final String RX = "PRESCRIPTION";
  private static final String ORAL = "ORAL";
  private static final String MARKETED = MarketingStatus.MARKETED.name();

  private SampleFormulary() {}

  /**
   * The sample's products, in a fixed order. Avro records are mutable, so every call builds new
   * ones.
   */
  public static List<FormularyProduct> products() {
    return List.of(
        product("00452130", "NOVAMOXIN", amoxicillin(250, 5.0, "ML"), "GRANULES FOR SUSPENSION")
            .setCompany("TEVA CANADA LIMITED")
            .setAtcCode("J01CA04")
            .build(),
        product("00406716", "NOVAMOXIN", amoxicillin(500, null, null), "CAPSULE")
            .setCompany("TEVA CANADA LIMITED")
            .setAtcCode("J01CA04")
            .build(),
        product("00768723", "APO-CEPHALEX", cephalexin(250), "TABLET")
            .setCompany("APOTEX INC")
            .setAtcCode("J01DB01")
            .build(),
        product("00768715", "APO-CEPHALEX", cephalexin(500), "TABLET")
            .setCompany("APOTEX INC")
            .setAtcCode("J01DB01")
            .build(),
        product("00244392", "KEFLEX", cephalexin(500), "TABLET")
            .setMarketingStatus(MarketingStatus.DORMANT.name())
            .setCompany("PENDOPHARM DIVISION OF PHARMASCIENCE INC")
            .setAtcCode("J01DB01")
            .build(),
        product("02212307", "CEFTIN", cefuroximeAxetil(125, 5.0, "ML"), "GRANULES FOR SUSPENSION")
            .setCompany("SANDOZ CANADA INCORPORATED")
            .setAtcCode("J01DC02")
            .build(),
        product("02244393", "APO-CEFUROXIME", cefuroximeAxetil(250, null, null), "TABLET")
            .setCompany("APOTEX INC")
            .setAtcCode("J01DC02")
            .build(),
        product("02244394", "APO-CEFUROXIME", cefuroximeAxetil(500, null, null), "TABLET")
            .setCompany("APOTEX INC")
            .setAtcCode("J01DC02")
            .build(),
        product("00586668", "FUCIDIN CREAM 2%", ingredient("FUSIDIC ACID", 2, "%"), "CREAM")
            .setRoutes(List.of("TOPICAL"))
            .setCompany("LEO PHARMA INC")
            .setAtcCode("D06AX01")
            .build(),
        product("02231493", "XALATAN", ingredient("LATANOPROST", 50, "MCG", null, "ML"), "SOLUTION")
            .setRoutes(List.of("OPHTHALMIC"))
            .setCompany("BGP PHARMA ULC")
            .setAtcCode("S01EE01")
            .build(),
        product(
                "02241497",
                "VENTOLIN HFA",
                ingredient("SALBUTAMOL (SALBUTAMOL SULFATE)", 100, "MCG", null, "ACT"),
                "METERED-DOSE AEROSOL")
            .setRoutes(List.of("INHALATION"))
            .setCompany("GLAXOSMITHKLINE INC")
            .setAtcCode("R03AC02")
            .build(),
        product(
                "02245689",
                "LANTUS",
                ingredient("INSULIN GLARGINE", 100, "UNIT", null, "ML"),
                "SOLUTION")
            .setDescriptor("VIAL")
            .setRoutes(List.of("SUBCUTANEOUS"))
            .setSchedules(List.of("SCHEDULE D"))
            .setCompany("SANOFI-AVENTIS CANADA INC")
            .setAtcCode("A10AE04")
            .build(),
        product(
                "02230711",
                "LIPITOR",
                ingredient("ATORVASTATIN (ATORVASTATIN CALCIUM)", 10, "MG"),
                "TABLET")
            .setCompany("BGP PHARMA ULC")
            .setAtcCode("C10AA05")
            .build(),
        product(
                "02099233",
                "GLUCOPHAGE",
                ingredient("METFORMIN HYDROCHLORIDE", 500, "MG"),
                "TABLET")
            .setCompany("SANOFI-AVENTIS CANADA INC")
            .setAtcCode("A10BA02")
            .build(),
        product("00312770", "APO PREDNISONE TAB 5MG", ingredient("PREDNISONE", 5, "MG"), "TABLET")
            .setCompany("APOTEX INC")
            .setAtcCode("H02AB07")
            .build(),
        product("00550957", "APO PREDNISONE TAB 50MG", ingredient("PREDNISONE", 50, "MG"), "TABLET")
            .setCompany("APOTEX INC")
            .setAtcCode("H02AB07")
            .build());
  }

  private static FormularyProduct.Builder product(
      String din, String brand, FormularyIngredient ingredient, String form) {
    return FormularyProduct.newBuilder()
        .setDin(din)
        .setDrugCode(null)
        .setBrandName(brand)
        .setDescriptor(null)
        .setProductClass("Human")
        .setIngredients(List.of(ingredient))
        .setDosageForms(List.of(form))
        .setRoutes(List.of(ORAL))
        .setMarketingStatus(MARKETED)
        .setStatusDate(null)
        .setSchedules(List.of(RX))
        .setSource(SOURCE);
  }

  private static FormularyIngredient amoxicillin(double mg, Double per, String unit) {
    return ingredient("AMOXICILLIN (AMOXICILLIN TRIHYDRATE)", mg, "MG", per, unit);
  }

  private static FormularyIngredient cephalexin(double mg) {
    return ingredient("CEPHALEXIN (CEPHALEXIN MONOHYDRATE)", mg, "MG");
  }

  private static FormularyIngredient cefuroximeAxetil(double mg, Double per, String unit) {
    return ingredient("CEFUROXIME (CEFUROXIME AXETIL)", mg, "MG", per, unit);
  }

  private static FormularyIngredient ingredient(String name, double strength, String unit) {
    return ingredient(name, strength, unit, null, null);
  }

  private static FormularyIngredient ingredient(
      String name, double strength, String unit, Double per, String perUnit) {
    return FormularyIngredient.newBuilder()
        .setName(name)
        .setStrength(strength)
        .setStrengthUnit(unit)
        .setDosageValue(per)
        .setDosageUnit(perUnit)
        .build();
  }
}
