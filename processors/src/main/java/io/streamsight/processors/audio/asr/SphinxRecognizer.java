package io.streamsight.processors.audio.asr;

import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import io.streamsight.processors.inference.ModelLoadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * CMU Sphinx4 with its en-US acoustic model ({@code sphinx4-data}): the general en-US trigram
 * language model for {@link Vocabulary#GENERAL}, and for {@link Vocabulary#PHARMACY} a {@link
 * PharmacyGrammar} with its own small dictionary. Pure Java, CPU only, one core per call: the
 * general model takes about 1.6 s of CPU per second of read speech, the grammar about 0.5 s per
 * second of a spoken order ({@code SpeechRtfRun} in the bench).
 *
 * <p>Decoders are expensive to load (seconds, and a few hundred MB for the general model) and not
 * thread-safe, so the recogniser keeps a pool per vocabulary: a session borrows one for each call
 * and returns it, so there are never more decoders of a kind than threads recognising at once, and
 * a decoder is loaded only when its vocabulary is first needed. The front end is Sphinx's default
 * without its energy endpointer ({@code sphinx.config.xml}), since the audio comes already cut into
 * speech segments (with or without the endpointer, word error rates were the same on our synthetic
 * orders), and with cepstral mean normalisation over each whole segment, so that a segment's words
 * do not depend on what the decoder heard before; samples are dithered ({@link #DITHER_LSB}).
 * Sphinx gives no usable confidence (its lattice posteriors are 0 or 1), so utterances carry none.
 */
public final class SphinxRecognizer implements SpeechRecognizer {

  /** Name in provenance records. */
  public static final String NAME = "sphinx4-en-us";

  /** Version of {@code sphinx4-core} and {@code sphinx4-data}. */
  public static final String VERSION = "5prealpha";

  private static final String MODELS = "resource:/edu/cmu/sphinx/models/en-us/";
  private static final String CONFIG =
      "resource:/io/streamsight/processors/audio/asr/sphinx.config.xml";

  /**
   * Gaussian noise, in 16-bit steps, added to every sample before Sphinx sees it. Digital silence
   * (exact zeros, as synthesisers, muted lines and padding produce) gives log energies of minus
   * infinity in Sphinx's front end, and a segment with a tenth of a second of it decodes as nothing
   * at all ({@code <unk>}); one step of noise is inaudible and removes the problem.
   */
  static final float DITHER_LSB = 1f;

  private static final long DITHER_SEED = 0x5EED;

  private final Supplier<PharmacyGrammar> grammar;
  private volatile Path grammarDir;
  private final Deque<Decoder> general = new ConcurrentLinkedDeque<>();
  private final Deque<Decoder> pharmacy = new ConcurrentLinkedDeque<>();

  private SphinxRecognizer(Supplier<PharmacyGrammar> grammar) {
    this.grammar = grammar;
  }

  /**
   * A recogniser with the general model and, when {@code grammar} is not null, the pharmacy grammar
   * (written to a temporary folder, as Sphinx reads grammars from URLs).
   *
   * @throws ModelLoadException when {@code sphinx4-data} is not on the classpath
   */
  public static SphinxRecognizer create(PharmacyGrammar grammar) {
    return createLazy(grammar == null ? null : () -> grammar);
  }

  /**
   * As {@link #create(PharmacyGrammar)}, the grammar built when a pharmacy source first speaks
   * (building it learns letter-to-sound rules: seconds).
   */
  public static SphinxRecognizer createLazy(Supplier<PharmacyGrammar> grammar) {
    if (SphinxRecognizer.class.getResource("/edu/cmu/sphinx/models/en-us/en-us/mdef") == null) {
      throw new ModelLoadException("Sphinx4's en-US model (sphinx4-data) is not on the classpath");
    }
    // Sphinx logs through java.util.logging at INFO; nothing it says is needed.
    Logger.getLogger("edu.cmu.sphinx").setLevel(Level.WARNING);
    return new SphinxRecognizer(grammar);
  }

  /** The grammar's folder (Sphinx reads grammars from URLs), written on first use. */
  private synchronized Path grammarDir() {
    if (grammarDir == null) {
      PharmacyGrammar g = grammar.get();
      try {
        Path dir = Files.createTempDirectory("streamsight-grammar");
        Files.writeString(dir.resolve(PharmacyGrammar.NAME + ".gram"), g.jsgf());
        Files.writeString(
            dir.resolve(PharmacyGrammar.NAME + ".dict"), g.dictionary(), StandardCharsets.UTF_8);
        dir.toFile().deleteOnExit();
        dir.resolve(PharmacyGrammar.NAME + ".gram").toFile().deleteOnExit();
        dir.resolve(PharmacyGrammar.NAME + ".dict").toFile().deleteOnExit();
        grammarDir = dir;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the pharmacy grammar", e);
      }
    }
    return grammarDir;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public boolean hasPharmacyGrammar() {
    return grammar != null;
  }

  @Override
  public Session newSession() {
    return new Session() {
      @Override
      public List<Utterance> recognize(List<float[]> segments, Vocabulary vocabulary) {
        boolean useGrammar = vocabulary == Vocabulary.PHARMACY && grammar != null;
        Deque<Decoder> pool = useGrammar ? pharmacy : general;
        Decoder decoder = pool.pollFirst();
        if (decoder == null) {
          decoder = useGrammar ? load(grammarConfiguration()) : load(generalConfiguration());
        }
        try {
          List<Utterance> out = new ArrayList<>(segments.size());
          for (float[] segment : segments) {
            out.add(new Utterance(decoder.decode(segment), null));
          }
          return out;
        } finally {
          pool.addFirst(decoder);
        }
      }

      @Override
      public String device() {
        return "cpu";
      }

      @Override
      public void close() {}
    };
  }

  private static Configuration generalConfiguration() {
    Configuration c = new Configuration();
    c.setAcousticModelPath(MODELS + "en-us");
    c.setDictionaryPath(MODELS + "cmudict-en-us.dict");
    c.setLanguageModelPath(MODELS + "en-us.lm.bin");
    return c;
  }

  private Configuration grammarConfiguration() {
    Path grammarDir = grammarDir();
    Configuration c = new Configuration();
    c.setAcousticModelPath(MODELS + "en-us");
    c.setDictionaryPath(grammarDir.resolve(PharmacyGrammar.NAME + ".dict").toUri().toString());
    c.setGrammarPath(grammarDir.toUri().toString());
    c.setGrammarName(PharmacyGrammar.NAME);
    c.setUseGrammar(true);
    return c;
  }

  private static Decoder load(Configuration configuration) {
    try {
      return new Decoder(new Context(CONFIG, configuration));
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException("Sphinx4 cannot load its model: " + e.getMessage(), e);
    }
  }

  /** One loaded Sphinx4 decoder, allocated once and fed one segment at a time. */
  private static final class Decoder extends AbstractSpeechRecognizer {

    Decoder(Context context) throws IOException {
      super(context);
      recognizer.allocate();
    }

    String decode(float[] samples) {
      byte[] pcm = new byte[samples.length * 2];
      // Dither, seeded per segment so a replayed segment reads the same.
      Random dither = new Random(DITHER_SEED);
      for (int i = 0; i < samples.length; i++) {
        float dithered = samples[i] * 32768f + (float) dither.nextGaussian() * DITHER_LSB;
        int s = Math.max(-32768, Math.min(32767, Math.round(dithered)));
        pcm[2 * i] = (byte) s;
        pcm[2 * i + 1] = (byte) (s >> 8);
      }
      context.setSpeechSource(new ByteArrayInputStream(pcm));
      StringBuilder text = new StringBuilder();
      for (SpeechResult r = getResult(); r != null; r = getResult()) {
        String hypothesis = r.getHypothesis();
        if (hypothesis != null && !hypothesis.isBlank()) {
          if (text.length() > 0) {
            text.append(' ');
          }
          text.append(hypothesis.trim());
        }
      }
      return text.toString();
    }
  }
}
