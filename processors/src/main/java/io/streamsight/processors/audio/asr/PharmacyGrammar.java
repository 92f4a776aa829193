package io.streamsight.processors.audio.asr;

import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A JSGF grammar for spoken medication orders, and the pronunciations of its words.
 *
 * <p>An order starts with a drug name (the formulary's active ingredients, e.g. "amoxicillin",
 * "insulin glargine", and the first word of its brand names, e.g. "novamoxin", "lipitor"), as a
 * written order does, followed by phrases in any order: a strength ("two hundred fifty
 * milligrams"), a dose ("take one capsule"), a route ("by mouth"), a frequency ("three times a
 * day", "every six hours"), a course ("for ten days"), a quantity ("dispense thirty") and as-needed
 * ("as needed for pain"). Numbers are the spoken English numbers up to 9,999, with "point" decimals
 * and halves. Constraining the recogniser to these phrases is what makes drug names and numbers
 * recognisable at all (the general language model mishears both). Putting the drug first matters:
 * when a drug name could stand anywhere, the decoder often read the start of an order as a short
 * sig phrase ("at night", "apply") followed by the wrong drug, and on eight synthetic orders the
 * word error rate fell from 0.14 to 0.03 with the drug first.
 *
 * <p>Words the CMU dictionary lacks (most drug names) are pronounced by {@link LetterToSound} rules
 * learnt from the dictionary.
 */
public final class PharmacyGrammar {

  /** JSGF grammar name (and file name without {@code .gram}). */
  public static final String NAME = "pharmacy";

  private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");

  /** Words that name a salt, form or package, not the drug a speaker says. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "tab",
          "tabs",
          "tablet",
          "tablets",
          "cap",
          "caps",
          "capsule",
          "cream",
          "ointment",
          "hfa",
          "mg",
          "mcg",
          "ml",
          "sulfate",
          "hydrochloride",
          "calcium",
          "sodium",
          "potassium",
          "monohydrate",
          "trihydrate",
          "axetil",
          "acid",
          "apo",
          "teva",
          "mylan",
          "sandoz",
          "pms",
          "ratio",
          "novo",
          "suspension",
          "solution",
          "injection",
          "vial");

  static final List<String> UNITS =
      List.of(
          "milligram",
          "milligrams",
          "microgram",
          "micrograms",
          "gram",
          "grams",
          "unit",
          "units",
          "milliliter",
          "milliliters",
          "percent");

  static final List<String> DOSE_UNITS =
      List.of(
          "tablet",
          "tablets",
          "capsule",
          "capsules",
          "puff",
          "puffs",
          "drop",
          "drops",
          "milliliter",
          "milliliters",
          "teaspoon",
          "teaspoons",
          "unit",
          "units",
          "patch",
          "spray",
          "sprays",
          "application",
          "suppository",
          "lozenge");

  private final List<String> drugNames;
  private final String jsgf;
  private final Map<String, List<List<String>>> pronunciations;

  private PharmacyGrammar(List<String> drugNames, PronouncingDictionary dictionary) {
    this.drugNames = List.copyOf(drugNames);
    this.jsgf = jsgf(drugNames);
    Map<String, List<List<String>>> prons = new LinkedHashMap<>();
    for (String word : words(jsgf)) {
      List<List<String>> p = dictionary.pronounce(word);
      if (!p.isEmpty()) {
        prons.put(word, p);
      }
    }
    this.pronunciations = prons;
  }

  /** The grammar for the products of a formulary (the sample, or an imported extract). */
  public static PharmacyGrammar of(
      Collection<FormularyProduct> products, PronouncingDictionary dictionary) {
    return new PharmacyGrammar(drugNames(products), dictionary);
  }

  /**
   * Spoken drug names of the products: each ingredient's name without the salt in parentheses, and
   * the first word of each brand that is not a form, salt or company prefix.
   */
  static List<String> drugNames(Collection<FormularyProduct> products) {
    Set<String> names = new TreeSet<>();
    for (FormularyProduct product : products) {
      for (FormularyIngredient ingredient : product.getIngredients()) {
        String name = ingredient.getName().toLowerCase(Locale.ROOT);
        int paren = name.indexOf('(');
        String base = (paren > 0 ? name.substring(0, paren) : name).trim();
        String spoken = spoken(base);
        if (!spoken.isEmpty()) {
          names.add(spoken);
        }
      }
      String brand = product.getBrandName();
      if (brand != null) {
        NOT_LETTERS
            .splitAsStream(brand.toLowerCase(Locale.ROOT))
            .filter(word -> word.length() > 2 && !NOT_NAMES.contains(word))
            .findFirst()
            .ifPresent(names::add);
      }
    }
    return List.copyOf(names);
  }

  /** Letters-only words, without salt and form words. */
  private static String spoken(String name) {
    return String.join(
        " ",
        NOT_LETTERS
            .splitAsStream(name)
            .filter(w -> w.length() > 1 && !NOT_NAMES.contains(w))
            .toList());
  }

  private static String jsgf(List<String> drugNames) {
    String drugs = drugNames.isEmpty() ? "<VOID>" : String.join(" | ", drugNames);
    return String.join(
        "\n",
        "#JSGF V1.0;",
        "grammar " + NAME + ";",
        "public <order> = <drug> <part>*;",
        "<part> = <strength> | <dose> | <route> | <frequency> | <course> | <dispense>"
            + " | <asneeded> | <when>;",
        "<drug> = " + drugs + ";",
        "<digit> = one | two | three | four | five | six | seven | eight | nine;",
        "<teen> = ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen"
            + " | eighteen | nineteen;",
        "<tens> = twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety;",
        "<under100> = <digit> | <teen> | <tens> [<digit>];",
        "<under1000> = <under100> | <digit> hundred [and] [<under100>];",
        "<number> = <under1000> | <under100> thousand [<under1000>] | <under100> point <digit>+"
            + " | [one] half | a half | one and a half | zero point <digit>+;",
        "<strength> = <number> ("
            + String.join(" | ", UNITS)
            + ") [per <number> (milliliters"
            + " | milliliter)];",
        "<dose> = (take | give | inhale | apply | instill | insert | use | chew) [<number>]"
            + " ["
            + String.join(" | ", DOSE_UNITS)
            + "] | <number> ("
            + String.join(" | ", DOSE_UNITS)
            + ");",
        "<route> = by mouth | orally | under the tongue | sublingually | in each eye | in the"
            + " right eye | in the left eye | in each ear | in each nostril | topically | to the"
            + " skin | rectally | vaginally | by inhalation | subcutaneously | intramuscularly"
            + " | intravenously;",
        "<frequency> = (once | twice | <number> times) (a day | daily | per day | a week |"
            + " weekly) | daily | every day | every other day | every <number> [to <number>]"
            + " (hours | days) | every (morning | evening | night) | at bedtime | weekly;",
        "<when> = with meals | with food | before meals | after meals | in the morning | in the"
            + " evening | at night;",
        "<course> = for <number> (days | day | weeks | week | months | month);",
        "<dispense> = (dispense | quantity) <number> [" + String.join(" | ", DOSE_UNITS) + "];",
        "<asneeded> = as needed [for (pain | fever | nausea | sleep | anxiety | cough |"
            + " shortness of breath | wheezing | itching)];",
        "");
  }

  /** Every word of the grammar, lower case, without JSGF syntax. */
  static Set<String> words(String jsgf) {
    Set<String> words = new TreeSet<>();
    for (String line : jsgf.lines().toList()) {
      int eq = line.indexOf('=');
      if (line.startsWith("#") || line.startsWith("grammar") || eq < 0) {
        continue;
      }
      String body = line.substring(eq + 1).replaceAll("<[^>]*>", " ");
      NOT_LETTERS.splitAsStream(body).filter(w -> !w.isEmpty()).forEach(words::add);
    }
    return words;
  }

  /** The grammar text. */
  public String jsgf() {
    return jsgf;
  }

  /** The drug names in the grammar. */
  public List<String> drugNames() {
    return drugNames;
  }

  /** A Sphinx dictionary of the grammar's words (one line per pronunciation). */
  public String dictionary() {
    StringBuilder out = new StringBuilder();
    pronunciations.forEach(
        (word, prons) -> {
          for (int i = 0; i < prons.size(); i++) {
            out.append(i == 0 ? word : word + "(" + (i + 1) + ")")
                .append(' ')
                .append(String.join(" ", prons.get(i)))
                .append('\n');
          }
        });
    return out.toString();
  }

  /** Pronunciation of each word of the grammar. */
  public Map<String, List<List<String>>> pronunciations() {
    return pronunciations;
  }
}
