package io.streamsight.processors.inference.generate;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.streamsight.models.Checksums;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.inference.OnnxSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An encoder-decoder model in the folder layout Hugging Face Optimum exports ({@code optimum-cli
 * export onnx}), loaded through a {@link ModelRegistry} and shared by every processor instance.
 *
 * <p>The folder holds {@value #ENCODER}, and either {@value #MERGED} (one decoder with a {@code
 * use_cache_branch} switch, preferred when present) or {@value #DECODER} with, optionally, {@value
 * #WITH_PAST} (the decoder that takes the key/value cache); {@code config.json}, optionally {@code
 * generation_config.json}, and {@code tokenizer.json}. Without a cache-taking decoder every step
 * runs the whole sequence through {@value #DECODER}: slower, same result.
 *
 * <p>Everything that can be checked without an input is checked at load, so a folder that does not
 * fit fails start-up with a {@link ModelLoadException} naming the file and what is wrong.
 * Thread-safe; {@link #newRunner()} gives each processor instance its own replica.
 */
public final class Seq2SeqModel {

  public static final String ENCODER = "encoder_model.onnx";
  public static final String DECODER = "decoder_model.onnx";
  public static final String WITH_PAST = "decoder_with_past_model.onnx";
  public static final String MERGED = "decoder_model_merged.onnx";
  public static final String TOKENIZER = "tokenizer.json";

  private final String name;
  private final GenerationConfig config;
  private final HfTokenizer tokenizer;
  private final OnnxSessions encoder;
  private final OnnxSessions decoder;
  private final OnnxSessions withPast;
  private final OnnxSessions merged;
  private final String encoderInput;
  private final long[] encoderInputShape;
  private final String encoderOutput;
  private final DecoderSignature decoderSignature;
  private final DecoderSignature withPastSignature;
  private final DecoderSignature mergedSignature;
  private final FolderProvenance provenance;
  private final int heads;
  private final int headSize;

  private Seq2SeqModel(Builder b) {
    this.name = b.name;
    this.config = b.config;
    this.tokenizer = b.tokenizer;
    this.encoder = b.encoder;
    this.decoder = b.decoder;
    this.withPast = b.withPast;
    this.merged = b.merged;
    this.encoderInput = b.encoderInput;
    this.encoderInputShape = b.encoderInputShape;
    this.encoderOutput = b.encoderOutput;
    this.decoderSignature = b.decoderSignature;
    this.withPastSignature = b.withPastSignature;
    this.mergedSignature = b.mergedSignature;
    this.provenance = b.provenance;
    this.heads = b.heads;
    this.headSize = b.headSize;
  }

  /** Mutable state of one load. */
  private static final class Builder {
    String name;
    GenerationConfig config;
    HfTokenizer tokenizer;
    OnnxSessions encoder;
    OnnxSessions decoder;
    OnnxSessions withPast;
    OnnxSessions merged;
    String encoderInput;
    long[] encoderInputShape;
    String encoderOutput;
    DecoderSignature decoderSignature;
    DecoderSignature withPastSignature;
    DecoderSignature mergedSignature;
    FolderProvenance provenance;
    int heads = -1;
    int headSize = -1;
  }

  /**
   * Loads the export in {@code folder} on every device of the placement.
   *
   * @throws ModelLoadException naming the folder and file when a file is missing, unreadable, or
   *     its inputs and outputs are not those of an Optimum encoder-decoder export
   */
  public static Seq2SeqModel load(Path folder, ModelRegistry registry, DevicePlacement placement) {
    requireNonNull(folder, "folder");
    requireNonNull(registry, "registry");
    requireNonNull(placement, "placement");
    if (!Files.isDirectory(folder)) {
      throw new ModelLoadException("model folder " + folder + " does not exist or is not a folder");
    }
    Builder b = new Builder();
    b.name = folder.toAbsolutePath().normalize().getFileName().toString();
    Path encoderFile = require(folder, ENCODER);
    Path mergedFile = folder.resolve(MERGED);
    boolean hasMerged = Files.isRegularFile(mergedFile);
    Path decoderFile = hasMerged ? null : require(folder, DECODER);
    Path withPastFile = folder.resolve(WITH_PAST);
    boolean hasWithPast = !hasMerged && Files.isRegularFile(withPastFile);
    b.config = GenerationConfig.read(folder);
    b.tokenizer = HfTokenizer.load(require(folder, TOKENIZER));

    Map<String, String> sha = new LinkedHashMap<>();
    b.encoder = registry.loadExternal(b.name + "/" + ENCODER, encoderFile, placement);
    sha.put(ENCODER, b.encoder.sha256());
    if (hasMerged) {
      b.merged = registry.loadExternal(b.name + "/" + MERGED, mergedFile, placement);
      sha.put(MERGED, b.merged.sha256());
    } else {
      b.decoder = registry.loadExternal(b.name + "/" + DECODER, decoderFile, placement);
      sha.put(DECODER, b.decoder.sha256());
      if (hasWithPast) {
        b.withPast = registry.loadExternal(b.name + "/" + WITH_PAST, withPastFile, placement);
        sha.put(WITH_PAST, b.withPast.sha256());
      }
    }
    for (String json : List.of("config.json", "generation_config.json", TOKENIZER)) {
      Path file = folder.resolve(json);
      if (Files.isRegularFile(file)) {
        sha.put(json, sha256(file));
      }
    }
    b.provenance =
        new FolderProvenance(
            b.name, b.config.raw().path("transformers_version").asText("unknown"), sha);
    readEncoder(b);
    readDecoders(b);
    return new Seq2SeqModel(b);
  }

  private static Path require(Path folder, String file) {
    Path path = folder.resolve(file);
    if (!Files.isRegularFile(path)) {
      throw new ModelLoadException(
          "model folder "
              + folder
              + " has no "
              + file
              + " (an Optimum export has encoder_model.onnx, decoder_model.onnx or"
              + " decoder_model_merged.onnx, config.json and tokenizer.json)");
    }
    return path;
  }

  private static void readEncoder(Builder b) {
    OrtSession session = b.encoder.replica(0);
    try {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      if (inputs.size() != 1) {
        throw new ModelLoadException(
            ENCODER
                + " of "
                + b.name
                + " takes "
                + inputs.keySet()
                + "; only encoders with one float input (pixel_values, input_features) are"
                + " supported");
      }
      Map.Entry<String, NodeInfo> input = inputs.entrySet().iterator().next();
      TensorInfo info = floatTensor(b.name, ENCODER, input.getKey(), input.getValue());
      b.encoderInput = input.getKey();
      b.encoderInputShape = info.getShape();
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      String output =
          outputs.containsKey("last_hidden_state")
              ? "last_hidden_state"
              : outputs.keySet().iterator().next();
      floatTensor(b.name, ENCODER, output, outputs.get(output));
      b.encoderOutput = output;
    } catch (OrtException e) {
      throw new ModelLoadException(ENCODER + " of " + b.name + ": cannot read its signature", e);
    }
  }

  private static TensorInfo floatTensor(String model, String file, String name, NodeInfo node) {
    if (!(node.getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT) {
      throw new ModelLoadException(
          file
              + " of "
              + model
              + ": "
              + name
              + " is "
              + node.getInfo()
              + ", expected a float tensor (float16 exports are not supported)");
    }
    return info;
  }

  private static void readDecoders(Builder b) {
    DecoderSignature first;
    OnnxSessions firstSessions;
    if (b.merged != null) {
      b.mergedSignature = DecoderSignature.of(MERGED, b.merged.replica(0));
      first = b.mergedSignature;
      firstSessions = b.merged;
      if (!first.useCacheBranch() && !first.pastInputs().isEmpty()) {
        throw new ModelLoadException(
            MERGED + " of " + b.name + " takes a cache but has no use_cache_branch input");
      }
      requireCovered(b.name, first, first.producedPasts());
    } else {
      b.decoderSignature = DecoderSignature.of(DECODER, b.decoder.replica(0));
      first = b.decoderSignature;
      firstSessions = b.decoder;
      if (!first.pastInputs().isEmpty()) {
        throw new ModelLoadException(
            DECODER
                + " of "
                + b.name
                + " takes cache inputs "
                + first.pastInputs().keySet()
                + "; the first step has no cache (is it a merged decoder under the wrong name?)");
      }
      if (b.withPast != null) {
        b.withPastSignature = DecoderSignature.of(WITH_PAST, b.withPast.replica(0));
        Set<String> produced = new HashSet<>(first.producedPasts());
        produced.addAll(b.withPastSignature.producedPasts());
        requireCovered(b.name, b.withPastSignature, produced);
        if (b.withPastSignature.pastInputs().isEmpty()) {
          throw new ModelLoadException(
              WITH_PAST + " of " + b.name + " takes no past_key_values inputs");
        }
      }
    }
    if (!first.encoderStates()) {
      throw new ModelLoadException(
          first.file() + " of " + b.name + " takes no encoder_hidden_states input");
    }
    long vocab = DecoderSignature.vocabularySize(firstSessions.replica(0));
    GenerationConfig c = b.config;
    long largest = c.decoderStartTokenId();
    for (long eos : c.eosTokenIds()) {
      largest = Math.max(largest, eos);
    }
    if (vocab > 0 && largest >= vocab) {
      throw new ModelLoadException(
          first.file()
              + " of "
              + b.name
              + " has "
              + vocab
              + " logits, but the config's token ids go up to "
              + largest);
    }
    if (b.mergedSignature != null) {
      inferCacheShape(b, b.mergedSignature);
    }
  }

  private static void requireCovered(String model, DecoderSignature taker, Iterable<String> fed) {
    Set<String> missing = new HashSet<>(taker.pastInputs().keySet());
    fed.forEach(missing::remove);
    if (!missing.isEmpty()) {
      throw new ModelLoadException(
          taker.file()
              + " of "
              + model
              + " takes cache inputs "
              + new java.util.TreeSet<>(missing)
              + " that no decoder output (present.*) provides");
    }
  }

  /** Heads and head size for the empty cache of a merged decoder's first step. */
  private static void inferCacheShape(Builder b, DecoderSignature signature) {
    for (long[] shape : signature.pastInputs().values()) {
      if (shape[1] > 0 && shape[3] > 0) {
        return;
      }
    }
    JsonNode raw = b.config.raw();
    int heads = firstInt(raw, "decoder_attention_heads", "n_head", "num_attention_heads");
    int hidden = firstInt(raw, "d_model", "n_embd", "hidden_size");
    if (heads <= 0 || hidden <= 0) {
      throw new ModelLoadException(
          MERGED
              + " of "
              + b.name
              + ": the cache's heads and head size are neither fixed in the model nor in"
              + " config.json");
    }
    b.heads = heads;
    b.headSize = hidden / heads;
  }

  private static int firstInt(JsonNode raw, String... keys) {
    for (String key : keys) {
      for (JsonNode node : List.of(raw, raw.path("decoder"))) {
        if (node.path(key).isInt()) {
          return node.path(key).asInt();
        }
      }
    }
    return -1;
  }

  private static String sha256(Path file) {
    try {
      return Checksums.sha256(file);
    } catch (IOException e) {
      throw new ModelLoadException("cannot read " + file, e);
    }
  }

  /** The folder's name. */
  public String name() {
    return name;
  }

  public GenerationConfig config() {
    return config;
  }

  public HfTokenizer tokenizer() {
    return tokenizer;
  }

  /** SHA-256 of every file read, for output records. */
  public FolderProvenance provenance() {
    return provenance;
  }

  /** The encoder input's name (e.g. {@code pixel_values}, {@code input_features}). */
  public String encoderInput() {
    return encoderInput;
  }

  /** The encoder input's declared shape, -1 for dynamic dimensions. */
  public long[] encoderInputShape() {
    return encoderInputShape.clone();
  }

  /** Whether the export has a decoder that takes the key/value cache. */
  public boolean hasCache() {
    return merged != null ? !mergedSignature.pastInputs().isEmpty() : withPast != null;
  }

  /** Which decoder files were loaded, for logs. */
  public String decoders() {
    return merged != null ? MERGED : withPast != null ? DECODER + " + " + WITH_PAST : DECODER;
  }

  /**
   * A runner on the next device replica, round-robin. One per processor instance; a runner is meant
   * for one thread at a time (the sessions behind it are shared and thread-safe).
   */
  public Runner newRunner() {
    return new Runner(encoder.nextReplica());
  }

  /** Encodes and generates on one device replica. */
  public final class Runner {
    private final int replica;
    private final OrtEnvironment env = OnnxSessions.environment();

    private Runner(int replica) {
      this.replica = replica;
    }

    /** The replica's device, as configured: {@code cpu} or {@code gpu:N}. */
    public String device() {
      Device device = encoder.devices().get(replica);
      return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    /**
     * Runs the encoder on a batch.
     *
     * @param data the encoder input, row-major, batch first
     * @param shape its shape, batch first
     * @return the encoder's output; close it after generating
     */
    public EncoderOutput encode(float[] data, long[] shape) {
      try (OnnxTensor input = Tensors.floats(env, data, shape)) {
        OrtSession.Result result = encoder.replica(replica).run(Map.of(encoderInput, input));
        OnnxTensor states = null;
        for (Map.Entry<String, OnnxValue> output : result) {
          if (output.getKey().equals(encoderOutput)) {
            states = (OnnxTensor) output.getValue();
          } else {
            output.getValue().close();
          }
        }
        return new EncoderOutput(states, (int) shape[0]);
      } catch (OrtException e) {
        throw new GenerationException("ONNX Runtime failed running " + ENCODER + " of " + name, e);
      }
    }

    /**
     * The decoder steps of one generation over an encoded batch.
     *
     * @param useCache feed the key/value cache back when the export has a decoder for it
     */
    public DecoderSteps decoder(EncoderOutput encoded, boolean useCache) {
      boolean cache = useCache && hasCache();
      if (merged != null) {
        return new OnnxDecoderRun(
            env,
            Seq2SeqModel.this.name,
            encoded,
            merged.replica(replica),
            mergedSignature,
            merged.replica(replica),
            mergedSignature,
            cache,
            heads,
            headSize);
      }
      return new OnnxDecoderRun(
          env,
          Seq2SeqModel.this.name,
          encoded,
          decoder.replica(replica),
          decoderSignature,
          withPast != null ? withPast.replica(replica) : null,
          withPastSignature,
          cache,
          heads,
          headSize);
    }

    /** Generates one sequence per prompt over an encoded batch. */
    public List<Generated> generate(
        EncoderOutput encoded,
        long[][] prompts,
        SearchSettings settings,
        LogitsProcessor processor) {
      try (DecoderSteps steps = decoder(encoded, settings.useCache())) {
        return Search.generate(steps, prompts, settings, config.eosTokenIds(), processor);
      }
    }
  }
}
