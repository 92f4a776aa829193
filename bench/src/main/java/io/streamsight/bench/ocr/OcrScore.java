package io.streamsight.bench.ocr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy of OCR output against a transcription, case-insensitively and with all runs of white
 * space (line breaks included) as one space:
 *
 * <ul>
 *   <li>character error rate: edit distance between the two texts over the transcription's length
 *       (insertions count, so text read where there is none costs too; it can exceed 1);
 *   <li>word recall: the share of the transcription's words (split at white space, punctuation
 *       trimmed at both ends) that occur in the output, each occurrence matched at most once.
 * </ul>
 *
 * @param edits character edits needed
 * @param chars characters in the transcription
 * @param wordsFound transcription words found in the output
 * @param words words in the transcription
 */
record OcrScore(int edits, int chars, int wordsFound, int words) {

  static OcrScore of(String truth, String output) {
    String t = normalise(truth);
    String o = normalise(output);
    List<String> truthWords = words(t);
    Map<String, Integer> available = new HashMap<>();
    for (String w : words(o)) {
      available.merge(w, 1, Integer::sum);
    }
    int found = 0;
    for (String w : truthWords) {
      Integer left = available.get(w);
      if (left != null && left > 0) {
        found++;
        available.put(w, left - 1);
      }
    }
    return new OcrScore(editDistance(t, o), t.length(), found, truthWords.size());
  }

  OcrScore plus(OcrScore other) {
    return new OcrScore(
        edits + other.edits,
        chars + other.chars,
        wordsFound + other.wordsFound,
        words + other.words);
  }

  double cer() {
    return chars == 0 ? 0 : (double) edits / chars;
  }

  double wordRecall() {
    return words == 0 ? 1 : (double) wordsFound / words;
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  static List<String> words(String normalised) {
    List<String> words = new ArrayList<>();
    for (String w : normalised.split(" ", -1)) {
      String trimmed = w.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
      if (!trimmed.isEmpty()) {
        words.add(trimmed);
      }
    }
    return words;
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
