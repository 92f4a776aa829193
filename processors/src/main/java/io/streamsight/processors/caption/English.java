package io.streamsight.processors.caption;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bits of English grammar the scene describer needs: nouns, counts, articles, lists. */
final class English {

  private static final String[] NUMBERS = {
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve"
  };

  /** COCO labels as they read in a sentence, where that differs from the label. */
  private static final Map<String, String> NOUNS =
      Map.of("tv", "TV", "sports ball", "ball", "hair drier", "hair dryer", "donut", "doughnut");

  /** Plurals the regular rules get wrong. */
  private static final Map<String, String> PLURALS =
      Map.of(
          "person", "people",
          "mouse", "mice",
          "knife", "knives",
          "sheep", "sheep",
          "broccoli", "broccoli",
          "TV", "TVs");

  /** Labels that name a pair: "a pair of skis", "two pairs of scissors". */
  private static final List<String> PAIRS = List.of("skis", "scissors");

  private English() {}

  /** {@code count} things called {@code label}: "a person", "two people", "13 cars". */
  static String count(int count, String label) {
    if (PAIRS.contains(label)) {
      return count(count, "pair") + " of " + label;
    }
    String noun = NOUNS.getOrDefault(label, label);
    if (count == 1) {
      return article(noun) + " " + noun;
    }
    return number(count) + " " + plural(noun);
  }

  /** "one" to "twelve" in words, larger numbers in digits. */
  static String number(int n) {
    return n >= 0 && n < NUMBERS.length ? NUMBERS[n] : Integer.toString(n);
  }

  /** The plural of a noun (the last word of a compound: "wine glasses"). */
  static String plural(String noun) {
    String irregular = PLURALS.get(noun);
    if (irregular != null) {
      return irregular;
    }
    String lower = noun.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s")
        || lower.endsWith("x")
        || lower.endsWith("z")
        || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return noun + "es";
    }
    if (lower.endsWith("y") && lower.length() > 1 && !isVowel(lower.charAt(lower.length() - 2))) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun + "s";
  }

  /** "a" or "an" by the sound of the first letter (every COCO noun follows its spelling). */
  static String article(String noun) {
    return !noun.isEmpty() && isVowel(Character.toLowerCase(noun.charAt(0))) ? "an" : "a";
  }

  /** "a", "a and b", "a, b and c". */
  static String list(List<String> items) {
    int n = items.size();
    return switch (n) {
      case 0 -> "";
      case 1 -> items.get(0);
      default -> String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
    };
  }

  /** The sentence with its first letter upper case. */
  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }
}
