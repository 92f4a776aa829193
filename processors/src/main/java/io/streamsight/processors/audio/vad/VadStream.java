package io.streamsight.processors.audio.vad;

import static java.util.Objects.requireNonNull;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The voice-activity state of one audio source, carried from one of its audio events to the next:
 * Silero's recurrent state, the samples not yet analysed (less than a chunk), the audio since the
 * open segment began (plus the padding and the model's 64-sample context before it), and where the
 * segmenter is (in speech or not, since when, the start of the silence that may end it).
 *
 * <p>Audio is appended as it arrives; the model consumes it in 512-sample chunks, each with the 64
 * samples before it as context ({@link #window}); each chunk's speech probability drives the
 * segmenter ({@link #accept}): speech starts at the first chunk at or above {@link
 * VadSettings#threshold()}, ends after {@link VadSettings#minSilenceMs()} below {@link
 * VadSettings#negThreshold()}, is dropped when shorter than {@link VadSettings#minSpeechMs()}, is
 * padded by {@link VadSettings#speechPadMs()} on each side (never overlapping the previous
 * segment), and is split when it reaches {@link VadSettings#maxSpeechMs()} (at the silence that was
 * starting, if any, else at the current chunk). {@link #finish} ends the stream: it closes the open
 * segment at the end of the audio, after the caller analysed the last, zero-padded partial chunk.
 *
 * <p>Because chunks are cut from the source's whole stream, not from each event, the segments of a
 * recording split into events at arbitrary points are the same as those of the whole recording.
 * Samples are kept as 16-bit integers (the quantisation is applied on arrival, whole or split
 * alike), so the state of a 15-second open segment is under 500 kB. Positions are samples at 16 kHz
 * from the start of the source's stream. Not thread-safe.
 */
public final class VadStream {

  static final int CHUNK = SileroVad.CHUNK;
  static final int CONTEXT = SileroVad.CONTEXT;
  static final int STATE = SileroVad.STATE;
  private static final int FORMAT = 1;

  private final VadSettings settings;
  private float[] state = new float[STATE];
  private long consumed;
  private short[] audio = new short[0];
  private int length;
  private long audioStart;
  private boolean triggered;
  private long speechStart;
  private long silenceStart = -1;
  private long lastEnd;
  private long lastChunkIndex = -1;
  private final List<SpeechSegment> closed = new ArrayList<>();

  public VadStream(VadSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** Appends samples (full scale 1.0, 16 kHz), quantised to 16 bits. */
  public void append(float[] samples) {
    ensure(length + samples.length);
    for (float x : samples) {
      float scaled = x * 32768f;
      audio[length++] = (short) Math.max(-32768, Math.min(32767, Math.round(scaled)));
    }
  }

  /** Samples received so far, from the start of the stream. */
  public long received() {
    return audioStart + length;
  }

  /** Samples analysed so far. */
  public long consumed() {
    return consumed;
  }

  /** Whether a whole chunk waits to be analysed. */
  public boolean hasChunk() {
    return received() - consumed >= CHUNK;
  }

  /** Whether samples wait that do not make a whole chunk (analysed zero-padded at the end). */
  public boolean hasPartialChunk() {
    long waiting = received() - consumed;
    return waiting > 0 && waiting < CHUNK;
  }

  /** Whether the segmenter is inside speech. */
  public boolean inSpeech() {
    return triggered;
  }

  /**
   * Writes the model input for the next chunk into {@code out} at {@code offset}: the 64 samples
   * before it (zeros at the start of the stream), then its 512 samples (zero-padded when fewer
   * remain).
   */
  void window(float[] out, int offset) {
    for (int i = 0; i < CONTEXT + CHUNK; i++) {
      long at = consumed - CONTEXT + i;
      out[offset + i] = at < 0 || at >= received() ? 0f : sample(at) / 32768f;
    }
  }

  /** The model's recurrent state before the next chunk, {@code [2][128]} flattened. */
  float[] state() {
    return state;
  }

  /**
   * Takes the model's answer for the chunk {@link #window} described, advances past it, and runs
   * the segmenter.
   *
   * @param probability speech probability of the chunk
   * @param nextState the model's state after it, {@code [2][128]} flattened
   */
  void accept(float probability, float[] nextState) {
    if (nextState.length != STATE) {
      throw new IllegalArgumentException("VAD state has " + nextState.length + " values");
    }
    long from = consumed;
    consumed += Math.min(CHUNK, received() - consumed);
    state = nextState.clone();
    step(probability, from, consumed);
    trim();
  }

  /** Ends the stream: closes the open segment at the end of the audio (or its last silence). */
  public void finish() {
    if (triggered) {
      close(silenceStart >= 0 ? silenceStart : received(), true);
      triggered = false;
      silenceStart = -1;
    }
  }

  /** The segments closed since the last call, in time order. */
  public List<SpeechSegment> drainClosed() {
    List<SpeechSegment> out = List.copyOf(closed);
    closed.clear();
    return out;
  }

  /** Chunk index of the last audio event applied, or -1. */
  public long lastChunkIndex() {
    return lastChunkIndex;
  }

  public void lastChunkIndex(long chunkIndex) {
    this.lastChunkIndex = chunkIndex;
  }

  private void step(float p, long from, long to) {
    int minSilence = settings.samples(settings.minSilenceMs());
    if (p >= settings.threshold()) {
      silenceStart = -1;
      if (!triggered) {
        triggered = true;
        speechStart = from;
      }
    } else if (p < settings.negThreshold() && triggered) {
      if (silenceStart < 0) {
        silenceStart = from;
      }
      if (to - silenceStart >= minSilence) {
        close(silenceStart, true);
        triggered = false;
        silenceStart = -1;
      }
    }
    if (triggered && to - speechStart >= settings.samples(settings.maxSpeechMs())) {
      long cut = silenceStart >= 0 ? silenceStart : to;
      close(cut, false);
      speechStart = cut;
      silenceStart = -1;
    }
  }

  private void close(long end, boolean padEnd) {
    if (end - speechStart < settings.samples(settings.minSpeechMs())) {
      return;
    }
    int pad = settings.samples(settings.speechPadMs());
    long start = Math.max(Math.max(speechStart - pad, lastEnd), audioStart);
    long stop = Math.min(padEnd ? end + pad : end, received());
    short[] samples =
        Arrays.copyOfRange(audio, (int) (start - audioStart), (int) (stop - audioStart));
    closed.add(new SpeechSegment(start, stop, samples));
    lastEnd = stop;
  }

  /** Drops audio no future segment or context can need. */
  private void trim() {
    int pad = settings.samples(settings.speechPadMs());
    long keep = Math.min(consumed - CONTEXT, (triggered ? speechStart : consumed) - pad);
    int drop = (int) Math.max(0, Math.min(keep - audioStart, length));
    if (drop >= CHUNK * 8 || drop > length / 2) {
      System.arraycopy(audio, drop, audio, 0, length - drop);
      length -= drop;
      audioStart += drop;
    }
  }

  private short sample(long at) {
    return audio[(int) (at - audioStart)];
  }

  private void ensure(int capacity) {
    if (capacity > audio.length) {
      audio = Arrays.copyOf(audio, Math.max(capacity, audio.length * 3 / 2 + CHUNK));
    }
  }

  /** Bytes {@link #writeTo} writes, about. */
  public int serializedSize() {
    return 64 + STATE * 4 + length * 2;
  }

  /** Writes the whole state (not the closed segments, which the caller has taken). */
  public void writeTo(DataOutputStream out) throws IOException {
    out.writeByte(FORMAT);
    for (float v : state) {
      out.writeFloat(v);
    }
    out.writeLong(consumed);
    out.writeLong(audioStart);
    out.writeBoolean(triggered);
    out.writeLong(speechStart);
    out.writeLong(silenceStart);
    out.writeLong(lastEnd);
    out.writeLong(lastChunkIndex);
    out.writeInt(length);
    for (int i = 0; i < length; i++) {
      out.writeShort(audio[i]);
    }
  }

  /** Reads a state {@link #writeTo} wrote. */
  public static VadStream readFrom(DataInputStream in, VadSettings settings) throws IOException {
    int format = in.readUnsignedByte();
    if (format != FORMAT) {
      throw new IOException("unknown VAD state format " + format);
    }
    VadStream s = new VadStream(settings);
    for (int i = 0; i < STATE; i++) {
      s.state[i] = in.readFloat();
    }
    s.consumed = in.readLong();
    s.audioStart = in.readLong();
    s.triggered = in.readBoolean();
    s.speechStart = in.readLong();
    s.silenceStart = in.readLong();
    s.lastEnd = in.readLong();
    s.lastChunkIndex = in.readLong();
    int n = in.readInt();
    if (n < 0 || n > 64 * 1024 * 1024) {
      throw new IOException("VAD state with " + n + " samples");
    }
    s.audio = new short[n];
    for (int i = 0; i < n; i++) {
      s.audio[i] = in.readShort();
    }
    s.length = n;
    return s;
  }
}
