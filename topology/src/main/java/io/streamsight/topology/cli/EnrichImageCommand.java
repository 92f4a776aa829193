package io.streamsight.topology.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsight.events.Box;
import io.streamsight.events.Detection;
import io.streamsight.events.Face;
import io.streamsight.events.ModelProvenance;
import io.streamsight.events.Point;
import io.streamsight.events.TextRegion;
import io.streamsight.processors.RejectedInputException;
import io.streamsight.processors.image.ImageEnricher;
import io.streamsight.processors.image.ImageInspector;
import io.streamsight.processors.image.ImageInspector.DecodedImage;
import io.streamsight.processors.inference.ModelLoadException;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.vision.ImageAnalyzer;
import io.streamsight.processors.vision.ImageWork;
import io.streamsight.processors.vision.SourcePlan;
import io.streamsight.processors.vision.VisionStep;
import io.streamsight.topology.VisionSetup;
import io.streamsight.topology.config.StreamsightConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs the image processors on files, without a broker: the same decoding, models, settings and
 * provenance as the image topology, one JSON object per file on stdout.
 */
@Command(
    name = "enrich-image",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the image processors (object detection, faces, OCR, caption) on image files without"
          + " Kafka and prints one JSON object per file, in order:",
      "{\"file\", \"width\", \"height\", \"detections\": [{\"label\", \"score\", \"box\": {\"x\","
          + " \"y\", \"w\", \"h\"}}], \"faces\": [{\"score\", \"box\", \"landmarks\"}], \"text\":"
          + " [{\"text\", \"score\", \"polygon\"}], \"fullText\", \"caption\", \"models\": [...]}.",
      "A file that cannot be read or decoded prints {\"file\", \"error\"} and the others go on;"
          + " the exit code is then 1. Settings come from the configuration (image.processors,"
          + " detection.*, faces.*, ocr.*, caption.*, processor.<name>.device); the options"
          + " below override it."
    })
final class EnrichImageCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin ConfigOptions options = new ConfigOptions();

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Image files.")
  List<Path> files;

  @Option(
      names = {"-p", "--processors"},
      paramLabel = "LIST",
      split = ",",
      description =
          "Processors to run, comma-separated: detection, faces, ocr, caption (default: the"
              + " configuration's image.processors, all four unless set).")
  List<String> processors;

  @Option(
      names = "--score-threshold",
      paramLabel = "SCORE",
      description = "Lowest object detection score kept (detection.score.threshold).")
  Double scoreThreshold;

  @Option(
      names = "--classes",
      paramLabel = "LIST",
      description = "Object classes to report, comma-separated COCO labels (detection.classes).")
  String classes;

  @Option(
      names = "--faces-model",
      paramLabel = "MODEL",
      description = "front, back or both (faces.model).")
  String facesModel;

  @Option(
      names = "--caption-model",
      paramLabel = "DIR",
      description = "An ONNX encoder-decoder export to caption with (caption.model.dir).")
  Path captionModel;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      description = "cpu, gpu:N or a list: where every processor runs (processor.<name>.device).")
  String device;

  @Option(
      names = "--blur-out",
      paramLabel = "DIR",
      description =
          "Also write each image with its faces blurred into DIR (the privacy switch's copy),"
              + " named after the file; runs the faces processor.")
  Path blurOut;

  PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  @Override
  public Integer call() {
    StreamsightConfig config = options.load(overrides());
    try (ModelRegistry registry = new ModelRegistry(config.modelsDir(), config.ortThreads())) {
      VisionSetup setup;
      try {
        setup = VisionSetup.load(config, registry);
      } catch (ModelLoadException e) {
        System.err.println("enrich-image: " + e.getMessage());
        return 2;
      }
      setup.models().skipped().forEach(r -> System.err.println("enrich-image: " + r));
      ImageInspector inspector =
          new ImageInspector(config.imageMaxBytes(), config.imageMaxPixels());
      if (blurOut != null) {
        try {
          Files.createDirectories(blurOut);
        } catch (IOException e) {
          System.err.println("enrich-image: cannot create " + blurOut + ": " + e.getMessage());
          return 2;
        }
      }
      int failed;
      try (ImageAnalyzer analyzer = new ImageAnalyzer(setup.models())) {
        failed =
            enrich(
                files,
                setup.plans().defaults(),
                inspector,
                analyzer,
                config.batchSettings().maxSize());
      }
      return failed == 0 ? 0 : 1;
    }
  }

  /** The command-line options as configuration keys, over the file and -D settings. */
  private Map<String, String> overrides() {
    Map<String, String> values = new LinkedHashMap<>();
    if (processors != null) {
      values.put(StreamsightConfig.IMAGE_PROCESSORS, String.join(",", processors));
    }
    if (blurOut != null) {
      values.put(StreamsightConfig.IMAGE_PRIVACY_BLUR, "true");
    }
    if (scoreThreshold != null) {
      values.put(StreamsightConfig.DETECTION_SCORE_THRESHOLD, scoreThreshold.toString());
    }
    if (classes != null) {
      values.put(StreamsightConfig.DETECTION_CLASSES, classes);
    }
    if (facesModel != null) {
      values.put(StreamsightConfig.FACES_MODEL, facesModel);
    }
    if (captionModel != null) {
      values.put(StreamsightConfig.CAPTION_MODEL_DIR, captionModel.toString());
    }
    if (device != null) {
      for (VisionStep step : VisionStep.values()) {
        values.put(
            StreamsightConfig.PROCESSOR_PREFIX
                + step.configName()
                + StreamsightConfig.DEVICE_SUFFIX,
            device);
      }
    }
    return values;
  }

  /** One file's way through: decoded, or the reason it was not. */
  private static final class Item {
    final Path file;
    DecodedImage decoded;
    double headerMs;
    ImageWork work;
    String error;

    Item(Path file) {
      this.file = file;
    }
  }

  /**
   * Enriches the files in batches of {@code batchSize} and prints one line per file.
   *
   * @return how many files failed
   */
  int enrich(
      List<Path> paths,
      SourcePlan plan,
      ImageInspector inspector,
      ImageAnalyzer analyzer,
      int batchSize) {
    int failed = 0;
    for (int from = 0; from < paths.size(); from += batchSize) {
      List<Item> batch = new ArrayList<>();
      for (Path file : paths.subList(from, Math.min(paths.size(), from + batchSize))) {
        batch.add(decode(file, plan, inspector));
      }
      List<Item> ready = batch.stream().filter(i -> i.error == null).toList();
      try {
        analyzer.analyze(ready.stream().map(i -> i.work).toList());
      } catch (RuntimeException batchFailure) {
        // Find the file the models fail on; the others still get their result.
        for (Item item : ready) {
          try {
            item.work = new ImageWork(plan, item.decoded.image());
            analyzer.analyze(List.of(item.work));
          } catch (RuntimeException e) {
            item.error = "the image processors failed: " + e;
          }
        }
      }
      for (Item item : batch) {
        if (item.error != null) {
          failed++;
        }
        out.println(item.error == null ? render(item) : error(item));
      }
    }
    out.flush();
    return failed;
  }

  private Item decode(Path file, SourcePlan plan, ImageInspector inspector) {
    Item item = new Item(file);
    try {
      long start = System.nanoTime();
      item.decoded = inspector.decode(Files.readAllBytes(file));
      item.work = new ImageWork(plan, item.decoded.image());
      item.headerMs = (System.nanoTime() - start) / 1e6;
    } catch (NoSuchFileException e) {
      item.error = "no such file";
    } catch (IOException e) {
      item.error = "cannot read the file: " + e.getMessage();
    } catch (RejectedInputException e) {
      item.error = e.getMessage();
    }
    return item;
  }

  private String render(Item item) {
    ImageWork work = item.work;
    ObjectNode json = JSON.createObjectNode();
    json.put("file", item.file.toString());
    json.put("width", work.width());
    json.put("height", work.height());
    ArrayNode detections = json.putArray("detections");
    for (Detection d : work.detections()) {
      ObjectNode node = detections.addObject();
      node.put("label", d.getLabel());
      node.put("score", round(d.getScore(), 4));
      node.set("box", box(d.getBox()));
    }
    ArrayNode faces = json.putArray("faces");
    for (Face f : work.faces()) {
      ObjectNode node = faces.addObject();
      node.put("score", round(f.getScore(), 4));
      node.set("box", box(f.getBox()));
      node.set("landmarks", points(f.getLandmarks()));
    }
    ArrayNode text = json.putArray("text");
    for (TextRegion r : work.textRegions()) {
      ObjectNode node = text.addObject();
      node.put("text", r.getText());
      node.put("score", round(r.getScore(), 4));
      node.set("polygon", points(r.getPolygon()));
    }
    json.put("fullText", work.fullText());
    json.put("caption", work.caption());
    ArrayNode models = json.putArray("models");
    List<ModelProvenance> provenance = new ArrayList<>();
    provenance.add(ImageEnricher.provenance(item.headerMs));
    provenance.addAll(work.models());
    for (ModelProvenance m : provenance) {
      ObjectNode node = models.addObject();
      node.put("name", m.getName());
      node.put("version", m.getVersion());
      node.put("sha256", m.getSha256());
      node.put("device", m.getDevice());
      node.put("inferenceMs", round(m.getInferenceMs(), 2));
    }
    if (blurOut != null && work.redacted() != null) {
      String written = writeBlurred(item);
      json.put("blurred", written);
    }
    return json.toString();
  }

  private String writeBlurred(Item item) {
    String name = item.file.getFileName().toString();
    boolean png = "png".equals(item.decoded.info().getFormat());
    Path target =
        blurOut.resolve(name.replaceFirst("\\.[^.]*$", "") + ".blurred" + (png ? ".png" : ".jpg"));
    try {
      ImageIO.write(item.work.redacted(), png ? "png" : "jpeg", target.toFile());
    } catch (IOException e) {
      return "not written: " + e.getMessage();
    }
    return target.toString();
  }

  private static String error(Item item) {
    ObjectNode json = JSON.createObjectNode();
    json.put("file", item.file.toString());
    json.put("error", item.error);
    return json.toString();
  }

  private static ObjectNode box(Box b) {
    ObjectNode node = JSON.createObjectNode();
    node.put("x", round(b.getX(), 1));
    node.put("y", round(b.getY(), 1));
    node.put("w", round(b.getW(), 1));
    node.put("h", round(b.getH(), 1));
    return node;
  }

  private static ArrayNode points(List<Point> points) {
    ArrayNode array = JSON.createArrayNode();
    for (Point p : points) {
      array.addObject().put("x", round(p.getX(), 1)).put("y", round(p.getY(), 1));
    }
    return array;
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
