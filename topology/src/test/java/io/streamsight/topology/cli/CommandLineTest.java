package io.streamsight.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.MedicationOrder;
import io.streamsight.topology.config.StreamsightConfig;
import io.streamsight.topology.samples.SampleMedia;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void shouldPrintEveryConfigKeyWithDefaultAndDoc() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConfigCommand.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);

    for (var key : StreamsightConfig.keys()) {
      assertThat(text).contains(key.name + "\n").contains(key.documentation);
    }
    assertThat(text).contains("default: at_least_once");
  }

  @Test
  void shouldRecogniseMediaByTheirBytes() {
    assertThat(MediaTypes.imageType(SampleMedia.signPng())).isEqualTo("image/png");
    assertThat(MediaTypes.imageType(SampleMedia.gradientJpeg())).isEqualTo("image/jpeg");
    assertThat(MediaTypes.isWav(SampleMedia.toneWav())).isTrue();
    assertThat(MediaTypes.isImage(SampleMedia.toneWav())).isFalse();
    assertThat(MediaTypes.isImage("plain text".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void shouldReadAnOrderFromAJsonLine() throws Exception {
    MedicationOrder order =
        PublishCommand.order(
            "{\"orderId\":\"o-1\",\"din\":\"02243115\",\"drugName\":\"amoxicillin\","
                + "\"sig\":\"t 250mg tid x10d\",\"quantity\":30,\"quantityUnit\":\"mL\"}");

    assertThat(order.getOrderId()).isEqualTo("o-1");
    assertThat(order.getDin()).isEqualTo("02243115");
    assertThat(order.getSig()).isEqualTo("t 250mg tid x10d");
    assertThat(order.getQuantity()).isEqualTo(30.0);
    assertThat(order.getRefills()).isNull();
  }

  @Test
  void shouldRefuseUnknownSubcommandWithUsageExitCode() {
    assertThat(StreamsightCommand.execute("no-such-command")).isEqualTo(2);
  }
}
