package io.streamsight.processors.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OcrSettingsTest {

  @Test
  void shouldDefaultToTheV4RecognizerWithAnglesAndTheDetectorCappedAt960() {
    OcrSettings defaults = OcrSettings.defaults();

    assertThat(defaults.recognizer()).isEqualTo(OcrSettings.Recognizer.V4);
    assertThat(defaults.recognizer().catalogueName()).isEqualTo("ppocr-v4-rec");
    assertThat(defaults.classifyAngle()).isTrue();
    assertThat(defaults.maxSideLength()).isEqualTo(960);
    assertThat(defaults.boxThreshold()).isEqualTo(0.6f);
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
  }

  @Test
  void shouldChangeOnlyTheFieldsSet() {
    OcrSettings v3 =
        OcrSettings.builder().recognizer(OcrSettings.Recognizer.V3).recognizerBatchSize(1).build();

    assertThat(v3.recognizer().catalogueName()).isEqualTo("ppocr-v3-rec");
    assertThat(v3.recognizerBatchSize()).isEqualTo(1);
    assertThat(v3.withRecognizer(OcrSettings.Recognizer.V4).withPadding(32))
        .isEqualTo(OcrSettings.defaults().toBuilder().recognizerBatchSize(1).build());
  }

  @Test
  void shouldRefuseValuesOutOfRangeNamingThem() {
    assertThatThrownBy(() -> OcrSettings.builder().boxThreshold(1.5f).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("boxThreshold");
    assertThatThrownBy(() -> OcrSettings.builder().maxSideLength(16).build())
        .hasMessageContaining("maxSideLength");
    assertThatThrownBy(() -> OcrSettings.builder().recognizerBatchSize(0).build())
        .hasMessageContaining("recognizer=0");
    assertThatThrownBy(() -> OcrSettings.builder().unclipRatio(Float.NaN).build())
        .hasMessageContaining("unclipRatio");
    assertThatThrownBy(() -> OcrSettings.builder().recognizer(null).build())
        .isInstanceOf(NullPointerException.class);
  }
}
