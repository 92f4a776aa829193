package io.streamsight.processors.pose;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.inference.CatalogueModels;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BlazePose-lite on the real person of darknet's person.jpg, upright and turned on its side. */
class BlazePoseTest {

  /** NanoDet's box of the woman in person.jpg (models-notes): x, y, w, h. */
  private static final float[] PERSON = {175, 92, 92, 276};

  private static ModelRegistry registry;
  private static PoseEstimator estimator;

  @BeforeAll
  static void load() {
    CatalogueModels models = TestModels.require(BlazePose.MODEL);
    registry = TestModels.registry(2);
    estimator = BlazePose.load(registry, models, DevicePlacement.cpu("pose-test")).newEstimator();
  }

  @AfterAll
  static void close() {
    if (estimator != null) {
      estimator.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void shouldFindAnUprightTorsoOnAStandingPerson() throws Exception {
    BufferedImage photo = ImageIO.read(TestMedia.darknetPhoto("person.jpg").toFile());

    Pose pose = estimator.estimate(photo, List.of(PERSON)).get(0);

    assertThat(pose.score()).isGreaterThan(0.5f);
    assertThat(pose.torsoDegrees()).isLessThan(25);
    // The head is in the top fifth of the box, the hips in its middle.
    assertThat(pose.y(Pose.NOSE)).isBetween(PERSON[1], PERSON[1] + PERSON[3] / 5);
    float hipY = (pose.y(Pose.LEFT_HIP) + pose.y(Pose.RIGHT_HIP)) / 2;
    assertThat(hipY).isBetween(PERSON[1] + PERSON[3] * 0.3f, PERSON[1] + PERSON[3] * 0.7f);
  }

  @Test
  void shouldFindALyingTorsoOnTheSamePersonTurnedOnItsSide() throws Exception {
    BufferedImage photo = ImageIO.read(TestMedia.darknetPhoto("person.jpg").toFile());
    BufferedImage turned = rotate90(photo);
    // The box turns with the image: (x, y, w, h) → (H - y - h, x, h, w).
    float[] box = {photo.getHeight() - PERSON[1] - PERSON[3], PERSON[0], PERSON[3], PERSON[2]};

    Map<Long, Double> torso = estimator.torsoDegrees(turned, Map.of(7L, box));

    assertThat(torso).containsKey(7L);
    assertThat(torso.get(7L)).isGreaterThan(60);
  }

  private static BufferedImage rotate90(BufferedImage in) {
    BufferedImage out =
        new BufferedImage(in.getHeight(), in.getWidth(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.translate(in.getHeight(), 0);
    g.rotate(Math.PI / 2);
    g.drawImage(in, 0, 0, null);
    g.dispose();
    return out;
  }
}
