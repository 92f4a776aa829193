package io.streamsight.processors.medication;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import io.streamsight.events.ValidationStatus;
import io.streamsight.processors.medication.formulary.DrugNames;
import io.streamsight.processors.medication.formulary.Formulary;
import io.streamsight.processors.medication.formulary.MatchKind;
import io.streamsight.processors.medication.formulary.NameMatch;
import io.streamsight.processors.medication.sig.ParsedSig;
import io.streamsight.processors.medication.sig.SigNote;
import io.streamsight.processors.medication.sig.SigParser;
import io.streamsight.processors.medication.sig.Strength;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
    // A strength the sig names ("t 250mg") comes first, else the one in the drug name. Without
    // one, doses written as amounts of drug ("500 mg po tid", "20 units") say the strength.
    boolean sigStrength = sig != null && sig.strength() != null;
    List<Strength> strengths = sigStrength ? List.of(sig.strength()) : Strengths.allInName(written);
    List<DailyDoses.Dose> amounts =
        sig == null || sigStrength ? List.of() : DailyDoses.amounts(sig.dosages());

    Identity identity = identify(order, name, strengths, amounts, findings);
    FormularyProduct product = identity.product();
    // The strength is the DIN's product's; when the name says another drug, that comes first.
    if (product != null && !identity.nameConflict()) {
      checkStrength(
          product,
          identity.components(),
          strengths,
          sigStrength,
          sig != null,
          order.din() != null,
          amounts,
          findings);
    }
    if (sig != null) {
      for (SigNote note : sig.notes()) {
        findings.add(new Finding(note.type(), note.message(), noteLevel(note)));
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
    Strength strength = strengths.isEmpty() ? null : strengths.get(0);
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
    ValidationStatus status = status(findings);
    // Each Dosage is encoded once: for the validation record and inside the MedicationRequest.
    List<String> dosageJson = reading == null ? List.of() : reading.dosageJson();
    String request =
        FhirJsonWriter.medicationRequest(
            MedicationRequestFactory.build(
                order, sig, product, dispense, order.quantityUnit(), supplyDays, status),
            dosageJson);
    return new ValidationResult(
        order,
        status,
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

  /**
   * The product an order names, with which of its ingredients a combination name lists, and whether
   * the name conflicts with the DIN.
   *
   * @param product the product, or null when none is identified
   * @param components for a combination name ("amoxicillin-clavulanate"), the index of the
   *     product's ingredient each named component stands for, in the name's order; else empty
   * @param nameConflict whether the name given is neither the DIN's brand nor its ingredients
   */
  private record Identity(
      FormularyProduct product, List<Integer> components, boolean nameConflict) {
    static final Identity NONE = new Identity(null, List.of(), false);
  }

  /** How a written name fits a product; see {@link #nameFit}. */
  private record NameFit(
      MatchKind kind, int distance, String matchedName, List<Integer> components) {}

  /** The product the order names, by DIN, else by drug name. */
  private Identity identify(
      OrderInput order,
      String name,
      List<Strength> strengths,
      List<DailyDoses.Dose> amounts,
      List<Finding> findings) {
    boolean named = name != null && !name.isBlank();
    if (named) {
      errorProneNames(name, findings);
    }
    if (order.din() != null) {
      Optional<FormularyProduct> byDin = formulary.byDin(order.din());
      if (byDin.isEmpty()) {
        findings.add(
            Finding.critical(
                "DinNotFoundError",
                "Prescribed DIN is not valid: no details found for DIN " + order.din()));
        return Identity.NONE;
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
      if (!named) {
        return new Identity(product, List.of(), false);
      }
      Optional<NameFit> fit = nameFit(name, product);
      if (fit.isEmpty()) {
        findings.add(
            Finding.critical(
                "DrugNameConflictError",
                "Conflict between prescribed DIN "
                    + product.getBrandName()
                    + "/"
                    + ingredientNames(product)
                    + " and specified drugname "
                    + name));
        return new Identity(product, List.of(), true);
      }
      if (fit.get().kind() == MatchKind.FUZZY && fit.get().distance() > 1) {
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
      return new Identity(product, fit.get().components(), false);
    }
    if (!named) {
      findings.add(
          Finding.critical("DinNotFoundError", "The order gives neither a DIN nor a drug name"));
      return Identity.NONE;
    }
    List<FormularyProduct> marketed = byName(name);
    if (marketed.isEmpty()) {
      findings.add(
          Finding.critical(
              "DinNotFoundError",
              "No DIN given and no marketed product matches the drug name " + name));
      return Identity.NONE;
    }
    FormularyProduct chosen = choose(marketed, name, strengths, amounts);
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
    return new Identity(
        chosen,
        DrugNames.combinationMatch(DrugNames.expand(name), chosen).orElse(List.of()),
        false);
  }

  /**
   * Marketed products a name identifies without a DIN: by the name (an abbreviation read as what it
   * stands for), else, for a combination name, the products holding every ingredient it lists. A
   * fuzzy match is a suggestion, never an identification.
   */
  private List<FormularyProduct> byName(String name) {
    String query = DrugNames.expand(name);
    List<FormularyProduct> marketed = marketedNonFuzzy(query);
    List<String> components = DrugNames.components(query);
    if (marketed.isEmpty() && components.size() > 1) {
      marketed =
          marketedNonFuzzy(DrugNames.expand(components.get(0))).stream()
              .filter(p -> DrugNames.combinationMatch(query, p).isPresent())
              .toList();
    }
    return marketed;
  }

  private List<FormularyProduct> marketedNonFuzzy(String query) {
    return formulary.byName(query).stream()
        .filter(m -> m.kind() != MatchKind.FUZZY)
        .map(NameMatch::product)
        .filter(p -> "MARKETED".equals(p.getMarketingStatus()))
        .toList();
  }

  /**
   * Among products matched by name, the first whose strength is the one written, else the first a
   * dose of drug is exactly one unit of, else one it is a whole number of, else the first.
   */
  private static FormularyProduct choose(
      List<FormularyProduct> products,
      String name,
      List<Strength> strengths,
      List<DailyDoses.Dose> amounts) {
    if (!strengths.isEmpty()) {
      for (FormularyProduct p : products) {
        List<Integer> components =
            DrugNames.combinationMatch(DrugNames.expand(name), p).orElse(List.of());
        List<StrengthPair> pairs = pairs(p, components, strengths);
        if (!pairs.isEmpty() && totalDistance(p, pairs).map(d -> d < 1e-6).orElse(false)) {
          return p;
        }
      }
      return products.get(0);
    }
    FormularyProduct whole = null;
    for (FormularyProduct p : products) {
      List<DoseUnits.DoseOf> doses = dosesOf(amounts, p);
      if (doses.isEmpty() || doses.stream().anyMatch(d -> !d.deliverable())) {
        continue;
      }
      if (doses.stream().allMatch(d -> Math.abs(d.count() - 1) < 1e-6)) {
        return p;
      }
      if (whole == null) {
        whole = p;
      }
    }
    return whole != null ? whole : products.get(0);
  }

  /**
   * How the written name fits the DIN's product: exactly or as an abbreviation, as a one-letter
   * typo, as a further-off spelling (a warning: "prednisone" is two letters from prednisolone), or
   * not at all. An abbreviation in {@link DrugNames} is read as what it stands for ("HCTZ",
   * "cefalexin"); a combination name matches when each ingredient it lists is one of the product's
   * ("amoxicillin-clavulanate", "acetaminophen with codeine").
   */
  private Optional<NameFit> nameFit(String name, FormularyProduct product) {
    String query = DrugNames.expand(name);
    Optional<NameMatch> whole = nameMatch(query, product);
    if (whole.isEmpty() && !query.equals(name)) {
      whole = nameMatch(name, product);
    }
    if (whole.isPresent() && whole.get().kind() != MatchKind.FUZZY) {
      return whole.map(m -> new NameFit(m.kind(), m.distance(), m.matchedName(), List.of()));
    }
    Optional<List<Integer>> combination = DrugNames.combinationMatch(query, product);
    if (combination.isPresent()) {
      return Optional.of(new NameFit(MatchKind.EXACT, 0, query, combination.get()));
    }
    return whole.map(m -> new NameFit(m.kind(), m.distance(), m.matchedName(), List.of()));
  }

  private Optional<NameMatch> nameMatch(String name, FormularyProduct product) {
    return formulary.byName(name).stream()
        .filter(m -> m.product().getDin().equals(product.getDin()))
        .min(Comparator.comparing(NameMatch::kind).thenComparingInt(NameMatch::distance));
  }

  /** A drug name (or a component of a combination name) on ISMP Canada's Do Not Use list. */
  private static void errorProneNames(String name, List<Finding> findings) {
    List<String> parts = new ArrayList<>(List.of(name));
    List<String> components = DrugNames.components(name);
    if (components.size() > 1) {
      parts.addAll(components);
    }
    for (String part : parts) {
      DrugNames.abbreviation(part)
          .filter(a -> a.errorProne() != null)
          .ifPresent(
              a ->
                  findings.add(
                      Finding.warning(
                          "ErrorProneAbbreviation",
                          "The drug name '"
                              + part.strip()
                              + "' "
                              + a.errorProne()
                              + "; write '"
                              + a.meaning()
                              + "'")));
    }
  }

  /**
   * The strength checks: a strength written in the sig or the name against the DIN's; else doses
   * written as amounts of drug, which must be whole units of the DIN's strength for tablets (halves
   * allowed), capsules and the like (any amount of a liquid can be measured); else, when neither
   * says a strength and the ingredient comes in several, which strength the DIN implies (not when
   * the sig could not be read: it may well say one).
   */
  private void checkStrength(
      FormularyProduct product,
      List<Integer> components,
      List<Strength> strengths,
      boolean sigStrength,
      boolean sigRead,
      boolean dinGiven,
      List<DailyDoses.Dose> amounts,
      List<Finding> findings) {
    boolean given = !strengths.isEmpty();
    if (given && (checkWrittenStrength(product, components, strengths, findings) || sigStrength)) {
      return;
    }
    List<DoseUnits.DoseOf> doses = dosesOf(amounts, product);
    if (!doses.isEmpty()) {
      doses.stream()
          .filter(d -> !d.deliverable())
          .findFirst()
          .ifPresent(d -> flagDose(product, d, findings));
      return;
    }
    if (!given && sigRead) {
      checkMissingStrength(product, dinGiven, findings);
    }
  }

  /** A written strength paired with the ingredient it is the strength of, by base name. */
  private record StrengthPair(Strength written, String ingredient) {}

  /** Whether the written strength differs from the DIN's; if so, says so and names the closest. */
  private boolean checkWrittenStrength(
      FormularyProduct product,
      List<Integer> components,
      List<Strength> strengths,
      List<Finding> findings) {
    List<StrengthPair> pairs = pairs(product, components, strengths);
    Optional<Double> distance = totalDistance(product, pairs);
    if (distance.isEmpty() || distance.get() < 1e-6) {
      return false;
    }
    String written = Strengths.describe(strengths);
    findings.add(
        Finding.warning(
            "StrengthNotFoundError",
            "No exact strength match is found: the order says "
                + written
                + ", DIN "
                + product.getDin()
                + " is "
                + Strengths.describe(product)));
    sameIngredientsAndForm(product).stream()
        .filter(p -> totalDistance(p, pairs).isPresent())
        .min(
            Comparator.comparing((FormularyProduct p) -> !sameSalts(p, product))
                .thenComparing(p -> totalDistance(p, pairs).orElseThrow())
                .thenComparing(FormularyProduct::getDin))
        .ifPresent(p -> findings.add(closestFinding(written, p)));
    return true;
  }

  /**
   * Which ingredient each written strength is of: the only one; for a combination name, the
   * ingredients it lists in its order ("sulfamethoxazole/trimethoprim 800/160"); else each strength
   * to the ingredient whose strength is nearest. Strengths whose unit cannot be compared with their
   * ingredient's are left out.
   */
  private static List<StrengthPair> pairs(
      FormularyProduct product, List<Integer> components, List<Strength> strengths) {
    List<FormularyIngredient> ingredients = product.getIngredients();
    List<StrengthPair> pairs = new ArrayList<>();
    if (ingredients.size() == 1) {
      add(pairs, strengths.get(0), ingredients.get(0));
    } else if (components.size() > 1) {
      for (int k = 0; k < Math.min(components.size(), strengths.size()); k++) {
        add(pairs, strengths.get(k), ingredients.get(components.get(k)));
      }
    } else {
      List<FormularyIngredient> free = new ArrayList<>(ingredients);
      for (Strength s : strengths) {
        free.stream()
            .filter(i -> Strengths.distance(s, i).isPresent())
            .min(Comparator.comparing(i -> Strengths.distance(s, i).orElseThrow()))
            .ifPresent(
                i -> {
                  free.remove(i);
                  add(pairs, s, i);
                });
      }
    }
    return pairs;
  }

  private static void add(List<StrengthPair> pairs, Strength s, FormularyIngredient i) {
    if (Strengths.distance(s, i).isPresent()) {
      pairs.add(new StrengthPair(s, DrugNames.baseName(i.getName())));
    }
  }

  /**
   * The sum of the pairs' distances to a product's ingredients of the same base names; empty when
   * there are no pairs or the product lacks one of those ingredients.
   */
  private static Optional<Double> totalDistance(
      FormularyProduct product, List<StrengthPair> pairs) {
    if (pairs.isEmpty()) {
      return Optional.empty();
    }
    double total = 0;
    for (StrengthPair pair : pairs) {
      Optional<Double> d =
          ingredient(product, pair.ingredient())
              .flatMap(i -> Strengths.distance(pair.written(), i));
      if (d.isEmpty()) {
        return Optional.empty();
      }
      total += d.get();
    }
    return Optional.of(total);
  }

  private static Optional<FormularyIngredient> ingredient(FormularyProduct product, String base) {
    return product.getIngredients().stream()
        .filter(i -> i.getStrength() != null && DrugNames.baseName(i.getName()).equals(base))
        .findFirst();
  }

  /** The doses written as amounts of drug, read against the product; see {@link DoseUnits}. */
  private static List<DoseUnits.DoseOf> dosesOf(
      List<DailyDoses.Dose> amounts, FormularyProduct product) {
    List<DoseUnits.DoseOf> doses = new ArrayList<>();
    for (DailyDoses.Dose amount : amounts) {
      DoseUnits.doseOf(amount.value(), amount.unit(), product).ifPresent(doses::add);
    }
    return doses;
  }

  /**
   * A dose that is not a whole number of the DIN's units (400 mg of a 500 mg capsule): names the
   * closest strength of the same ingredients and form, preferring ones the dose is a whole number
   * of.
   */
  private void flagDose(FormularyProduct product, DoseUnits.DoseOf dose, List<Finding> findings) {
    double value = dose.count() * dose.ingredient().getStrength();
    Strength amount = new Strength(value, nullToEmpty(dose.ingredient().getStrengthUnit()));
    String written = Strengths.describe(amount).toLowerCase(Locale.ROOT);
    boolean tablets = DoseUnits.counting(product) == DoseUnits.Counting.TABLETS;
    findings.add(
        Finding.warning(
            "StrengthNotFoundError",
            "No exact strength match is found: a dose of "
                + written
                + " is "
                + Strengths.number(Math.round(dose.count() * 100) / 100.0)
                + " of DIN "
                + product.getDin()
                + "'s "
                + Strengths.describe(product)
                + " "
                + String.join(", ", product.getDosageForms()).toLowerCase(Locale.ROOT)
                + (tablets ? ", not a whole or half number" : ", not a whole number")));
    String base = DrugNames.baseName(dose.ingredient().getName());
    sameIngredientsAndForm(product).stream()
        .map(p -> ingredient(p, base).map(i -> new Candidate(p, i, amount)))
        .flatMap(Optional::stream)
        .filter(c -> c.count().isPresent())
        .min(
            Comparator.comparing((Candidate c) -> !sameSalts(c.product(), product))
                .thenComparing(c -> !c.deliverable())
                .thenComparing(c -> Math.abs(Math.log(c.count().orElseThrow())))
                .thenComparing(c -> c.product().getDin()))
        .ifPresent(c -> findings.add(closestFinding(written, c.product())));
  }

  /** A product the dose could be given with, for naming the closest strength. */
  private record Candidate(
      FormularyProduct product, FormularyIngredient ingredient, Strength dose) {
    Optional<Double> count() {
      return Strengths.amountRatio(dose.value(), dose.unit(), ingredient);
    }

    boolean deliverable() {
      DoseUnits.Counting counting = DoseUnits.counting(product);
      return counting == DoseUnits.Counting.MEASURED
          || Strengths.wholeUnits(count().orElseThrow(), counting == DoseUnits.Counting.TABLETS);
    }
  }

  private static Finding closestFinding(String written, FormularyProduct p) {
    return Finding.info(
        "ClosestStrengthFoundError",
        "Closest drug strength found for "
            + written
            + " is "
            + Strengths.describe(p)
            + " (DIN "
            + p.getDin()
            + ", "
            + p.getBrandName()
            + ")");
  }

  /**
   * Neither the sig nor the name gives a strength: when the ingredient comes in several strengths
   * of this form, the DIN's is used and the pharmacist is told so. A DIN the order gives names one
   * product, so its strength is not in doubt: the finding is information and the order is not held
   * for review. A product chosen by name is one of several strengths, so that is a warning.
   */
  private void checkMissingStrength(
      FormularyProduct product, boolean dinGiven, List<Finding> findings) {
    Optional<FormularyIngredient> ingredient = Strengths.single(product);
    if (ingredient.isEmpty()) {
      return;
    }
    TreeSet<String> strengths = new TreeSet<>();
    for (FormularyProduct p : sameIngredientsAndForm(product)) {
      Strengths.single(p).map(Strengths::describe).ifPresent(strengths::add);
    }
    if (strengths.size() > 1) {
      String message =
          "Common Drug strength is provided: the order gives no strength, so DIN "
              + product.getDin()
              + "'s "
              + Strengths.describe(ingredient.get())
              + " is used; "
              + ingredient.get().getName().toLowerCase(Locale.ROOT)
              + " comes in "
              + String.join(", ", strengths);
      String type = "MissingStrengthDataError";
      findings.add(dinGiven ? Finding.info(type, message) : Finding.warning(type, message));
    }
  }

  /**
   * Marketed human products with the same active ingredients (by base name) and the same dosage
   * form, this one included.
   */
  private List<FormularyProduct> sameIngredientsAndForm(FormularyProduct product) {
    if (product.getIngredients().isEmpty()) {
      return List.of();
    }
    Set<String> bases = baseNames(product);
    return formulary.byIngredient(product.getIngredients().get(0).getName()).stream()
        .filter(p -> "MARKETED".equals(p.getMarketingStatus()))
        .filter(p -> "Human".equalsIgnoreCase(p.getProductClass()))
        .filter(p -> p.getIngredients().size() == product.getIngredients().size())
        .filter(p -> baseNames(p).equals(bases))
        .filter(p -> p.getDosageForms().equals(product.getDosageForms()))
        .toList();
  }

  /**
   * Whether two products hold the same salts ("BETAMETHASONE (BETAMETHASONE VALERATE)"), which the
   * closest strength prefers: a dipropionate is not the nearest valerate.
   */
  private static boolean sameSalts(FormularyProduct a, FormularyProduct b) {
    return ingredientNameSet(a).equals(ingredientNameSet(b));
  }

  private static Set<String> ingredientNameSet(FormularyProduct product) {
    Set<String> names = new HashSet<>();
    for (FormularyIngredient i : product.getIngredients()) {
      names.add(i.getName().toUpperCase(Locale.ROOT));
    }
    return names;
  }

  private static Set<String> baseNames(FormularyProduct product) {
    Set<String> names = new HashSet<>();
    for (FormularyIngredient i : product.getIngredients()) {
      names.add(DrugNames.baseName(i.getName()));
    }
    return names;
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

  /**
   * A sig note's level; ISMP error-prone abbreviations are at most warnings: the issue lists them
   * with the findings that send an order to review, not with those that reject it.
   */
  private static Finding.Level noteLevel(SigNote note) {
    Finding.Level level = level(note.level());
    if ("ErrorProneAbbreviation".equals(note.type()) && level == Finding.Level.CRITICAL) {
      return Finding.Level.WARNING;
    }
    return level;
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
