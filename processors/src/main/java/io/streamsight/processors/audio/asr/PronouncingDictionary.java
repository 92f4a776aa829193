package io.streamsight.processors.audio.asr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CMU pronouncing dictionary that comes with Sphinx4's en-US model ({@value #RESOURCE}, about
 * 134,000 words, phones without stress), and letter-to-sound rules learnt from it for the words it
 * lacks.
 */
public final class PronouncingDictionary {

  /** Classpath location of the dictionary in {@code sphinx4-data}. */
  public static final String RESOURCE = "/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict";

  private static volatile PronouncingDictionary bundled;

  private final Map<String, List<List<String>>> entries;
  private volatile LetterToSound rules;

  PronouncingDictionary(Map<String, List<List<String>>> entries) {
    this.entries = entries;
  }

  /** The dictionary of {@code sphinx4-data}, read once. */
  public static PronouncingDictionary bundled() {
    PronouncingDictionary d = bundled;
    if (d == null) {
      synchronized (PronouncingDictionary.class) {
        d = bundled;
        if (d == null) {
          d = read();
          bundled = d;
        }
      }
    }
    return d;
  }

  private static PronouncingDictionary read() {
    Map<String, List<List<String>>> entries = new LinkedHashMap<>();
    try (InputStream in = PronouncingDictionary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath (sphinx4-data)");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2) {
          continue;
        }
        String word = parts[0];
        int variant = word.indexOf('(');
        if (variant > 0) {
          word = word.substring(0, variant);
        }
        List<String> phones = List.of(parts).subList(1, parts.length);
        entries.computeIfAbsent(word, w -> new ArrayList<>()).add(List.copyOf(phones));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new PronouncingDictionary(Collections.unmodifiableMap(entries));
  }

  /** Every pronunciation of the word listed in the dictionary (lower case), or none. */
  public List<List<String>> lookup(String word) {
    return entries.getOrDefault(word.toLowerCase(Locale.ROOT), List.of());
  }

  /** Whether the dictionary lists the word. */
  public boolean contains(String word) {
    return entries.containsKey(word.toLowerCase(Locale.ROOT));
  }

  /**
   * The dictionary's pronunciations of a word, or else the one letter-to-sound rules give (learnt
   * from this dictionary on first use, a few seconds).
   */
  public List<List<String>> pronounce(String word) {
    List<List<String>> listed = lookup(word);
    if (!listed.isEmpty()) {
      return listed;
    }
    List<String> guessed = rules().phones(word);
    return guessed.isEmpty() ? List.of() : List.of(guessed);
  }

  /** Whether the word is spelled with letters the rules can read. */
  static Optional<String> plainWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.chars().allMatch(c -> c >= 'a' && c <= 'z') && !w.isEmpty()
        ? Optional.of(w)
        : Optional.empty();
  }

  /** The letter-to-sound rules learnt from every word of the dictionary (first pronunciation). */
  public LetterToSound rules() {
    LetterToSound r = rules;
    if (r == null) {
      synchronized (this) {
        r = rules;
        if (r == null) {
          Map<String, List<String>> first = new LinkedHashMap<>();
          entries.forEach((word, prons) -> first.put(word, prons.get(0)));
          r = LetterToSound.train(first);
          rules = r;
        }
      }
    }
    return r;
  }

  /** Every entry, first pronunciation only, for training and evaluation. */
  Map<String, List<String>> firstPronunciations() {
    Map<String, List<String>> first = new LinkedHashMap<>();
    entries.forEach((word, prons) -> first.put(word, prons.get(0)));
    return first;
  }
}
