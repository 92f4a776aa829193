package io.streamsight.processors.medication;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.FormularyProduct;
import io.streamsight.processors.medication.formulary.Formulary;
import io.streamsight.processors.medication.formulary.InMemoryFormulary;
import io.streamsight.processors.medication.formulary.NameMatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingFormularyTest {

  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicLong now = new AtomicLong();
  private final Formulary counting =
      new Formulary() {
        private final Formulary inner = InMemoryFormulary.of(TestProducts.all());

        @Override
        public Optional<FormularyProduct> byDin(String din) {
          lookups.incrementAndGet();
          return inner.byDin(din);
        }

        @Override
        public List<NameMatch> byName(String query) {
          lookups.incrementAndGet();
          return inner.byName(query);
        }

        @Override
        public List<FormularyProduct> byIngredient(String ingredient) {
          lookups.incrementAndGet();
          return inner.byIngredient(ingredient);
        }
      };

  @Test
  void shouldAnswerRepeatedQuestionsFromMemoryUntilTheyExpire() {
    CachingFormulary cache = new CachingFormulary(counting, 100, Duration.ofSeconds(30), now::get);

    assertThat(cache.byDin("00000002"))
        .get()
        .extracting(FormularyProduct::getBrandName)
        .isEqualTo("AMOXIL 500");
    cache.byDin("00000002");
    cache.byName("cephalexin");
    cache.byName("cephalexin");
    assertThat(lookups).hasValue(2);

    now.addAndGet(Duration.ofSeconds(31).toNanos());
    cache.byDin("00000002");
    assertThat(lookups).hasValue(3);
  }

  @Test
  void shouldForgetTheLeastRecentlyUsedBeyondItsSize() {
    CachingFormulary cache = new CachingFormulary(counting, 2, Duration.ofHours(1), now::get);

    cache.byDin("00000001");
    cache.byDin("00000002");
    cache.byDin("00000003");
    cache.byDin("00000001");

    assertThat(lookups).hasValue(4);
  }
}
