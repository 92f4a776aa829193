package io.streamsight.processors.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectionSettingsTest {

  @Test
  void shouldUseTheClassThresholdWhereOneIsSetAndTheGeneralOneElsewhere() {
    DetectionSettings settings =
        new DetectionSettings(0.35f, Map.of("dog", 0.5f, "bird", 0.2f), 0.6f, 10, Set.of(), 0.9f);

    assertThat(settings.threshold("dog")).isEqualTo(0.5f);
    assertThat(settings.threshold("person")).isEqualTo(0.35f);
    assertThat(settings.lowestThreshold()).isEqualTo(0.2f);
    assertThat(settings.reports("toothbrush")).isTrue();
  }

  @Test
  void shouldReportOnlyAllowedClassesWhenAListIsGiven() {
    DetectionSettings settings =
        new DetectionSettings(0.35f, Map.of(), 0.6f, 10, Set.of("person", "car"), 0.9f);

    assertThat(settings.reports("car")).isTrue();
    assertThat(settings.reports("dog")).isFalse();
  }

  @Test
  void shouldParseClassThresholdsWithSpacesInLabels() {
    assertThat(DetectionSettings.parseClassThresholds(List.of("dog:0.5", " traffic light : 0.45")))
        .containsExactly(Map.entry("dog", 0.5f), Map.entry("traffic light", 0.45f));
  }

  @Test
  void shouldRefuseUnknownLabelsAndScoresOutsideTheUnitInterval() {
    assertThatThrownBy(() -> DetectionSettings.parseClassThresholds(List.of("dgo:0.5")))
        .hasMessageContaining("'dgo' is not a COCO label");
    assertThatThrownBy(() -> DetectionSettings.parseClassThresholds(List.of("dog:1.5")))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> DetectionSettings.parseClassThresholds(List.of("dog")))
        .hasMessageContaining("label:score");
    assertThatThrownBy(
            () -> new DetectionSettings(0.35f, Map.of(), 0.6f, 10, Set.of("motorbike"), 0.9f))
        .hasMessageContaining("motorbike");
  }
}
