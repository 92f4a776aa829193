package io.streamsight.processors.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SsdAnchorsTest {

  @Test
  void shouldGenerateMediaPipesAnchorsForTheShortRangeModel() {
    SsdAnchors anchors = SsdAnchors.FRONT_128;

    assertThat(anchors.count()).isEqualTo(896);
    // First layer: 16x16 cells, two anchors each, row by row.
    assertThat(anchors.x(0)).isCloseTo(0.5f / 16, within(1e-6f));
    assertThat(anchors.x(1)).isCloseTo(0.5f / 16, within(1e-6f));
    assertThat(anchors.x(2)).isCloseTo(1.5f / 16, within(1e-6f));
    assertThat(anchors.y(32)).isCloseTo(1.5f / 16, within(1e-6f));
    // Then the three stride-16 layers share 8x8 cells: six anchors per cell.
    assertThat(anchors.x(512)).isCloseTo(0.5f / 8, within(1e-6f));
    assertThat(anchors.x(517)).isCloseTo(0.5f / 8, within(1e-6f));
    assertThat(anchors.x(518)).isCloseTo(1.5f / 8, within(1e-6f));
    assertThat(anchors.y(895)).isCloseTo(7.5f / 8, within(1e-6f));
  }

  @Test
  void shouldGenerateAsManyAnchorsForTheFullRangeModel() {
    assertThat(SsdAnchors.BACK_256.count()).isEqualTo(896);
    assertThat(SsdAnchors.BACK_256.inputSize()).isEqualTo(256);
    assertThat(SsdAnchors.BACK_256.x(2)).isCloseTo(1.5f / 16, within(1e-6f));
  }
}
