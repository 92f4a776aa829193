package io.streamsight.processors.audio.asr;

import static java.util.Objects.requireNonNull;

import io.streamsight.processors.audio.whisper.Recognition;
import io.streamsight.processors.audio.whisper.WhisperRecognizer;
import io.streamsight.processors.audio.whisper.WhisperSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Whisper (an ONNX export in a folder, {@code audio.whisper.dir}) as the audio processor's
 * recogniser. Whisper has no grammar: pharmacy sources get the same open transcription, which
 * {@link SpokenOrders} then writes as an order (Whisper often writes numbers as digits already). A
 * segment batch is one {@link WhisperSession#transcribeAll} call.
 */
public final class WhisperSpeechRecognizer implements SpeechRecognizer {

  private final WhisperRecognizer whisper;

  public WhisperSpeechRecognizer(WhisperRecognizer whisper) {
    this.whisper = requireNonNull(whisper, "whisper");
  }

  @Override
  public String name() {
    return whisper.name();
  }

  @Override
  public String version() {
    return whisper.provenance().version();
  }

  @Override
  public boolean hasPharmacyGrammar() {
    return false;
  }

  @Override
  public Session newSession() {
    WhisperSession session = whisper.newSession();
    return new Session() {
      @Override
      public List<Utterance> recognize(List<float[]> segments, Vocabulary vocabulary) {
        List<Utterance> out = new ArrayList<>(segments.size());
        for (Recognition r : session.transcribeAll(segments)) {
          out.add(new Utterance(r.text(), (float) r.confidence()));
        }
        return out;
      }

      @Override
      public String device() {
        return session.device();
      }

      @Override
      public void close() {
        session.close();
      }
    };
  }
}
