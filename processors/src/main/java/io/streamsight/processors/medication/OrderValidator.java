package io.streamsight.processors.medication;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import io.streamsight.events.ValidationStatus;
import io.streamsight.processors.medication.formulary.Formulary;
import io.streamsight.processors.medication.formulary.MatchKind;
import io.streamsight.processors.medication.formulary.NameMatch;
import io.streamsight.processors.medication.sig.ParsedSig;
import io.streamsight.processors.medication.sig.SigNote;
import io.streamsight.processors.medication.sig.SigParser;
import io.streamsight.processors.medication.sig.Strength;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Dosage;

/**
 * Validates a medication order: parses its sig, matches its DIN and drug name against the
 * formulary, checks the strength, route and maximum dose, and computes the days of supply.
 *
 * <p>Product identity problems ({@code DinNotFoundError}, {@code NotMarketedError}, {@code
 * DrugNameConflictError}, {@code UnparseableSigError}) reject the order; strength problems and
 * warnings send it to review; otherwise it is accepted. Thread-safe when its parser and formulary
 * are.
 */
public final class OrderValidator {

  private final Function<String, SigReading> sigs;
  private final Formulary formulary;

  public OrderValidator(SigParser parser, Formulary formulary) {
    this(text -> SigReading.read(parser, text), formulary);
  }

  /**
   * @param sigs reads a sig text (parse and Dosage JSON), e.g. through a per-processor {@link
   *     SigCache}
   */
  OrderValidator(Function<String, SigReading> sigs, Formulary formulary) {
    this.sigs = sigs;
    this.formulary = formulary;
  }

  public ValidationResult validate(OrderInput order) {
    List<Finding> findings = new ArrayList<>();
    SigReading reading = read(order, findings);
    ParsedSig sig = reading == null ? null : reading.sig();

    String written =
        order.drugName() != null ? order.drugName() : sig == null ? null : sig.drugName();
    String name = written == null ? null : Strengths.stripStrength(written);
    Strength strength =
        sig != null && sig.strength() != null
            ? sig.strength()
            : Strengths.inName(written).orElse(null);

    FormularyProduct product = identify(order, name, strength, findings);
    if (product != null) {
      checkStrength(product, strength, findings);
    }
    if (sig != null) {
      for (SigNote note : sig.notes()) {
        findings.add(new Finding(note.type(), note.message(), level(note.level())));
      }
      if (product != null) {
        sig.dosages().stream()
            .map(d -> RouteFormCheck.check(d, product))
            .flatMap(Optional::stream)
            .findFirst()
            .ifPresent(findings::add);
      }
      checkMaximumDose(sig, findings);
    }

    Double dispense =
        order.quantity() != null ? order.quantity() : sig == null ? null : sig.dispenseQuantity();
    if (dispense != null && dispense <= 0) {
      findings.add(
          Finding.warning(
              "InvalidQuantityWarning",
              "The quantity to dispense is "
                  + Strengths.number(dispense)
                  + "; it must be above 0"));
    }
    Integer supplyDays = null;
    if (sig != null && dispense != null && dispense > 0) {
      supplyDays =
          DailyDoses.steps(sig.dosages())
              .flatMap(
                  steps ->
                      SupplyCalculator.days(
                          steps, dispense, order.quantityUnit(), product, strength))
              .orElse(null);
    }
    findings.sort(Comparator.comparing(Finding::level));
    // Each Dosage is encoded once: for the validation record and inside the MedicationRequest.
    List<String> dosageJson = reading == null ? List.of() : reading.dosageJson();
    String request =
        FhirJsonWriter.medicationRequest(
            MedicationRequestFactory.build(
                order, sig, product, dispense, order.quantityUnit(), supplyDays),
            dosageJson);
    return new ValidationResult(
        order,
        status(findings),
        List.copyOf(findings),
        sig,
        product,
        dispense,
        supplyDays,
        dosageJson,
        request);
  }

  private SigReading read(OrderInput order, List<Finding> findings) {
    if (order.sig() == null || order.sig().isBlank()) {
      findings.add(Finding.critical("UnparseableSigError", "The order has no sig"));
      return null;
    }
    SigReading reading = sigs.apply(order.sig());
    if (reading.error() != null) {
      findings.add(Finding.critical("UnparseableSigError", reading.error()));
    }
    return reading;
  }

  /** The product the order names, by DIN, else by drug name; null when none. */
  private FormularyProduct identify(
      OrderInput order, String name, Strength strength, List<Finding> findings) {
    if (order.din() != null) {
      Optional<FormularyProduct> byDin = formulary.byDin(order.din());
      if (byDin.isEmpty()) {
        findings.add(
            Finding.critical(
                "DinNotFoundError",
                "Prescribed DIN is not valid: no details found for DIN " + order.din()));
        return null;
      }
      FormularyProduct product = byDin.get();
      if (!"MARKETED".equals(product.getMarketingStatus())) {
        findings.add(
            Finding.critical(
                "NotMarketedError",
                "DIN "
                    + product.getDin()
                    + " ("
                    + product.getBrandName()
                    + ") is "
                    + product.getMarketingStatus().toLowerCase(Locale.ROOT)
                    + " in the Drug Product Database, not marketed"));
      }
      Optional<NameMatch> fit =
          name == null || name.isBlank() ? Optional.empty() : nameMatch(name, product);
      if (fit.isPresent() && fit.get().kind() == MatchKind.FUZZY && fit.get().distance() > 1) {
        findings.add(
            Finding.warning(
                "DrugNameSpellingWarning",
                "The drug name "
                    + name
                    + " is spelled unlike DIN "
                    + product.getDin()
                    + "'s "
                    + fit.get().matchedName()
                    + "; check it is the same drug"));
      }
      if (name != null && !name.isBlank() && fit.isEmpty()) {
        findings.add(
            Finding.critical(
                "DrugNameConflictError",
                "Conflict between prescribed DIN "
                    + product.getBrandName()
                    + "/"
                    + ingredientNames(product)
                    + " and specified drugname "
                    + name));
      }
      return product;
    }
    if (name == null || name.isBlank()) {
      findings.add(
          Finding.critical("DinNotFoundError", "The order gives neither a DIN nor a drug name"));
      return null;
    }
    // A fuzzy match is a suggestion, never an identification.
    List<FormularyProduct> marketed =
        formulary.byName(name).stream()
            .filter(m -> m.kind() != MatchKind.FUZZY)
            .map(NameMatch::product)
            .filter(p -> "MARKETED".equals(p.getMarketingStatus()))
            .toList();
    if (marketed.isEmpty()) {
      findings.add(
          Finding.critical(
              "DinNotFoundError",
              "No DIN given and no marketed product matches the drug name " + name));
      return null;
    }
    FormularyProduct chosen =
        strength == null
            ? marketed.get(0)
            : marketed.stream()
                .filter(
                    p -> Strengths.single(p).map(i -> Strengths.matches(strength, i)).orElse(false))
                .findFirst()
                .orElse(marketed.get(0));
    findings.add(
        Finding.info(
            "ProductMatchedByName",
            "No DIN given: matched "
                + name
                + " to DIN "
                + chosen.getDin()
                + " ("
                + chosen.getBrandName()
                + ")"));
    return chosen;
  }

  /**
   * How the written name fits the DIN's product: exactly or as an abbreviation, as a one-letter
   * typo, as a further-off spelling (a warning: "cefalexin" is the INN for cephalexin, but
   * "prednisone" is also two letters from prednisolone), or not at all.
   */
  private Optional<NameMatch> nameMatch(String name, FormularyProduct product) {
    return formulary.byName(name).stream()
        .filter(m -> m.product().getDin().equals(product.getDin()))
        .min(Comparator.comparing(NameMatch::kind).thenComparingInt(NameMatch::distance));
  }

  private void checkStrength(FormularyProduct product, Strength strength, List<Finding> findings) {
    Optional<FormularyIngredient> ingredient = Strengths.single(product);
    if (ingredient.isEmpty()) {
      return;
    }
    if (strength != null) {
      if (Strengths.distance(strength, ingredient.get()).isPresent()
          && !Strengths.matches(strength, ingredient.get())) {
        findings.add(
            Finding.warning(
                "StrengthNotFoundError",
                "No exact strength match is found: the order says "
                    + Strengths.describe(strength)
                    + ", DIN "
                    + product.getDin()
                    + " is "
                    + Strengths.describe(ingredient.get())));
        closest(product, ingredient.get(), strength)
            .ifPresent(
                p ->
                    findings.add(
                        Finding.info(
                            "ClosestStrengthFoundError",
                            "Closest drug strength found for "
                                + Strengths.describe(strength)
                                + " is "
                                + Strengths.describe(Strengths.single(p).orElseThrow())
                                + " (DIN "
                                + p.getDin()
                                + ", "
                                + p.getBrandName()
                                + ")")));
      }
      return;
    }
    TreeSet<String> strengths = new TreeSet<>();
    for (FormularyProduct p : sameIngredientAndForm(product, ingredient.get())) {
      Strengths.single(p).map(Strengths::describe).ifPresent(strengths::add);
    }
    if (strengths.size() > 1) {
      findings.add(
          Finding.warning(
              "MissingStrengthDataError",
              "Common Drug strength is provided: the order gives no strength, so DIN "
                  + product.getDin()
                  + "'s "
                  + Strengths.describe(ingredient.get())
                  + " is used; "
                  + ingredient.get().getName().toLowerCase(Locale.ROOT)
                  + " comes in "
                  + String.join(", ", strengths)));
    }
  }

  /** The marketed product of the same ingredient and form whose strength is nearest. */
  private Optional<FormularyProduct> closest(
      FormularyProduct product, FormularyIngredient ingredient, Strength strength) {
    return sameIngredientAndForm(product, ingredient).stream()
        .filter(p -> Strengths.single(p).flatMap(i -> Strengths.distance(strength, i)).isPresent())
        .min(
            Comparator.comparing(
                    (FormularyProduct p) ->
                        Strengths.single(p)
                            .flatMap(i -> Strengths.distance(strength, i))
                            .orElseThrow())
                .thenComparing(FormularyProduct::getDin));
  }

  private List<FormularyProduct> sameIngredientAndForm(
      FormularyProduct product, FormularyIngredient ingredient) {
    return formulary.byIngredient(ingredient.getName()).stream()
        .filter(p -> "MARKETED".equals(p.getMarketingStatus()))
        .filter(p -> "Human".equalsIgnoreCase(p.getProductClass()))
        .filter(p -> p.getIngredients().size() == 1)
        .filter(p -> p.getDosageForms().equals(product.getDosageForms()))
        .toList();
  }

  /** A step whose regular doses add up to more per day than the sig's own maximum. */
  private static void checkMaximumDose(ParsedSig sig, List<Finding> findings) {
    for (Dosage limit : sig.dosages()) {
      Optional<DailyDoses.Dose> max = DailyDoses.maxPerDay(limit);
      if (max.isEmpty()) {
        continue;
      }
      double perDay = 0;
      for (Dosage d : sig.dosages()) {
        if (d.getSequence() != limit.getSequence() || DailyDoses.asNeeded(d)) {
          continue;
        }
        Optional<DailyDoses.Dose> dose = DailyDoses.dose(d);
        Optional<Double> times = DailyDoses.administrationsPerDay(d);
        if (dose.isPresent()
            && times.isPresent()
            && SupplyCalculator.unitFamily(dose.get().unit())
                .equals(SupplyCalculator.unitFamily(max.get().unit()))) {
          perDay += dose.get().value() * times.get();
        }
      }
      if (perDay > max.get().value() + 1e-9) {
        findings.add(
            Finding.warning(
                "MaxDoseExceededWarning",
                "The sig's daily dose of "
                    + Strengths.number(perDay)
                    + " "
                    + nullToEmpty(max.get().unit())
                    + " exceeds its own maximum of "
                    + Strengths.number(max.get().value())
                    + " a day"));
        return;
      }
    }
  }

  private static ValidationStatus status(List<Finding> findings) {
    if (findings.stream().anyMatch(f -> f.level() == Finding.Level.CRITICAL)) {
      return ValidationStatus.REJECTED;
    }
    if (findings.stream().anyMatch(f -> f.level() == Finding.Level.WARNING)) {
      return ValidationStatus.NEEDS_REVIEW;
    }
    return ValidationStatus.ACCEPTED;
  }

  private static Finding.Level level(String level) {
    return switch (level == null ? "" : level.toLowerCase(Locale.ROOT)) {
      case "critical" -> Finding.Level.CRITICAL;
      case "warning" -> Finding.Level.WARNING;
      default -> Finding.Level.INFO;
    };
  }

  private static String ingredientNames(FormularyProduct product) {
    return String.join(
        " + ",
        product.getIngredients().stream().map(i -> i.getName().toLowerCase(Locale.ROOT)).toList());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
