package io.streamsight.processors.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrtThreadsTest {

  @Test
  void shouldDeriveIntraOpThreadsSoThatTimesStreamThreadsStaysWithinTheCores() {
    for (int cores = 1; cores <= 64; cores++) {
      for (int streamThreads = 1; streamThreads <= 16; streamThreads++) {
        OrtThreads threads = OrtThreads.derive(0, 0, streamThreads, cores);
        assertThat(threads.intraOp()).isGreaterThanOrEqualTo(1);
        assertThat(threads.interOp()).isEqualTo(1);
        if (streamThreads <= cores) {
          assertThat(threads.intraOp() * streamThreads).isLessThanOrEqualTo(cores);
        } else {
          assertThat(threads.intraOp()).isEqualTo(1);
        }
      }
    }
    assertThat(OrtThreads.derive(0, 0, 2, 16).intraOp()).isEqualTo(8);
  }

  @Test
  void shouldKeepConfiguredValues() {
    assertThat(OrtThreads.derive(3, 2, 4, 2)).isEqualTo(new OrtThreads(3, 2));
    assertThat(new OrtThreads(3, 2).criteriaOptions())
        .containsEntry("intraOpNumThreads", "3")
        .containsEntry("interOpNumThreads", "2");
  }

  @Test
  void shouldRejectNegativeValues() {
    assertThatThrownBy(() -> OrtThreads.derive(-1, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrtThreads(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
