package io.streamsight.processors.inference.generate;

import ai.onnxruntime.OnnxTensor;

/**
 * The encoder's hidden states for a batch, in native memory until closed. Generation runs over it
 * read-only (a run that needs other rows copies them), so several runs, such as language detection
 * and then transcription, may use one encoding.
 */
public final class EncoderOutput implements AutoCloseable {

  private final OnnxTensor states;
  private final int batch;

  EncoderOutput(OnnxTensor states, int batch) {
    this.states = states;
    this.batch = batch;
  }

  OnnxTensor states() {
    return states;
  }

  /** Inputs in the batch. */
  public int batch() {
    return batch;
  }

  /** The hidden states' shape: batch, sequence, hidden size. */
  public long[] shape() {
    return states.getInfo().getShape();
  }

  @Override
  public void close() {
    states.close();
  }
}
