package io.streamsight.processors.audio.asr;

import java.util.List;

/**
 * A speech recogniser as the audio processor uses it: loaded once, shared by every processor
 * instance, each of which opens its own {@link Session} in {@code init} and closes it in {@code
 * close}.
 */
public interface SpeechRecognizer {

  /** Name for provenance, e.g. {@code sphinx4-en-us} or a Whisper export's folder name. */
  String name();

  /** Version for provenance. */
  String version();

  /** Whether {@link Vocabulary#PHARMACY} changes what is recognised (a grammar), or not. */
  boolean hasPharmacyGrammar();

  Session newSession();

  /** One processor instance's use of the recogniser. Not thread-safe. */
  interface Session extends AutoCloseable {

    /**
     * Recognises speech segments, in order.
     *
     * @param segments 16 kHz mono samples of each segment, full scale 1.0
     * @param vocabulary what the speakers are expected to say
     * @return one utterance per segment
     */
    List<Utterance> recognize(List<float[]> segments, Vocabulary vocabulary);

    /** Where it runs, for provenance: {@code cpu} or {@code gpu:N}. */
    String device();

    @Override
    void close();
  }

  /** What the speakers of a source say. */
  enum Vocabulary {
    /** Anything: the general language model. */
    GENERAL,
    /** Medication orders: drug names of the formulary and the words of a sig. */
    PHARMACY
  }

  /**
   * What was recognised in one segment.
   *
   * @param text the words, lower case, or empty
   * @param confidence in [0, 1], or null when the recogniser gives none
   */
  record Utterance(String text, Float confidence) {}
}
