package io.streamsight.models.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.streamsight.models.ModelConverter;
import io.streamsight.models.convert.NanodetDecoder.Detection;
import io.streamsight.models.onnx.OnnxModel;
import io.streamsight.models.onnx.OrtSessions;
import io.streamsight.models.onnx.OrtSessions.FloatTensor;
import io.streamsight.models.onnx.proto.ModelProto;
import io.streamsight.models.onnx.proto.NodeProto;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converts the real registry models (from the model cache; skipped when absent) and checks them
 * against the reference detections in shared/data/models-notes.md.
 */
class TfjsGraphConverterTest {
  private static final int PERSON = 0;
  private static final int BICYCLE = 1;
  private static final int TRUCK = 7;
  private static final int DOG = 16;
  private static final int HORSE = 17;

  private static byte[] nanodet;

  /** The fetched source files of a catalogue entry; skips (saying why) when not in the cache. */
  private static Path fetched(String entry) {
    return TestCaches.fetchedSources(entry);
  }

  /** nanodet converted once per run. */
  private static synchronized byte[] nanodet() throws Exception {
    Path models = fetched("nanodet-coco");
    if (nanodet == null) {
      long start = System.nanoTime();
      nanodet = new TfjsGraphConverter().toOnnx(models, "nanodet.json").toByteArray();
      System.out.printf("nanodet converted in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }
    return nanodet;
  }

  @Test
  void shouldBeFoundByServiceLoaderUnderItsCatalogueName() {
    List<String> names =
        ServiceLoader.load(ModelConverter.class).stream()
            .map(p -> p.get().name())
            .collect(Collectors.toList());

    assertThat(names).contains("tfjs-graph-to-onnx");
  }

  @Test
  void shouldWriteTheSameBytesOnEveryConversion(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("a/nanodet.onnx");
    Path second = dir.resolve("b/nanodet.onnx");

    new TfjsGraphConverter().convert(fetched("nanodet-coco"), "nanodet.json", first);
    new TfjsGraphConverter().convert(fetched("nanodet-coco"), "nanodet.json", second);

    assertThat(Files.readAllBytes(first))
        .isEqualTo(Files.readAllBytes(second))
        .isEqualTo(nanodet());
    System.out.println("nanodet.onnx sha256 " + OnnxModel.read(first).sha256());
  }

  @Test
  void shouldKeepNanodetsNchwInputAndItsSixOutputs() throws Exception {
    ModelProto model = ModelProto.parseFrom(nanodet());

    var input = model.getGraph().getInput(0);
    assertThat(input.getName()).isEqualTo("input_1");
    assertThat(input.getType().getTensorType().getShape().getDimList())
        .extracting(d -> d.getDimValue())
        .containsExactly(1L, 3L, 416L, 416L);
    assertThat(model.getGraph().getOutputList())
        .extracting(o -> o.getName())
        .containsExactly(
            "Identity", "Identity_1", "Identity_2", "Identity_3", "Identity_4", "Identity_5");
    // The TF.js graph wraps all 34 convolutions in NHWC↔NCHW transposes; none survive but the
    // six that the outputs' own [0,2,1] transposes need.
    assertThat(model.getGraph().getNodeList())
        .filteredOn(n -> n.getOpType().equals("Transpose"))
        .extracting(NodeProto::getName)
        .allMatch(name -> name.startsWith("Identity"))
        .hasSize(6);
  }

  @Test
  void shouldDetectThePersonHorseAndDogInPersonJpgLikeTheReference() throws Exception {
    List<Detection> found = detect("person.jpg");

    // Reference: person 0.74 [175, 92, 92, 276], horse 0.51 [393, 131, 198, 209],
    // dog 0.45 [64, 261, 132, 81].
    assertDetection(best(found, PERSON), 0.74f, 175, 92, 92, 276);
    assertDetection(best(found, HORSE), 0.51f, 393, 131, 198, 209);
    assertDetection(best(found, DOG), 0.45f, 64, 261, 132, 81);
    assertThat(best(found, PERSON).score()).isGreaterThanOrEqualTo(0.5f);
  }

  @Test
  void shouldDetectTheBicycleDogAndTruckInDogJpgLikeTheReference() throws Exception {
    List<Detection> found = detect("dog.jpg");

    // Reference: bicycle 0.68 [93, 107, 448, 295], dog 0.42 [116, 211, 229, 321],
    // truck 0.36 [457, 80, 229, 80].
    assertDetection(best(found, BICYCLE), 0.68f, 93, 107, 448, 295);
    assertDetection(best(found, DOG), 0.42f, 116, 211, 229, 321);
    assertDetection(best(found, TRUCK), 0.36f, 457, 80, 229, 80);
  }

  @Test
  void shouldConvertBlazePoseLiteWithItsNhwcInputAndOutputShapes() throws Exception {
    long start = System.nanoTime();
    OnnxModel model =
        new TfjsGraphConverter().toOnnx(fetched("blazepose-lite"), "blazepose-lite.json");
    System.out.printf(
        "blazepose-lite converted in %d ms, sha256 %s%n",
        (System.nanoTime() - start) / 1_000_000, model.sha256());
    float[] image = new float[2 * 256 * 256 * 3];
    for (int i = 0; i < image.length; i++) {
      image[i] = (i % 7) / 7f;
    }

    Map<String, FloatTensor> out =
        OrtSessions.run(
            model.toByteArray(), Map.of("input_1", FloatTensor.of(image, 2, 256, 256, 3)));

    assertThat(model.proto().getGraph().getInput(0).getType().getTensorType().getShape().getDim(0))
        .satisfies(d -> assertThat(d.getDimParam()).isEqualTo("batch"));
    assertThat(out.get("ld_3d").shape()).containsExactly(2, 195);
    assertThat(out.get("world_3d").shape()).containsExactly(2, 117);
    assertThat(out.get("output_poseflag").shape()).containsExactly(2, 1);
    assertThat(out.get("activation_heatmap").shape()).containsExactly(2, 64, 64, 39);
    assertThat(out.get("activation_segmentation").shape()).containsExactly(2, 256, 256, 1);
    for (float flag : out.get("output_poseflag").data()) {
      assertThat(flag).isBetween(0f, 1f);
    }
  }

  private static List<Detection> detect(String photo) throws Exception {
    byte[] model = nanodet();
    BufferedImage image = ImageIO.read(TestCaches.darknetPhoto(photo).toFile());
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = env.createSession(model, options)) {
      Map<String, FloatTensor> out =
          OrtSessions.run(env, session, Map.of("input_1", NanodetDecoder.preprocess(image)));
      List<Detection> found = NanodetDecoder.decode(out, image.getWidth(), image.getHeight(), 0.3f);
      System.out.println(photo + ": " + found);
      return found;
    }
  }

  private static Detection best(List<Detection> found, int label) {
    return found.stream()
        .filter(d -> d.label() == label)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no detection of class " + label + " in " + found));
  }

  private static void assertDetection(
      Detection d, float score, float x, float y, float w, float h) {
    assertThat(d.score()).as("score").isCloseTo(score, within(0.015f));
    assertThat(new float[] {d.x(), d.y(), d.w(), d.h()})
        .as("box x, y, w, h of %s", d)
        .containsExactly(new float[] {x, y, w, h}, within(3f));
  }
}
