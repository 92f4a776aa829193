package io.streamsight.processors.medication;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.processors.medication.formulary.InMemoryFormulary;
import io.streamsight.processors.medication.sig.SigParser;
import org.junit.jupiter.api.Test;

class SigCacheTest {

  private final SigParser parser = new SigParser();

  @Test
  void shouldReadARepeatedSigOnce() {
    SigCache cache = new SigCache(parser, 10);

    SigReading first = cache.apply("1 cap po tid x10d");
    SigReading again = cache.apply("1 cap po tid x10d");

    assertThat(again).isSameAs(first);
    assertThat(first.dosageJson()).hasSize(1);
    assertThat(first.dosageJson().get(0)).contains("\"frequency\":3");
  }

  @Test
  void shouldRememberThatASigIsUnparseable() {
    SigCache cache = new SigCache(parser, 10);

    SigReading reading = cache.apply("blah blah");

    assertThat(reading.sig()).isNull();
    assertThat(reading.error()).contains("blah");
    assertThat(cache.apply("blah blah")).isSameAs(reading);
  }

  @Test
  void shouldDropTheLeastRecentlyUsedSigsBeyondItsSize() {
    SigCache cache = new SigCache(parser, 2);
    SigReading daily = cache.apply("1 tab po daily");
    cache.apply("1 tab po bid");
    cache.apply("1 tab po daily");
    cache.apply("1 tab po tid");

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.apply("1 tab po daily")).isSameAs(daily);
  }

  @Test
  void shouldValidateTheSameThroughTheCacheAsWithout() {
    InMemoryFormulary formulary = InMemoryFormulary.of(TestProducts.all());
    OrderValidator plain = new OrderValidator(parser, formulary);
    OrderValidator cached = new OrderValidator(new SigCache(parser, 10), formulary);
    OrderInput order =
        new OrderInput(
            "o-1", null, null, "amoxicillin", "t 250mg tid x10d", 150.0, "mL", null, null);

    for (int i = 0; i < 3; i++) {
      ValidationResult a = plain.validate(order);
      ValidationResult b = cached.validate(order);
      assertThat(b.medicationRequestJson()).isEqualTo(a.medicationRequestJson());
      assertThat(b.findings()).isEqualTo(a.findings());
      assertThat(b.expectedSupplyDays()).isEqualTo(a.expectedSupplyDays());
    }
  }
}
