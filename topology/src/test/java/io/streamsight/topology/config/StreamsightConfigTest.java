package io.streamsight.topology.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.streamsight.processors.face.FaceModels;
import io.streamsight.processors.inference.InferenceDeadLetterHandler;
import io.streamsight.processors.ocr.OcrSettings;
import io.streamsight.processors.vision.SourcePlan;
import io.streamsight.processors.vision.SourcePlans;
import io.streamsight.processors.vision.VisionSettings;
import io.streamsight.processors.vision.VisionStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsightConfigTest {

  @Test
  void shouldUseEmbeddedBrokerAndAtLeastOnceByDefault() {
    StreamsightConfig config = ConfigLoader.load(null, Map.of(), Map.of());

    assertThat(config.useEmbeddedBroker()).isTrue();
    assertThat(config.processingGuarantee()).isEqualTo("at_least_once");
    assertThat(config.deadLetterTopic()).isEqualTo("streamsight.dlq");
    assertThat(config.embeddedPort()).isEqualTo(9092);
  }

  @Test
  void shouldLayerFileThenEnvironmentThenOverrides(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("streamsight.properties");
    Files.writeString(
        file,
        """
        bootstrap.servers=kafka-1:9092
        image.max.pixels=1000
        text.max.chars=10
        application.id=from-file
        """);
    Map<String, String> env =
        Map.of(
            "STREAMSIGHT_IMAGE_MAX_PIXELS",
            "2000",
            "STREAMSIGHT_TEXT_MAX_CHARS",
            "20",
            "PATH",
            "/bin");

    StreamsightConfig config = ConfigLoader.load(file, env, Map.of("text.max.chars", "30"));

    assertThat(config.bootstrapServers()).isEqualTo("kafka-1:9092");
    assertThat(config.useEmbeddedBroker()).isFalse();
    assertThat(config.applicationId()).isEqualTo("from-file");
    assertThat(config.imageMaxPixels()).isEqualTo(2000);
    assertThat(config.textMaxChars()).isEqualTo(30);
  }

  @Test
  void shouldRejectUnknownProcessingGuarantee() {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("processing.guarantee", "exactly_once")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("processing.guarantee");
  }

  @Test
  void shouldRejectValuesOutsideTheirRange() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("image.max.pixels", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("image.max.pixels");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("embedded.port", "x")))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void shouldPassKafkaClientSecurityPropertiesThroughUntouched() {
    Map<String, String> env =
        Map.of(
            "STREAMSIGHT_SASL_JAAS_CONFIG",
            "org.apache.kafka.common.security.plain.PlainLoginModule required;");
    StreamsightConfig config =
        ConfigLoader.load(
            null,
            env,
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "ssl.truststore.location", "/etc/kafka/truststore.jks",
                "image.max.bytes", "1234"));

    Map<String, Object> client = config.kafkaClientProperties("broker:9093");

    assertThat(client)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks")
        .containsEntry(
            "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;")
        .containsEntry("bootstrap.servers", "broker:9093")
        .doesNotContainKey("image.max.bytes");
  }

  @Test
  void shouldNotTakeCacheFolderVariablesForKafkaSettings() {
    StreamsightConfig config =
        ConfigLoader.load(null, Map.of("STREAMSIGHT_MODELS_DIR", "/models"), Map.of());

    assertThat(config.kafkaClientProperties("broker:9092")).doesNotContainKey("models.dir");
  }

  @Test
  void shouldConfigureDeadLetterQueueAndContinueHandlersForStreams() {
    StreamsightConfig config =
        ConfigLoader.load(null, Map.of(), Map.of("processing.guarantee", "exactly_once_v2"));

    Map<String, Object> props = config.streamsProperties("broker:9092");

    assertThat(props)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
        .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "streamsight.dlq")
        .containsEntry(
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            LogAndContinueExceptionHandler.class.getName())
        .containsEntry(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            InferenceDeadLetterHandler.class.getName())
        .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    // The whole map must be a valid Kafka Streams config.
    new StreamsConfig(props);
  }

  @Test
  void shouldDocumentEveryKey() {
    assertThat(StreamsightConfig.keys())
        .isNotEmpty()
        .allSatisfy(k -> assertThat(k.documentation).isNotBlank());
  }

  @Test
  void shouldDeriveModelThreadsSoThatTheyTimesStreamThreadsStayWithinTheCores() {
    int cores = Runtime.getRuntime().availableProcessors();
    StreamsightConfig config = ConfigLoader.load(null, Map.of(), Map.of("num.stream.threads", "2"));

    assertThat(config.ortThreads().intraOp()).isEqualTo(Math.max(1, cores / 2));
    assertThat(config.ortThreads().interOp()).isEqualTo(1);
    assertThat(
            ConfigLoader.load(
                    null,
                    Map.of(),
                    Map.of("inference.intra.op.threads", "3", "inference.inter.op.threads", "2"))
                .ortThreads())
        .extracting(t -> t.intraOp(), t -> t.interOp())
        .containsExactly(3, 2);
  }

  @Test
  void shouldReadBatchSettingsWithDefaultsOfEightRecordsAndFiftyMillis() {
    assertThat(ConfigLoader.load(null, Map.of(), Map.of()).batchSettings())
        .extracting(b -> b.maxSize(), b -> b.maxDelay())
        .containsExactly(8, Duration.ofMillis(50));
    assertThat(
            ConfigLoader.load(
                    null, Map.of(), Map.of("batch.max.size", "32", "batch.max.delay.ms", "5"))
                .batchSettings())
        .extracting(b -> b.maxSize(), b -> b.maxDelay())
        .containsExactly(32, Duration.ofMillis(5));
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("batch.max.size", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("batch.max.size");
  }

  @Test
  void shouldPlaceEachProcessorOnItsConfiguredDevicesAndDefaultToCpu() {
    StreamsightConfig config =
        ConfigLoader.load(
            null,
            Map.of("STREAMSIGHT_PROCESSOR_DETECT_DEVICE", "gpu:0"),
            Map.of("processor.embed.device", "gpu:0, gpu:1"));

    assertThat(config.devicePlacement("embed").devices())
        .containsExactly(Device.gpu(0), Device.gpu(1));
    assertThat(config.devicePlacement("detect").devices()).containsExactly(Device.gpu(0));
    assertThat(config.devicePlacement("caption").devices()).containsExactly(Device.cpu());
    assertThat(config.kafkaClientProperties("b:9092")).doesNotContainKey("processor.embed.device");
  }

  @Test
  void shouldRejectAnUnknownDeviceNamingTheKey() {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("processor.embed.device", "tpu:0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("processor.embed.device")
        .hasMessageContaining("tpu:0");
  }

  @Test
  void shouldRunEveryImageProcessorOfThisBuildForEverySourceByDefault() {
    StreamsightConfig config = ConfigLoader.load(null, Map.of(), Map.of());

    SourcePlan plan = config.imagePlans().forSource("any-camera");
    assertThat(plan.steps())
        .containsExactly(
            VisionStep.DETECTION, VisionStep.FACES, VisionStep.OCR, VisionStep.CAPTION);
    assertThat(plan.blurFaces()).isFalse();
    assertThat(config.skipUnavailableImageModels()).isFalse();
    assertThat(config.visionSettings().captionModelDir()).isNull();
  }

  @Test
  void shouldOverrideImageProcessorsAndThePrivacySwitchPerSource() {
    StreamsightConfig config =
        ConfigLoader.load(
            null,
            Map.of(),
            Map.of(
                "image.processors", "detection",
                "source.scanner-1.image.processors", "caption, ocr",
                "source.gate.cam.image.privacy.blur", "TRUE",
                "source.archive.image.processors", ""));

    SourcePlans plans = config.imagePlans();
    assertThat(plans.forSource("cam-7").steps()).containsExactly(VisionStep.DETECTION);
    assertThat(plans.forSource("scanner-1").steps())
        .containsExactly(VisionStep.OCR, VisionStep.CAPTION);
    // The privacy switch brings the faces along; the source keeps the default processors.
    assertThat(plans.forSource("gate.cam").steps())
        .containsExactly(VisionStep.DETECTION, VisionStep.FACES);
    assertThat(plans.forSource("gate.cam").blurFaces()).isTrue();
    assertThat(plans.forSource("archive").usesModels()).isFalse();
    assertThat(config.kafkaClientProperties("b:9092"))
        .doesNotContainKeys(
            "source.scanner-1.image.processors",
            "source.gate.cam.image.privacy.blur",
            "image.processors");
  }

  @Test
  void shouldRejectAnUnknownImageProcessorOrBlurValueNamingTheKey() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null, Map.of(), Map.of("source.cam-1.image.processors", "detection,pose")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("source.cam-1.image.processors")
        .hasMessageContaining("'pose' is not an image processor");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("image.processors", "faces,captions")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("image.processors");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(null, Map.of(), Map.of("source.cam-1.image.privacy.blur", "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("source.cam-1.image.privacy.blur");
  }

  @Test
  void shouldReadDetectionFaceAndCaptionSettings() {
    StreamsightConfig config =
        ConfigLoader.load(
            null,
            Map.of(),
            Map.of(
                "detection.score.threshold", "0.5",
                "detection.class.thresholds", "dog:0.6,traffic light:0.4",
                "detection.classes", "person,dog,traffic light",
                "faces.model", "back",
                "caption.model.dir", "/models/vit-gpt2",
                "caption.beams", "3",
                "ocr.recognizer", "v3",
                "ocr.classify.angle", "false"));

    VisionSettings settings = config.visionSettings();
    assertThat(settings.detection().scoreThreshold()).isEqualTo(0.5f);
    assertThat(settings.detection().threshold("dog")).isEqualTo(0.6f);
    assertThat(settings.detection().threshold("traffic light")).isEqualTo(0.4f);
    assertThat(settings.detection().reports("car")).isFalse();
    assertThat(settings.faces().models()).isEqualTo(FaceModels.BACK);
    assertThat(settings.captionModelDir()).isEqualTo(Path.of("/models/vit-gpt2"));
    assertThat(settings.caption().generation().numBeams()).isEqualTo(3);
    assertThat(settings.ocr().recognizer()).isEqualTo(OcrSettings.Recognizer.V3);
    assertThat(settings.ocr().classifyAngle()).isFalse();
    assertThat(settings.ocr().maxSideLength()).isEqualTo(960);
  }

  @Test
  void shouldRejectUnknownCocoLabelsAndBadThresholds() {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("detection.classes", "person,sofa")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'sofa' is not a COCO label");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(null, Map.of(), Map.of("detection.class.thresholds", "dog=0.5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("detection.class.thresholds");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("faces.score.threshold", "1.5")))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("faces.model", "side")))
        .isInstanceOf(ConfigException.class);
  }
}
