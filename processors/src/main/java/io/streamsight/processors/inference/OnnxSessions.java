package io.streamsight.processors.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user-provided ONNX file opened as an ONNX Runtime session on every device of a {@link
 * DevicePlacement} by {@link ModelRegistry#loadExternal}, which owns and closes it.
 *
 * <p>An {@link OrtSession} may be run from several threads at once, so one replica serves every
 * processor instance that picked it; callers never close it.
 */
public final class OnnxSessions {

  private static final Logger LOG = LoggerFactory.getLogger(OnnxSessions.class);
  private static final String ENGINE = "OnnxRuntime";

  private final String name;
  private final Path file;
  private final String sha256;
  private final DevicePlacement placement;
  private final List<OrtSession> replicas;

  OnnxSessions(
      String name, Path file, String sha256, DevicePlacement placement, List<OrtSession> replicas) {
    this.name = name;
    this.file = file;
    this.sha256 = sha256;
    this.placement = placement;
    this.replicas = List.copyOf(replicas);
  }

  public String name() {
    return name;
  }

  /** The file as loaded, links resolved. */
  public Path file() {
    return file;
  }

  /** Lower-case hex SHA-256 of the file when it was loaded, for provenance. */
  public String sha256() {
    return sha256;
  }

  /** The devices of the replicas, one per replica, in placement order. */
  public List<Device> devices() {
    return placement.devices();
  }

  /** The session on the placement's {@code index}-th device. */
  public OrtSession replica(int index) {
    return replicas.get(index);
  }

  /**
   * The index of the next replica, round-robin over the placement (shared with every model of the
   * same placement, so a processor instance can pick one index for several files).
   */
  public int nextReplica() {
    return placement.nextIndex();
  }

  /**
   * ONNX Runtime's process-wide environment, created by DJL's engine first: DJL creates it with its
   * own options and fails if it already exists, so nothing here may create it before DJL does.
   */
  public static OrtEnvironment environment() {
    Engine.getEngine(ENGINE);
    return OrtEnvironment.getEnvironment();
  }

  void close() {
    replicas.forEach(OnnxSessions::closeQuietly);
  }

  static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException | RuntimeException e) {
      LOG.warn("closing an ONNX Runtime session failed", e);
    }
  }
}
