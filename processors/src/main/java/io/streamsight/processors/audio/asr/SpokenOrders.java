package io.streamsight.processors.audio.asr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a spoken medication order, as a recogniser writes it ("amoxicillin two hundred fifty
 * milligrams three times a day for ten days dispense thirty"), into the written order the sig
 * parser reads ("amoxicillin 250 mg 3 times a day for 10 days #30"): spoken numbers become digits
 * (with "point" decimals and halves: "one and a half" → "1 1/2"), strength units their symbols, and
 * "dispense N" / "quantity N" the dispense mark. Everything else is kept as said.
 */
public final class SpokenOrders {

  private static final Map<String, Integer> SMALL =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19));

  private static final Map<String, Integer> TENS =
      Map.of(
          "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
          "eighty", 80, "ninety", 90);

  private static final Map<String, String> UNITS =
      Map.ofEntries(
          Map.entry("milligram", "mg"),
          Map.entry("milligrams", "mg"),
          Map.entry("microgram", "mcg"),
          Map.entry("micrograms", "mcg"),
          Map.entry("gram", "g"),
          Map.entry("grams", "g"),
          Map.entry("milliliter", "mL"),
          Map.entry("milliliters", "mL"),
          Map.entry("percent", "%"));

  private SpokenOrders() {}

  /** The written form of a spoken order. */
  public static String toWritten(String spoken) {
    String[] words = spoken.toLowerCase(Locale.ROOT).trim().split("\\s+");
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < words.length) {
      if (words[i].isEmpty()) {
        i++;
        continue;
      }
      Parsed number = number(words, i);
      if (number != null) {
        out.add(number.text());
        i = number.next();
        continue;
      }
      String w = words[i];
      if ((w.equals("dispense") || w.equals("quantity")) && i + 1 < words.length) {
        Parsed quantity = number(words, i + 1);
        if (quantity != null) {
          out.add("#" + quantity.text());
          i = quantity.next();
          continue;
        }
      }
      String unit = UNITS.get(w);
      boolean afterNumber = !out.isEmpty() && Character.isDigit(last(out));
      out.add(unit != null && afterNumber ? unit : w);
      i++;
    }
    return String.join(" ", out);
  }

  private static char last(List<String> out) {
    String s = out.get(out.size() - 1);
    return s.charAt(s.length() - 1);
  }

  private record Parsed(String text, int next) {}

  /** The number spoken at {@code start}, or null. */
  private static Parsed number(String[] w, int start) {
    // Halves first: "a half", "one half", "half", "one and a half".
    if (is(w, start, "a") && is(w, start + 1, "half")) {
      return new Parsed("1/2", start + 2);
    }
    if (is(w, start, "half")) {
      return new Parsed("1/2", start + 1);
    }
    Parsed whole = integer(w, start);
    if (whole == null) {
      return null;
    }
    int i = whole.next();
    if (whole.text().equals("1") && is(w, i, "half")) {
      return new Parsed("1/2", i + 1);
    }
    if (is(w, i, "and") && is(w, i + 1, "a") && is(w, i + 2, "half")) {
      return new Parsed(whole.text() + " 1/2", i + 3);
    }
    if (is(w, i, "point") && i + 1 < w.length && digit(w[i + 1]) >= 0) {
      StringBuilder decimals = new StringBuilder();
      int j = i + 1;
      while (j < w.length && digit(w[j]) >= 0) {
        decimals.append(digit(w[j]));
        j++;
      }
      return new Parsed(whole.text() + "." + decimals, j);
    }
    return whole;
  }

  private static int digit(String word) {
    Integer v = SMALL.get(word);
    return v != null && v < 10 ? v : -1;
  }

  /** A whole number up to 999,999 spelled out ("two thousand five hundred and twelve"). */
  private static Parsed integer(String[] w, int start) {
    long total = 0;
    long current = 0;
    boolean any = false;
    int i = start;
    while (i < w.length) {
      String word = w[i];
      Integer small = SMALL.get(word);
      Integer tens = TENS.get(word);
      if (small != null) {
        if (any && current % 10 != 0 && current % 100 > 0 && current < 100) {
          break; // "two three": two numbers
        }
        current += small;
      } else if (tens != null) {
        if (any && current % 100 != 0) {
          break;
        }
        current += tens;
      } else if (word.equals("hundred") && any && current > 0 && current < 10) {
        current *= 100;
      } else if (word.equals("thousand") && any && current > 0) {
        total += current * 1000;
        current = 0;
      } else if (word.equals("and")
          && any
          && i + 1 < w.length
          && (SMALL.containsKey(w[i + 1]) || TENS.containsKey(w[i + 1]))
          && current % 100 == 0
          && (current > 0 || total > 0)) {
        // "two hundred and fifty"; not "one and a half" (handled by the caller).
        i++;
        continue;
      } else {
        break;
      }
      any = true;
      i++;
    }
    return any ? new Parsed(Long.toString(total + current), i) : null;
  }

  private static boolean is(String[] w, int i, String word) {
    return i < w.length && w[i].equals(word);
  }
}
