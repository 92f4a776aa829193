package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drug names as prescribers write them and the DPD does not: the few abbreviations pharmacists read
 * without a second thought, and combination products named by their ingredients
 * ("sulfamethoxazole/trimethoprim", "amoxicillin-clavulanate", "acetaminophen with codeine").
 *
 * <p>The abbreviation table is deliberately small: each entry is a name in everyday Canadian use
 * that prefix and fuzzy matching cannot reach. Abbreviations such as "amox" or "clav" need no entry
 * (they are prefixes of amoxicillin and clavulanic acid). Entries ISMP Canada lists as error-prone
 * ("Do Not Use: Dangerous Abbreviations, Symbols and Dose Designations": MS, MSO4, MgSO4) carry the
 * reason, so that a validator reads them but asks for a review.
 */
public final class DrugNames {

  /**
   * A written abbreviation and what it stands for.
   *
   * @param written the abbreviation, normalised (see {@link FormularyNames#normalize})
   * @param meaning the ingredient name it stands for, as a formulary name query
   * @param errorProne why ISMP Canada lists it as error-prone, or null when it is not listed
   */
  public record Abbreviation(String written, String meaning, String errorProne) {}

  private static final String ISMP = "is on ISMP Canada's Do Not Use list";

  /** Normalised abbreviation → its meaning; see the class documentation for what belongs here. */
  private static final Map<String, Abbreviation> ABBREVIATIONS =
      table(
          new Abbreviation("hctz", "hydrochlorothiazide", null),
          new Abbreviation("apap", "acetaminophen", null),
          new Abbreviation("asa", "acetylsalicylic acid", null),
          // "SMX-TMP", "TMP-SMX", "SMX/TMP": read component by component
          new Abbreviation("smx", "sulfamethoxazole", null),
          new Abbreviation("tmp", "trimethoprim", null),
          new Abbreviation("pen vk", "penicillin v", null),
          new Abbreviation("penicillin vk", "penicillin v", null),
          new Abbreviation("ntg", "nitroglycerin", null),
          new Abbreviation("kcl", "potassium chloride", null),
          // the INN; the DPD uses the Canadian spelling
          new Abbreviation("cefalexin", "cephalexin", null),
          new Abbreviation("ms", "morphine", ISMP + " (mistaken for magnesium sulfate)"),
          new Abbreviation("mso4", "morphine sulfate", ISMP + " (mistaken for magnesium sulfate)"),
          new Abbreviation(
              "mgso4", "magnesium sulfate", ISMP + " (mistaken for morphine sulfate)"));

  /** Separators between the ingredients of a combination name. */
  private static final Pattern COMBINATION_SEPARATOR =
      Pattern.compile(
          "\\s*(?:/|\\+|&|-|,|\\bwith\\b|\\band\\b|\\bw/)\\s*", Pattern.CASE_INSENSITIVE);

  private DrugNames() {}

  private static Map<String, Abbreviation> table(Abbreviation... entries) {
    Map<String, Abbreviation> map = new HashMap<>();
    for (Abbreviation a : entries) {
      map.put(a.written(), a);
    }
    return Map.copyOf(map);
  }

  /** The abbreviation a whole name is, if it is one ("HCTZ", "pen VK", "MSO4"). */
  public static Optional<Abbreviation> abbreviation(String name) {
    return Optional.ofNullable(ABBREVIATIONS.get(FormularyNames.normalize(name)));
  }

  /**
   * The ingredient names a combination name lists, split on {@code / - + & ,}, "with" and "and"
   * ("amoxicillin-clavulanate" → amoxicillin, clavulanate); a single element for a name with no
   * separator. Components are trimmed and may be abbreviations; empty components are dropped.
   */
  public static List<String> components(String name) {
    List<String> parts = new ArrayList<>();
    if (name == null) {
      return parts;
    }
    for (String part : COMBINATION_SEPARATOR.split(name.strip())) {
      if (!FormularyNames.normalize(part).isEmpty()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }

  /**
   * Which of a product's ingredients each component of a combination name stands for, in the
   * components' order: each component must match a different ingredient, exactly, as a prefix of at
   * least 3 characters, or through an abbreviation, as single names match. The product may have
   * more ingredients than the name lists ("acetaminophen with codeine" for a tablet that also holds
   * caffeine), as a single ingredient name matches a combination product.
   *
   * @return the ingredient indexes, one per component; empty when the name has fewer than two
   *     components or any component does not match
   */
  public static Optional<List<Integer>> combinationMatch(String name, FormularyProduct product) {
    List<String> components = components(name);
    if (components.size() < 2) {
      return Optional.empty();
    }
    List<FormularyIngredient> ingredients = product.getIngredients();
    List<Integer> matched = new ArrayList<>();
    for (String component : components) {
      int best = -1;
      boolean bestExact = false;
      String query = query(component);
      for (int i = 0; i < ingredients.size(); i++) {
        if (matched.contains(i)) {
          continue;
        }
        for (String known : FormularyNames.ingredientNames(ingredients.get(i).getName())) {
          boolean exact = known.equals(query);
          boolean prefix =
              query.length() >= FormularySearch.MIN_PARTIAL_LENGTH && known.startsWith(query);
          if ((exact && !bestExact) || (prefix && best < 0)) {
            best = i;
            bestExact = exact;
          }
        }
      }
      if (best < 0) {
        return Optional.empty();
      }
      matched.add(best);
    }
    return Optional.of(List.copyOf(matched));
  }

  /**
   * A whole name as a formulary name query: the meaning of an abbreviation ("HCTZ" →
   * hydrochlorothiazide), else the name as written.
   */
  public static String expand(String name) {
    return abbreviation(name).map(Abbreviation::meaning).orElse(name);
  }

  /**
   * The base name an ingredient is known by, normalised: {@code "AMOXICILLIN (AMOXICILLIN
   * TRIHYDRATE)"} → {@code amoxicillin}; two products hold the same ingredient when their base
   * names are equal.
   */
  public static String baseName(String dpdName) {
    List<String> names = FormularyNames.ingredientNames(dpdName);
    return names.isEmpty() ? "" : names.get(0);
  }

  /** A component as a name query: without strength and form words, abbreviations expanded. */
  private static String query(String component) {
    Optional<Abbreviation> abbreviation = abbreviation(component);
    if (abbreviation.isPresent()) {
      return abbreviation.get().meaning();
    }
    List<String> forms = FormularyNames.queryForms(component);
    return forms.isEmpty() ? "" : forms.get(forms.size() - 1);
  }
}
