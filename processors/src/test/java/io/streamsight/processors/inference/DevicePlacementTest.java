package io.streamsight.processors.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DevicePlacementTest {

  @Test
  void shouldParseCpuGpuAndReplicaLists() {
    assertThat(DevicePlacement.parse("p", "cpu").devices()).containsExactly(Device.cpu());
    assertThat(DevicePlacement.parse("p", " GPU:3 ").devices()).containsExactly(Device.gpu(3));
    assertThat(DevicePlacement.parse("p", "gpu:0,gpu:1, cpu").devices())
        .containsExactly(Device.gpu(0), Device.gpu(1), Device.cpu());
    assertThat(DevicePlacement.parse("p", "gpu:0,gpu:1")).hasToString("gpu:0,gpu:1");
  }

  @Test
  void shouldRejectAnythingElseNamingTheProcessor() {
    for (String bad : new String[] {"", "gpu", "gpu:", "gpu:-1", "cuda:0", "cpu,", "gpu:0;gpu:1"}) {
      assertThatThrownBy(() -> DevicePlacement.parse("detector", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("processor detector");
    }
  }

  @Test
  void shouldHandOutReplicasRoundRobin() {
    DevicePlacement placement = DevicePlacement.parse("p", "gpu:0,gpu:1,gpu:2");

    assertThat(IntStream.range(0, 7).map(i -> placement.nextIndex()).toArray())
        .containsExactly(0, 1, 2, 0, 1, 2, 0);
  }
}
