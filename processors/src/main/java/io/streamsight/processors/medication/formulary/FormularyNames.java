package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Drug names as the formulary compares them, and the name index of the {@code formulary.names}
 * topic.
 *
 * <p>A normalised name is lower case, without accents, with every run of characters other than
 * letters and digits turned into one space: {@code "APO-AMOXI"} and {@code "Apo Amoxi"} both become
 * {@code "apo amoxi"}, {@code "Céfuroxime"} becomes {@code "cefuroxime"}.
 *
 * <p>Ingredients are indexed under the names prescribers write. The DPD writes salts as {@code BASE
 * (SALT)}: {@code "CEFUROXIME (CEFUROXIME AXETIL)"} is indexed as {@code cefuroxime} and {@code
 * cefuroxime axetil}. A one-word parenthesis that is not a salt ({@code "ALBUMIN (HUMAN)"}) gives
 * the base and the whole name ({@code albumin}, {@code albumin human}).
 */
public final class FormularyNames {

  /** {@link FormularyNameEntry#getKind()} of a name only brands carry. */
  public static final String BRAND = "brand";

  /** {@link FormularyNameEntry#getKind()} of a name only ingredients carry. */
  public static final String INGREDIENT = "ingredient";

  /** {@link FormularyNameEntry#getKind()} of a name that is a brand and an ingredient. */
  public static final String BOTH = "both";

  private static final Pattern STRENGTH =
      Pattern.compile(
          "\\d+(mg|mcg|ug|g|gm|kg|ml|l|meq|mmol|iu|u|unit|units|mgml|mcgml|mg5ml|mcgh|h|hr|d)?");

  /** Units, dosage forms, release types and routes written next to a drug name on an order. */
  private static final Set<String> STRENGTH_AND_FORM_WORDS =
      Set.of(
          // units
          "mg",
          "mcg",
          "ug",
          "g",
          "gm",
          "kg",
          "ml",
          "l",
          "meq",
          "mmol",
          "iu",
          "u",
          "unit",
          "units",
          "percent",
          "per",
          "x",
          // forms
          "tab",
          "tabs",
          "tablet",
          "tablets",
          "cap",
          "caps",
          "capsule",
          "capsules",
          "susp",
          "suspension",
          "sol",
          "soln",
          "solution",
          "syrup",
          "syr",
          "liquid",
          "elixir",
          "powder",
          "granules",
          "for",
          "cream",
          "crm",
          "oint",
          "ointment",
          "gel",
          "lotion",
          "drop",
          "drops",
          "gtt",
          "gtts",
          "inhaler",
          "inh",
          "puffer",
          "mdi",
          "spray",
          "injection",
          "inj",
          "vial",
          "pen",
          "patch",
          "supp",
          "suppository",
          "chewable",
          "chew",
          "lozenge",
          // release
          "er",
          "xr",
          "sr",
          "cr",
          "xl",
          "la",
          "ec",
          "dr",
          "odt",
          "mr",
          // routes
          "po",
          "oral",
          "topical",
          "ophthalmic",
          "ophth",
          "otic",
          "eye",
          "ear",
          "nasal",
          "inhaled",
          "inhalation",
          "im",
          "iv",
          "sc",
          "subcut",
          "sl",
          "vaginal",
          "rectal");

  private FormularyNames() {}

  /**
   * The normalised form of a name (see the class documentation); {@code ""} for null or a name with
   * no letter or digit.
   */
  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean gap = false;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.appendCodePoint(Character.toLowerCase(cp));
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /**
   * The name index of these products: one entry per normalised brand or ingredient name, with the
   * sorted DINs of the products that carry it, sorted by name. Products of every class are indexed
   * ({@link Formulary#byName} filters to Human when it answers).
   */
  public static List<FormularyNameEntry> index(Collection<FormularyProduct> products) {
    Map<String, NameAccumulator> names = new TreeMap<>();
    for (FormularyProduct product : products) {
      String brand = normalize(product.getBrandName());
      if (!brand.isEmpty()) {
        names.computeIfAbsent(brand, k -> new NameAccumulator()).add(product.getDin(), true);
      }
      for (FormularyIngredient ingredient : product.getIngredients()) {
        for (String name : ingredientNames(ingredient.getName())) {
          names.computeIfAbsent(name, k -> new NameAccumulator()).add(product.getDin(), false);
        }
      }
    }
    List<FormularyNameEntry> entries = new ArrayList<>(names.size());
    names.forEach(
        (name, acc) ->
            entries.add(
                FormularyNameEntry.newBuilder()
                    .setName(name)
                    .setKind(acc.kind())
                    .setDins(new ArrayList<>(acc.dins))
                    .build()));
    return entries;
  }

  /**
   * The normalised names an ingredient is indexed under, its base name first (see the class
   * documentation); empty when the name normalises to nothing.
   */
  static List<String> ingredientNames(String dpdName) {
    Set<String> names = new LinkedHashSet<>();
    String whole = normalize(dpdName);
    String raw = dpdName == null ? "" : dpdName.strip();
    int open = raw.indexOf('(');
    if (open > 0 && closingParenthesis(raw, open) == raw.length() - 1) {
      String base = normalize(raw.substring(0, open));
      String qualifier = normalize(raw.substring(open + 1, raw.length() - 1));
      String firstWord = base.split(" ", 2)[0];
      names.add(base);
      boolean salt = qualifier.contains(" ") || qualifier.startsWith(firstWord);
      names.add(salt ? qualifier : whole);
    } else {
      names.add(whole);
    }
    names.remove("");
    return List.copyOf(names);
  }

  /** Index of the parenthesis closing the one at {@code open}, or -1. */
  private static int closingParenthesis(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The forms of a name query to look up, most specific first: the normalised query, then the query
   * without strength and form words ({@code "amoxicillin 250 mg caps"} → {@code amoxicillin}) when
   * that differs and is not empty.
   */
  static List<String> queryForms(String query) {
    String whole = normalize(query);
    if (whole.isEmpty()) {
      return List.of();
    }
    StringBuilder kept = new StringBuilder();
    for (String word : whole.split(" ", -1)) {
      if (STRENGTH.matcher(word).matches() || STRENGTH_AND_FORM_WORDS.contains(word)) {
        continue;
      }
      if (kept.length() > 0) {
        kept.append(' ');
      }
      kept.append(word);
    }
    String bare = kept.toString();
    return bare.isEmpty() || bare.equals(whole) ? List.of(whole) : List.of(whole, bare);
  }

  private static final class NameAccumulator {
    private final Set<String> dins = new TreeSet<>();
    private boolean brand;
    private boolean ingredient;

    void add(String din, boolean asBrand) {
      dins.add(din);
      if (asBrand) {
        brand = true;
      } else {
        ingredient = true;
      }
    }

    String kind() {
      return brand && ingredient ? BOTH : brand ? BRAND : INGREDIENT;
    }
  }
}
