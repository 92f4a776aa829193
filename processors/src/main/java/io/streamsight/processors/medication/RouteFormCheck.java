package io.streamsight.processors.medication;

import io.streamsight.events.FormularyProduct;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;

/**
 * Whether the route and method a sig gives fit the product: "apply" for a tablet, an eye route for
 * an oral capsule, "take by mouth" for a cream.
 */
final class RouteFormCheck {

  /** SNOMED CT route codes to the DPD's route names. */
  private static final Map<String, String> SNOMED_TO_DPD =
      Map.ofEntries(
          Map.entry("26643006", "ORAL"),
          Map.entry("37839007", "SUBLINGUAL"),
          Map.entry("54471007", "BUCCAL"),
          Map.entry("6064005", "TOPICAL"),
          Map.entry("37161004", "RECTAL"),
          Map.entry("16857009", "VAGINAL"),
          Map.entry("447694001", "INHALATION"),
          Map.entry("18679011000001101", "INHALATION"),
          Map.entry("46713006", "NASAL"),
          Map.entry("54485002", "OPHTHALMIC"),
          Map.entry("10547007", "OTIC"),
          Map.entry("34206005", "SUBCUTANEOUS"),
          Map.entry("78421000", "INTRAMUSCULAR"),
          Map.entry("47625008", "INTRAVENOUS"),
          Map.entry("45890007", "TRANSDERMAL"));

  /** Words in a route's text to the DPD's route names, for routes given without a code. */
  private static final Map<String, String> WORD_TO_DPD =
      Map.ofEntries(
          Map.entry("mouth", "ORAL"),
          Map.entry("oral", "ORAL"),
          Map.entry("sublingual", "SUBLINGUAL"),
          Map.entry("tongue", "SUBLINGUAL"),
          Map.entry("topical", "TOPICAL"),
          Map.entry("skin", "TOPICAL"),
          Map.entry("rectal", "RECTAL"),
          Map.entry("vaginal", "VAGINAL"),
          Map.entry("inhal", "INHALATION"),
          Map.entry("nebul", "INHALATION"),
          Map.entry("nasal", "NASAL"),
          Map.entry("nose", "NASAL"),
          Map.entry("eye", "OPHTHALMIC"),
          Map.entry("ophthalmic", "OPHTHALMIC"),
          Map.entry("ear", "OTIC"),
          Map.entry("otic", "OTIC"),
          Map.entry("subcutaneous", "SUBCUTANEOUS"),
          Map.entry("intramuscular", "INTRAMUSCULAR"),
          Map.entry("intravenous", "INTRAVENOUS"),
          Map.entry("transdermal", "TRANSDERMAL"));

  /** Routes a product listed under one DPD route may also be given by without a warning. */
  private static final Map<String, Set<String>> COMPATIBLE =
      Map.of(
          "ORAL", Set.of("SUBLINGUAL", "BUCCAL"),
          "TOPICAL", Set.of("TRANSDERMAL", "CUTANEOUS"),
          "INHALATION", Set.of("NASAL"));

  private RouteFormCheck() {}

  /** A warning when the sig's route or method does not fit the product, else empty. */
  static Optional<Finding> check(Dosage dosage, FormularyProduct product) {
    Optional<String> route = route(dosage.getRoute());
    if (route.isPresent() && !product.getRoutes().isEmpty() && !fits(route.get(), product)) {
      return Optional.of(
          Finding.warning(
              "RouteMismatchWarning",
              "The sig's route "
                  + route.get().toLowerCase(Locale.ROOT)
                  + " does not fit "
                  + product.getBrandName()
                  + " ("
                  + String.join(", ", product.getDosageForms())
                  + ", "
                  + String.join(", ", product.getRoutes())
                  + ")"));
    }
    String method = text(dosage.getMethod());
    if (!method.isEmpty() && !methodFits(method, product)) {
      return Optional.of(
          Finding.warning(
              "MethodMismatchWarning",
              "The sig says \""
                  + method
                  + "\" but "
                  + product.getBrandName()
                  + " is a "
                  + String.join(", ", product.getDosageForms()).toLowerCase(Locale.ROOT)));
    }
    return Optional.empty();
  }

  private static boolean fits(String route, FormularyProduct product) {
    Set<String> allowed = new HashSet<>();
    for (String r : product.getRoutes()) {
      String upper = r.toUpperCase(Locale.ROOT);
      allowed.add(upper);
      allowed.addAll(COMPATIBLE.getOrDefault(upper, Set.of()));
    }
    return allowed.contains(route);
  }

  private static boolean methodFits(String method, FormularyProduct product) {
    String forms = String.join(" ", product.getDosageForms()).toUpperCase(Locale.ROOT);
    boolean solidOral =
        forms.contains("TABLET") || forms.contains("CAPSULE") || forms.contains("CAPLET");
    boolean semiSolid =
        forms.contains("CREAM")
            || forms.contains("OINTMENT")
            || forms.contains("GEL")
            || forms.contains("LOTION");
    boolean drops = forms.contains("DROPS") || (forms.contains("SOLUTION") && isEyeOrEar(product));
    String m = method.toLowerCase(Locale.ROOT);
    if (m.startsWith("apply") || m.startsWith("rub")) {
      return !solidOral;
    }
    if (m.startsWith("instill")) {
      return drops || (!solidOral && !semiSolid);
    }
    if (m.startsWith("take") || m.startsWith("swallow") || m.startsWith("chew")) {
      return !semiSolid && !isEyeOrEar(product);
    }
    if (m.startsWith("inhale")) {
      // a capsule for inhalation (tiotropium) is inhaled through its device
      return (!solidOral && !semiSolid) || hasRoute(product, "INHALATION");
    }
    return true;
  }

  private static boolean hasRoute(FormularyProduct product, String route) {
    return product.getRoutes().stream().anyMatch(r -> r.equalsIgnoreCase(route));
  }

  private static boolean isEyeOrEar(FormularyProduct product) {
    return product.getRoutes().stream()
        .map(r -> r.toUpperCase(Locale.ROOT))
        .anyMatch(r -> r.equals("OPHTHALMIC") || r.equals("OTIC"));
  }

  /** The route as a DPD route name, from its SNOMED code or, failing that, its words. */
  static Optional<String> route(CodeableConcept route) {
    if (route == null || route.isEmpty()) {
      return Optional.empty();
    }
    for (Coding coding : route.getCoding()) {
      String dpd = SNOMED_TO_DPD.get(coding.getCode());
      if (dpd != null) {
        return Optional.of(dpd);
      }
    }
    String words = text(route).toLowerCase(Locale.ROOT);
    for (var entry : WORD_TO_DPD.entrySet()) {
      if (words.contains(entry.getKey())) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  private static String text(CodeableConcept concept) {
    if (concept == null || concept.isEmpty()) {
      return "";
    }
    if (concept.hasText()) {
      return concept.getText();
    }
    for (Coding coding : concept.getCoding()) {
      if (coding.hasDisplay()) {
        return coding.getDisplay();
      }
    }
    return "";
  }
}
