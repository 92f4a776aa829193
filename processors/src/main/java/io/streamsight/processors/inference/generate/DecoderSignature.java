package io.streamsight.processors.inference.generate;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamsight.processors.inference.ModelLoadException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a decoder file of an Optimum export takes and gives, read from its ONNX signature at load,
 * so that every step feeds it by name.
 *
 * <p>Inputs it knows: {@code input_ids}; {@code encoder_hidden_states}; {@code
 * encoder_attention_mask}, {@code attention_mask} / {@code decoder_attention_mask} (all ones);
 * {@code position_ids}, {@code cache_position}; {@code use_cache_branch} (merged decoders); and
 * {@code past_key_values.*}, fed from the previous step's {@code present.*} output of the same
 * suffix ({@code present.0.decoder.key} → {@code past_key_values.0.decoder.key}). Anything else
 * fails the load, naming the input.
 *
 * @param file file name, for messages
 * @param encoderStates whether it takes {@code encoder_hidden_states}
 * @param encoderMask name of the encoder attention mask input, or null
 * @param attentionMask name of the decoder attention mask input, or null
 * @param positionIds whether it takes {@code position_ids}
 * @param cachePosition whether it takes {@code cache_position}
 * @param useCacheBranch whether it takes {@code use_cache_branch}
 * @param pastInputs cache inputs by name, with their declared shapes (-1 for dynamic)
 * @param presentToPast cache output name → the input it feeds
 * @param logits the logits output
 */
record DecoderSignature(
    String file,
    boolean encoderStates,
    String encoderMask,
    String attentionMask,
    boolean positionIds,
    boolean cachePosition,
    boolean useCacheBranch,
    Map<String, long[]> pastInputs,
    Map<String, String> presentToPast,
    String logits) {

  static final String INPUT_IDS = "input_ids";
  static final String ENCODER_STATES = "encoder_hidden_states";
  static final String USE_CACHE_BRANCH = "use_cache_branch";
  static final String POSITION_IDS = "position_ids";
  static final String CACHE_POSITION = "cache_position";
  private static final String PAST_PREFIX = "past_key_values";

  /** Reads a decoder's signature. */
  static DecoderSignature of(String file, OrtSession session) {
    Map<String, NodeInfo> inputs;
    Map<String, NodeInfo> outputs;
    try {
      inputs = session.getInputInfo();
      outputs = session.getOutputInfo();
    } catch (OrtException e) {
      throw new ModelLoadException(file + ": cannot read its inputs and outputs", e);
    }
    if (!inputs.containsKey(INPUT_IDS)) {
      throw new ModelLoadException(
          file + " has no input_ids input (its inputs: " + inputs.keySet() + ")");
    }
    requireType(file, INPUT_IDS, inputs.get(INPUT_IDS), OnnxJavaType.INT64);
    boolean encoderStates = false;
    String encoderMask = null;
    String attentionMask = null;
    boolean positionIds = false;
    boolean cachePosition = false;
    boolean useCacheBranch = false;
    Map<String, long[]> pasts = new LinkedHashMap<>();
    for (Map.Entry<String, NodeInfo> input : inputs.entrySet()) {
      String name = input.getKey();
      switch (name) {
        case INPUT_IDS -> {}
        case ENCODER_STATES -> {
          requireType(file, name, input.getValue(), OnnxJavaType.FLOAT);
          encoderStates = true;
        }
        case "encoder_attention_mask" -> encoderMask = name;
        case "attention_mask", "decoder_attention_mask" -> attentionMask = name;
        case POSITION_IDS -> positionIds = true;
        case CACHE_POSITION -> cachePosition = true;
        case USE_CACHE_BRANCH -> useCacheBranch = true;
        default -> pasts.put(name, pastShape(file, name, input.getValue()));
      }
    }
    String logits = outputs.containsKey("logits") ? "logits" : null;
    if (logits == null) {
      throw new ModelLoadException(
          file + " has no logits output (its outputs: " + outputs.keySet() + ")");
    }
    requireType(file, logits, outputs.get(logits), OnnxJavaType.FLOAT);
    Map<String, String> presentToPast = new LinkedHashMap<>();
    for (String output : outputs.keySet()) {
      int dot = output.indexOf('.');
      if (dot > 0 && output.substring(0, dot).startsWith("present")) {
        presentToPast.put(output, PAST_PREFIX + output.substring(dot));
      }
    }
    return new DecoderSignature(
        file,
        encoderStates,
        encoderMask,
        attentionMask,
        positionIds,
        cachePosition,
        useCacheBranch,
        pasts,
        presentToPast,
        logits);
  }

  private static long[] pastShape(String file, String name, NodeInfo info) {
    if (!name.startsWith(PAST_PREFIX + ".")) {
      throw new ModelLoadException(
          file + " takes an input '" + name + "' that generation does not know how to feed");
    }
    requireType(file, name, info, OnnxJavaType.FLOAT);
    long[] shape = ((TensorInfo) info.getInfo()).getShape();
    if (shape.length != 4) {
      throw new ModelLoadException(
          file
              + ": cache input "
              + name
              + " has rank "
              + shape.length
              + ", expected [batch, heads, sequence, head size]");
    }
    return shape;
  }

  /** The vocabulary size if the logits' last dimension is fixed, else -1. */
  static long vocabularySize(OrtSession session) {
    try {
      long[] shape = ((TensorInfo) session.getOutputInfo().get("logits").getInfo()).getShape();
      return shape.length == 0 ? -1 : shape[shape.length - 1];
    } catch (OrtException e) {
      return -1;
    }
  }

  /** The cache inputs this decoder's outputs feed. */
  List<String> producedPasts() {
    return new ArrayList<>(presentToPast.values());
  }

  private static void requireType(String file, String name, NodeInfo info, OnnxJavaType type) {
    if (!(info.getInfo() instanceof TensorInfo tensor) || tensor.type != type) {
      throw new ModelLoadException(
          file
              + ": "
              + name
              + " is "
              + info.getInfo()
              + ", expected a "
              + type
              + " tensor"
              + (type == OnnxJavaType.FLOAT ? " (float16 exports are not supported)" : ""));
    }
  }
}
