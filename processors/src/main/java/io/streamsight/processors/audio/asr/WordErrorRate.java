package io.streamsight.processors.audio.asr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Word error rate: the fewest word substitutions, insertions and deletions that turn a recognised
 * text into its reference, over the reference's length. Words are compared as they are (lower-case
 * both sides first where case does not matter).
 */
public final class WordErrorRate {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private WordErrorRate() {}

  /** The words of a text, split at white space; none for a blank text. */
  public static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(SPACES.split(text.strip()));
  }

  /**
   * The word error rate of {@code hypothesis} against {@code reference}.
   *
   * @throws IllegalArgumentException when the reference has no words
   */
  public static double of(String reference, String hypothesis) {
    List<String> ref = words(reference);
    if (ref.isEmpty()) {
      throw new IllegalArgumentException("the reference has no words");
    }
    return (double) edits(words(hypothesis), ref) / ref.size();
  }

  /**
   * Reference transcripts in the CMU Sphinx test-set format, one utterance a line: {@code <s> words
   * </s> (utterance-id)}; blank lines are skipped.
   *
   * @return utterance id → words
   */
  public static Map<String, String> sphinxTranscription(List<String> lines) {
    Map<String, String> refs = new LinkedHashMap<>();
    for (String line : lines) {
      int open = line.lastIndexOf('(');
      int close = line.lastIndexOf(')');
      if (line.isBlank()) {
        continue;
      }
      if (open < 0 || close < open) {
        throw new IllegalArgumentException("not a transcription line: " + line);
      }
      String text = line.substring(0, open).replace("<s>", " ").replace("</s>", " ").strip();
      refs.put(line.substring(open + 1, close), text);
    }
    return refs;
  }

  /** Levenshtein distance between two sequences (of words, or of phones). */
  public static int edits(List<String> a, List<String> b) {
    int[] row = new int[b.size() + 1];
    for (int j = 0; j <= b.size(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.size(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.size(); j++) {
        int up = row[j];
        row[j] =
            Math.min(
                Math.min(row[j] + 1, row[j - 1] + 1),
                diagonal + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1));
        diagonal = up;
      }
    }
    return row[b.size()];
  }
}
