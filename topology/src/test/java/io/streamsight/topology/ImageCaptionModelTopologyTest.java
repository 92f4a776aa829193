package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.EnrichedImage;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.ModelProvenance;
import io.streamsight.processors.caption.TinyCaptioner;
import io.streamsight.processors.inference.generate.TinyExport;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caption.model.dir} makes the caption processor an ONNX encoder-decoder: the tiny export
 * whose captions are known, through the whole image topology.
 */
class ImageCaptionModelTopologyTest extends TopologyTestSupport {

  @TempDir static Path dir;
  private static Path model;

  @BeforeAll
  static void writeModel() {
    model = TinyCaptioner.write(dir.resolve("tiny-vit-gpt2"), TinyExport.Layout.WITH_PAST);
  }

  @Override
  protected Map<String, String> overrides() {
    return Map.of(
        "image.processors", "caption", "caption.model.dir", model.toString(), "caption.beams", "1");
  }

  @Test
  void shouldCaptionEachImageWithTheConfiguredModelAndNameItInTheProvenance() throws Exception {
    var images = input(topics.images());
    var enriched = output(topics.enrichedImages());
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(TinyCaptioner.solid(Color.RED, 32, 24), "png", png);

    images.pipeInput(
        "cam-9",
        ImageEvent.newBuilder()
            .setEventId("red")
            .setSourceId("cam-9")
            .setCaptureTime(START)
            .setContentType("image/png")
            .setPayload(ByteBuffer.wrap(png.toByteArray()))
            .build());
    driver.advanceWallClockTime(Duration.ofSeconds(1));

    EnrichedImage out = enriched.readValue();
    assertThat(out.getCaption()).isEqualTo(TinyCaptioner.RED_GREEDY);
    ModelProvenance captioner = out.getModels().get(1);
    assertThat(captioner.getName()).isEqualTo("tiny-vit-gpt2");
    assertThat(captioner.getSha256()).hasSize(64);
    assertThat(out.getModels())
        .extracting(ModelProvenance::getName)
        .containsExactly("image-header", "tiny-vit-gpt2");
  }
}
