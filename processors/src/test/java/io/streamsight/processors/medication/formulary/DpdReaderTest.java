package io.streamsight.processors.medication.formulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader and the formulary on the real DPD extract of 2026-04-01 (skipped when absent). */
class DpdReaderTest {

  @Test
  void shouldReadEveryProductOfEachSetWithADin() {
    Map<String, Long> perSet =
        DpdTestData.products().stream()
            .collect(
                Collectors.groupingBy(FormularyProduct::getMarketingStatus, Collectors.counting()));

    // drug.txt rows per the shared README: 13,454 / 3,949 / 2,405, of which 10 dormant
    // radiopharmaceuticals have "Not Applicable" for a DIN; no DIN is in two sets.
    assertThat(perSet)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("MARKETED", 13_454L, "APPROVED", 3_949L, "DORMANT", 2_395L));
    assertThat(DpdTestData.products()).allMatch(p -> p.getSource().equals("dpd"));
  }

  @Test
  void shouldCountMarketedProductsPerClassAsTheReadmeDoes() {
    Map<String, Long> perClass =
        DpdTestData.products().stream()
            .filter(p -> p.getMarketingStatus().equals("MARKETED"))
            .collect(
                Collectors.groupingBy(FormularyProduct::getProductClass, Collectors.counting()));

    assertThat(perClass)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Human", 11_529L,
                "Disinfectant", 950L,
                "Veterinary", 915L,
                "Radiopharmaceutical", 60L));
  }

  @Test
  void shouldJoinEveryTableOfAMarketedProduct() {
    // The DIN the seed system reported as "No details found for din 2372568".
    FormularyProduct oxyneo = DpdTestData.formulary().byDin("2372568").orElseThrow();

    assertThat(oxyneo.getDin()).isEqualTo("02372568");
    assertThat(oxyneo.getDrugCode()).isEqualTo(85767L);
    assertThat(oxyneo.getBrandName()).isEqualTo("OXYNEO");
    assertThat(oxyneo.getMarketingStatus()).isEqualTo("MARKETED");
    assertThat(oxyneo.getStatusDate()).isEqualTo("13-SEP-2011");
    assertThat(oxyneo.getIngredients())
        .containsExactly(ingredient("OXYCODONE HYDROCHLORIDE", 40.0, "MG", null, null));
    assertThat(oxyneo.getDosageForms()).containsExactly("TABLET (EXTENDED-RELEASE)");
    assertThat(oxyneo.getRoutes()).containsExactly("ORAL");
    assertThat(oxyneo.getSchedules()).containsExactly("NARCOTICS (CDSA I)");
    assertThat(oxyneo.getCompany()).isEqualTo("PURDUE PHARMA");
    assertThat(oxyneo.getAtcCode()).isEqualTo("N02AA05");
  }

  @Test
  void shouldGiveEachSetsDinsTheirStatus() {
    Formulary formulary = DpdTestData.formulary();

    assertThat(formulary.byDin("02333724"))
        .hasValueSatisfying(
            p -> {
              assertThat(p.getBrandName()).isEqualTo("PDP-ATORVASTATIN");
              assertThat(p.getMarketingStatus()).isEqualTo("APPROVED");
              assertThat(p.getStatusDate()).isEqualTo("04-FEB-2020");
            });
    assertThat(formulary.byDin("244392"))
        .hasValueSatisfying(
            p -> {
              assertThat(p.getBrandName()).isEqualTo("KEFLEX");
              assertThat(p.getMarketingStatus()).isEqualTo("DORMANT");
              assertThat(p.getStatusDate()).isEqualTo("03-AUG-2017");
            });
    assertThat(formulary.byDin("99999999")).isEmpty();
    assertThat(formulary.byDin("Not Applicable/non applicable")).isEmpty();
  }

  @Test
  void shouldKeepStrengthPerDosageUnitAndQuotedCommas() {
    Formulary formulary = DpdTestData.formulary();

    assertThat(formulary.byDin("00452130").orElseThrow().getIngredients())
        .containsExactly(
            ingredient("AMOXICILLIN (AMOXICILLIN TRIHYDRATE)", 250.0, "MG", 5.0, "ML"));
    assertThat(formulary.byDin("02241497").orElseThrow().getIngredients())
        .containsExactly(ingredient("SALBUTAMOL (SALBUTAMOL SULFATE)", 100.0, "MCG", null, "ACT"));
    assertThat(formulary.byDin("02513161").orElseThrow().getBrandName())
        .isEqualTo("MAGNESIUM SULFATE INJECTION, BP 49.3%");
  }

  @Test
  void shouldFindAmoxicillinsMarketedStrengthsByName() {
    List<NameMatch> matches = DpdTestData.formulary().byName("amoxicillin");

    assertThat(matches.get(0).kind()).isEqualTo(MatchKind.EXACT);
    assertThat(matches).allMatch(m -> m.product().getProductClass().equals("Human"));
    List<String> marketed =
        matches.stream()
            .filter(m -> m.kind() == MatchKind.EXACT)
            .map(NameMatch::product)
            .filter(p -> p.getMarketingStatus().equals("MARKETED"))
            .filter(p -> p.getIngredients().size() == 1)
            .map(DpdReaderTest::strengthAndForm)
            .distinct()
            .toList();
    assertThat(marketed)
        .contains(
            "250 MG CAPSULE",
            "500 MG CAPSULE",
            "125 MG/5 ML POWDER FOR SUSPENSION",
            "250 MG/5 ML POWDER FOR SUSPENSION",
            "250 MG/5 ML GRANULES FOR SUSPENSION");
    // Marketed products come before dormant ones carrying the same name.
    List<String> statuses =
        matches.stream()
            .filter(m -> m.matchedName().equals("amoxicillin"))
            .map(m -> m.product().getMarketingStatus())
            .toList();
    assertThat(statuses.indexOf("DORMANT")).isGreaterThan(statuses.lastIndexOf("MARKETED"));
  }

  @Test
  void shouldListVeterinaryProductsByIngredientButNotByName() {
    Formulary formulary = DpdTestData.formulary();

    assertThat(formulary.byIngredient("amoxicillin"))
        .anyMatch(p -> p.getProductClass().equals("Veterinary"))
        .allMatch(p -> p.getIngredients().stream().anyMatch(i -> i.getName().contains("AMOXI")));
    assertThat(formulary.byName("amoxicillin"))
        .noneMatch(m -> m.product().getProductClass().equals("Veterinary"));
  }

  @Test
  void shouldCompleteAPrefix() {
    List<NameMatch> matches = DpdTestData.formulary().byName("amox");

    assertThat(matches).isNotEmpty().allMatch(m -> m.kind() == MatchKind.PREFIX);
    assertThat(matches.get(0).matchedName()).isEqualTo("amoxicillin");
    assertThat(matches.get(0).distance()).isEqualTo("icillin".length());
    assertThat(matches).allMatch(m -> m.matchedName().startsWith("amox"));
  }

  @Test
  void shouldForgiveTypos() {
    Formulary formulary = DpdTestData.formulary();

    NameMatch missingL = formulary.byName("amoxicilin").get(0);
    assertThat(missingL.kind()).isEqualTo(MatchKind.FUZZY);
    assertThat(missingL.matchedName()).isEqualTo("amoxicillin");
    assertThat(missingL.distance()).isEqualTo(1);

    NameMatch britishSpelling = formulary.byName("cefalexin").get(0);
    assertThat(britishSpelling.kind()).isEqualTo(MatchKind.FUZZY);
    assertThat(britishSpelling.matchedName()).isEqualTo("cephalexin");
    assertThat(britishSpelling.distance()).isEqualTo(2);
  }

  @Test
  void shouldMatchABrandToItsIngredientAndTheIngredientBack() {
    Formulary formulary = DpdTestData.formulary();

    List<NameMatch> ceftin = formulary.byName("Ceftin");
    assertThat(ceftin).hasSize(1);
    assertThat(ceftin.get(0).kind()).isEqualTo(MatchKind.EXACT);
    assertThat(ceftin.get(0).product().getDin()).isEqualTo("02212307");
    assertThat(ceftin.get(0).product().getIngredients().get(0).getName())
        .isEqualTo("CEFUROXIME (CEFUROXIME AXETIL)");

    assertThat(formulary.byName("cefuroxime axetil"))
        .filteredOn(m -> m.kind() == MatchKind.EXACT)
        .extracting(m -> m.product().getDin())
        .contains("02212307", "02244393", "02244394");
    // Cefuroxime sodium (injectable) is cefuroxime, but not cefuroxime axetil.
    assertThat(formulary.byIngredient("cefuroxime axetil"))
        .allMatch(p -> p.getIngredients().get(0).getName().contains("AXETIL"));
    assertThat(formulary.byIngredient("CEFUROXIME (CEFUROXIME AXETIL)"))
        .anyMatch(p -> p.getIngredients().get(0).getName().contains("SODIUM"));
  }

  @Test
  void shouldIgnoreStrengthAndFormWordsInTheQuery() {
    Formulary formulary = DpdTestData.formulary();

    assertThat(formulary.byName("amoxicillin 250mg")).isEqualTo(formulary.byName("amoxicillin"));
    assertThat(formulary.byName("cephalexin caps")).isEqualTo(formulary.byName("cephalexin"));
    // The whole query is tried first, so a brand's own suffix still matches exactly.
    assertThat(formulary.byName("Ventolin HFA").get(0).product().getDin()).isEqualTo("02241497");
  }

  @Test
  void shouldRefuseAFolderThatIsNotAnExtract(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> DpdReader.read(dir.resolve("missing")))
        .isInstanceOf(NoSuchFileException.class);
    assertThat(DpdReader.read(dir)).isEmpty();
    Files.createDirectory(dir.resolve("approved"));
    assertThatThrownBy(() -> DpdReader.read(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("drug_ap.txt");
  }

  @Test
  void shouldIndexEveryProductUnderItsBrandAndIngredients() {
    List<FormularyProduct> products = DpdTestData.products();
    Map<String, io.streamsight.events.FormularyNameEntry> index =
        FormularyNames.index(products).stream()
            .collect(Collectors.toMap(e -> e.getName(), Function.identity()));

    assertThat(index.get("ceftin").getKind()).isEqualTo(FormularyNames.BRAND);
    assertThat(index.get("cefuroxime axetil").getKind()).isEqualTo(FormularyNames.INGREDIENT);
    assertThat(index.get("amoxicillin").getKind()).isEqualTo(FormularyNames.BOTH);
    // OxyNeo's seven strengths, one DIN each, sorted.
    assertThat(index.get("oxyneo").getDins()).hasSize(7).contains("02372568").isSorted();
  }

  private static String strengthAndForm(FormularyProduct p) {
    FormularyIngredient i = p.getIngredients().get(0);
    String per =
        i.getDosageUnit() == null
            ? ""
            : "/"
                + (i.getDosageValue() == null ? "" : fmt(i.getDosageValue()) + " ")
                + i.getDosageUnit();
    return fmt(i.getStrength()) + " " + i.getStrengthUnit() + per + " " + p.getDosageForms().get(0);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  static FormularyIngredient ingredient(
      String name, Double strength, String unit, Double per, String perUnit) {
    return FormularyIngredient.newBuilder()
        .setName(name)
        .setStrength(strength)
        .setStrengthUnit(unit)
        .setDosageValue(per)
        .setDosageUnit(perUnit)
        .build();
  }
}
