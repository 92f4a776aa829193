package io.streamsight.processors.inference;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;
import ai.djl.util.cuda.CudaUtils;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ONNX models from the verified model cache with DJL's OnnxRuntime engine, and owns them.
 *
 * <p>Every load is local: the file must lie inside the cache folder (after resolving links), its
 * SHA-256 must equal the {@link ModelSpec}'s, and DJL runs in offline mode ({@code
 * ai.djl.offline=true}, set by the constructor for the whole JVM, since DJL reads it as a system
 * property), so nothing is ever downloaded. A model is loaded once per device of its {@link
 * DevicePlacement}; asking for {@code gpu:N} fails at load, with the reason, when ONNX Runtime has
 * no CUDA execution provider (the CPU build: build with {@code -Pgpu}) or no GPU {@code N} is
 * visible. All failures are {@link ModelLoadException}s at start-up.
 *
 * <p>The registry closes every model it loaded in {@link #close()}, which must run after {@code
 * KafkaStreams.close()} returned (the processors' predictors are closed by then). Loading is
 * thread-safe; models are not shared between {@code load} calls.
 *
 * <p>Files a user points the configuration at (an encoder-decoder folder exported by Hugging Face
 * Optimum, say) have no catalogue pin: {@link #loadExternal} opens them as plain ONNX Runtime
 * sessions, with the same threads and device checks, records their sha256 for provenance instead of
 * checking it, and closes them with the rest.
 */
public final class ModelRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
  private static final String ENGINE = "OnnxRuntime";

  private final Path cacheDir;
  private final OrtThreads threads;
  private final List<ZooModel<?, ?>> models = new ArrayList<>();
  private final List<OnnxSessions> externals = new ArrayList<>();
  private boolean closed;

  /**
   * @param cacheDir the verified model cache; every {@link ModelSpec#file()} is relative to it
   * @param threads ONNX Runtime threads for every session
   * @throws ModelLoadException if the cache folder does not exist
   */
  public ModelRegistry(Path cacheDir, OrtThreads threads) {
    requireNonNull(cacheDir, "cacheDir");
    this.threads = requireNonNull(threads, "threads");
    try {
      this.cacheDir = cacheDir.toRealPath();
    } catch (IOException e) {
      throw new ModelLoadException("model cache folder " + cacheDir + " is not readable", e);
    }
    // DJL checks this before any download (model zoo, engine natives, telemetry).
    System.setProperty("ai.djl.offline", "true");
  }

  /**
   * Loads a batching model: one prediction takes a whole micro-batch.
   *
   * @see #load(ModelSpec, DevicePlacement, Class, Class, Translator)
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <V, R> ModelReplicas<List<V>, List<R>> loadBatching(
      ModelSpec spec, DevicePlacement placement, BatchTranslator<V, R> translator) {
    return load(spec, placement, (Class) List.class, (Class) List.class, translator);
  }

  /**
   * Verifies the model file and loads it on every device of the placement.
   *
   * @param translator the model's translator, shared by its replicas (so it must be stateless)
   * @throws ModelLoadException naming the file or device when the file is missing, outside the
   *     cache or has another checksum, a GPU is not available, or ONNX Runtime rejects the model
   * @throws IllegalStateException if the registry is closed
   */
  public synchronized <I, O> ModelReplicas<I, O> load(
      ModelSpec spec,
      DevicePlacement placement,
      Class<I> inputType,
      Class<O> outputType,
      Translator<I, O> translator) {
    requireNonNull(spec, "spec");
    requireNonNull(placement, "placement");
    requireNonNull(translator, "translator");
    if (closed) {
      throw new IllegalStateException("model registry is closed");
    }
    Path file = verifiedFile(spec);
    List<ZooModel<I, O>> replicas = new ArrayList<>();
    try {
      for (Device device : placement.devices()) {
        checkDevice(spec.name(), placement, device);
        replicas.add(loadOn(spec, file, device, inputType, outputType, translator));
      }
    } catch (RuntimeException e) {
      replicas.forEach(ZooModel::close);
      throw e;
    }
    models.addAll(replicas);
    LOG.info(
        "loaded model {} for processor {} on {} ({} intra-op, {} inter-op threads)",
        spec.name(),
        placement.processorName(),
        placement,
        threads.intraOp(),
        threads.interOp());
    return new ModelReplicas<>(spec.name(), placement, replicas);
  }

  /**
   * Opens a user-provided ONNX file that has no catalogue pin, once per device of the placement, as
   * ONNX Runtime sessions with this registry's threads. Its sha256 is computed (not checked) and
   * kept for provenance; the sessions are closed by {@link #close()}.
   *
   * <p>For models whose callers need named inputs and outputs step by step (encoder-decoder
   * generation feeds a KV cache back by name), which DJL's one-call translators do not fit.
   *
   * @param name model name for logs, errors and provenance
   * @param file the {@code .onnx} file, anywhere readable
   * @throws ModelLoadException naming the file or device when the file is missing or unreadable, a
   *     GPU is not available, or ONNX Runtime rejects the file
   * @throws IllegalStateException if the registry is closed
   */
  public synchronized OnnxSessions loadExternal(String name, Path file, DevicePlacement placement) {
    requireNonNull(name, "name");
    requireNonNull(file, "file");
    requireNonNull(placement, "placement");
    if (closed) {
      throw new IllegalStateException("model registry is closed");
    }
    Path real;
    String sha256;
    try {
      real = file.toRealPath();
      if (!Files.isRegularFile(real)) {
        throw new ModelLoadException("model " + name + ": " + file + " is not a file");
      }
      sha256 = sha256(real);
    } catch (NoSuchFileException e) {
      throw new ModelLoadException("model " + name + ": " + file + " does not exist", e);
    } catch (IOException e) {
      throw new ModelLoadException("model " + name + ": cannot read " + file, e);
    }
    List<OrtSession> sessions = new ArrayList<>();
    try {
      for (Device device : placement.devices()) {
        checkDevice(name, placement, device);
        sessions.add(openSession(name, real, device));
      }
    } catch (RuntimeException e) {
      sessions.forEach(OnnxSessions::closeQuietly);
      throw e;
    }
    OnnxSessions loaded = new OnnxSessions(name, real, sha256, placement, sessions);
    externals.add(loaded);
    LOG.info(
        "loaded external model {} ({}, sha256 {}) for processor {} on {} ({} intra-op, {} inter-op"
            + " threads)",
        name,
        real,
        sha256,
        placement.processorName(),
        placement,
        threads.intraOp(),
        threads.interOp());
    return loaded;
  }

  private OrtSession openSession(String name, Path file, Device device) {
    OrtEnvironment env = OnnxSessions.environment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads.intraOp());
      options.setInterOpNumThreads(threads.interOp());
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      if (device.isGpu()) {
        options.addCUDA(device.getDeviceId());
      }
      return env.createSession(file.toString(), options);
    } catch (OrtException e) {
      throw new ModelLoadException(
          "ONNX Runtime cannot load model " + name + " from " + file + " on " + device, e);
    }
  }

  /** Closes every model loaded, last loaded first. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = externals.size() - 1; i >= 0; i--) {
      externals.get(i).close();
    }
    externals.clear();
    for (int i = models.size() - 1; i >= 0; i--) {
      try {
        models.get(i).close();
      } catch (RuntimeException e) {
        LOG.warn("closing model {} failed", models.get(i).getName(), e);
      }
    }
    models.clear();
  }

  private <I, O> ZooModel<I, O> loadOn(
      ModelSpec spec,
      Path file,
      Device device,
      Class<I> inputType,
      Class<O> outputType,
      Translator<I, O> translator) {
    Criteria<I, O> criteria =
        Criteria.builder()
            .setTypes(inputType, outputType)
            .optModelPath(file)
            .optModelName(spec.name())
            .optEngine(ENGINE)
            .optDevice(device)
            .optTranslator(translator)
            .optOptions(threads.criteriaOptions())
            .build();
    try {
      return criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException | IOException e) {
      throw new ModelLoadException(
          "ONNX Runtime cannot load model " + spec.name() + " from " + file + " on " + device, e);
    }
  }

  /** The cache file of a spec, after the containment and checksum checks. */
  private Path verifiedFile(ModelSpec spec) {
    Path file;
    try {
      file = cacheDir.resolve(spec.file()).toRealPath();
    } catch (NoSuchFileException e) {
      throw new ModelLoadException(
          "model " + spec.name() + ": " + cacheDir.resolve(spec.file()) + " is not in the cache",
          e);
    } catch (IOException e) {
      throw new ModelLoadException(
          "model " + spec.name() + ": cannot read " + cacheDir.resolve(spec.file()), e);
    }
    if (!file.startsWith(cacheDir) || !Files.isRegularFile(file)) {
      throw new ModelLoadException(
          "model " + spec.name() + ": " + file + " is not a file inside the cache " + cacheDir);
    }
    String actual;
    try {
      actual = sha256(file);
    } catch (IOException e) {
      throw new ModelLoadException("model " + spec.name() + ": cannot read " + file, e);
    }
    if (!actual.equals(spec.sha256())) {
      throw new ModelLoadException(
          "model "
              + spec.name()
              + ": refusing to load "
              + file
              + ": sha256 is "
              + actual
              + ", expected "
              + spec.sha256());
    }
    return file;
  }

  private static void checkDevice(String model, DevicePlacement placement, Device device) {
    if (!device.isGpu()) {
      return;
    }
    String where = "processor " + placement.processorName() + " places model " + model + " on gpu:";
    EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
    if (!providers.contains(OrtProvider.CUDA)) {
      throw new ModelLoadException(
          where
              + device.getDeviceId()
              + ", but this ONNX Runtime build has no CUDA execution provider (it has "
              + providers
              + "); build with -Pgpu for onnxruntime_gpu, or place the processor on cpu");
    }
    int gpus = CudaUtils.getGpuCount();
    if (device.getDeviceId() >= gpus) {
      throw new ModelLoadException(
          where
              + device.getDeviceId()
              + ", but CUDA sees "
              + gpus
              + " GPU(s) on this machine; place the processor on cpu or an existing GPU");
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
