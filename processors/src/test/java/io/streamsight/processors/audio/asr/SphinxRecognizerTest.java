package io.streamsight.processors.audio.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.processors.TestMedia;
import io.streamsight.processors.audio.AudioInspector;
import io.streamsight.processors.audio.MonoAudio;
import io.streamsight.processors.audio.Resampler;
import io.streamsight.processors.audio.asr.SpeechRecognizer.Vocabulary;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sphinx4 on real read speech with the general model (word error rate against the clips' reference
 * transcripts), and on a synthetic spoken order with the pharmacy grammar. Sphinx is slow (2-4×
 * real time): two short clips only; the bench scores all of them.
 */
class SphinxRecognizerTest {

  /** The clips' reference transcripts: file id → words. */
  static Map<String, String> references() throws Exception {
    Path file = TestMedia.require(TestMedia.LIBRIVOX + "/transcription");
    return WordErrorRate.sphinxTranscription(Files.readAllLines(file));
  }

  static float[] speech(Path wav) throws Exception {
    MonoAudio audio =
        new AudioInspector(1 << 26).decodeMono(Files.readAllBytes(wav), "wav", null, null);
    return Resampler.toSpeechRate(audio).samples();
  }

  @Test
  void shouldTranscribeReadSpeechWithTheGeneralModel() throws Exception {
    Map<String, String> refs = references();
    // The two shortest clips (3.0 s and 3.3 s).
    List<String> ids =
        List.of(
            "sense_and_sensibility_01_austen_64kb-0880",
            "sense_and_sensibility_01_austen_64kb-0930");
    SpeechRecognizer sphinx = SphinxRecognizer.create(null);
    double errors = 0;
    int words = 0;
    try (SpeechRecognizer.Session session = sphinx.newSession()) {
      for (String id : ids) {
        float[] samples = speech(TestMedia.require(TestMedia.LIBRIVOX + "/" + id + ".wav"));
        String text = session.recognize(List.of(samples), Vocabulary.GENERAL).get(0).text();
        String ref = refs.get(id);
        double wer = WordErrorRate.of(ref, text);
        System.out.printf("%s: WER %.2f | %s | %s%n", id, wer, text, ref);
        errors += wer * ref.split(" ").length;
        words += ref.split(" ").length;
      }
    }
    double wer = errors / words;
    System.out.printf("general model, real speech: WER %.3f over %d words%n", wer, words);
    // Measured: 0.25 on these two ("he was not until expose young man", "... amiable itself"),
    // 0.20 on all five clips (14 of 71 words, SpeechRtfRun); the bound still fails on noise.
    assertThat(wer).isLessThan(0.5);
  }

  @Test
  void shouldRecogniseSyntheticSpokenOrdersWithThePharmacyGrammar(@TempDir Path dir)
      throws Exception {
    // espeak-ng's Klatt voice: see SyntheticSpeech for why, and the default voice's figures.
    // A drug the dictionary has and one only the letter-to-sound rules pronounce.
    List<String> orders =
        List.of(
            "amoxicillin two hundred fifty milligrams three times a day for ten days",
            "cephalexin five hundred milligrams take one tablet four times a day for seven days");
    List<float[]> clips = new java.util.ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      Path wav = dir.resolve("order-" + i + ".wav");
      SyntheticSpeech.speak(orders.get(i), wav);
      // espeak-ng writes 22.05 kHz: our own resampler brings it to 16 kHz.
      clips.add(speech(wav));
    }

    PharmacyGrammar grammar =
        PharmacyGrammar.of(SampleFormulary.products(), PronouncingDictionary.bundled());
    SpeechRecognizer sphinx = SphinxRecognizer.create(grammar);
    List<SpeechRecognizer.Utterance> heard;
    try (SpeechRecognizer.Session session = sphinx.newSession()) {
      heard = session.recognize(clips, Vocabulary.PHARMACY);
    }
    double errors = 0;
    int words = 0;
    for (int i = 0; i < orders.size(); i++) {
      String text = heard.get(i).text();
      double wer = WordErrorRate.of(orders.get(i), text);
      System.out.printf("pharmacy grammar, synthetic speech: WER %.3f | %s%n", wer, text);
      errors += wer * orders.get(i).split(" ").length;
      words += orders.get(i).split(" ").length;
    }
    double wer = errors / words;
    System.out.printf("pharmacy grammar, synthetic speech: WER %.3f over %d words%n", wer, words);
    assertThat(heard.get(0).text()).startsWith("amoxicillin two hundred fifty");
    assertThat(heard.get(1).text()).startsWith("cephalexin five hundred");
    // Measured: 0.038 on these two ("tablet" heard as "tablets"), 0.039 on eight such orders
    // (4 of 102 words, every drug name right); the bound leaves room for another espeak-ng version
    // and still fails when a drug name and a number or two are lost (12 and 14 words).
    assertThat(wer).isLessThan(0.2);
  }
}
