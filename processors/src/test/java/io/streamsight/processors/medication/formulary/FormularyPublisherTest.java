package io.streamsight.processors.medication.formulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import io.streamsight.schemas.Topics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class FormularyPublisherTest {

  private final Topics topics = Topics.create();

  @Test
  void shouldPublishProductsByDinThenTheNameIndexByName() throws Exception {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    List<FormularyProduct> products = SampleFormulary.products();

    FormularyPublisher.Publication publication =
        new FormularyPublisher(producer, topics).publish(products);
    publication.await();

    List<FormularyNameEntry> index = FormularyNames.index(products);
    assertThat(publication.products()).isEqualTo(products.size());
    assertThat(publication.names()).isEqualTo(index.size());
    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertThat(sent).hasSize(products.size() + index.size());

    ProducerRecord<byte[], byte[]> first = sent.get(0);
    assertThat(first.topic()).isEqualTo("formulary");
    assertThat(topics.formulary().deserializeKey(first.key())).isEqualTo(products.get(0).getDin());
    assertThat(topics.formulary().deserializeValue(first.value())).isEqualTo(products.get(0));

    ProducerRecord<byte[], byte[]> last = sent.get(sent.size() - 1);
    assertThat(last.topic()).isEqualTo("formulary.names");
    FormularyNameEntry lastEntry = index.get(index.size() - 1);
    assertThat(topics.formularyNames().deserializeKey(last.key())).isEqualTo(lastEntry.getName());
    assertThat(topics.formularyNames().deserializeValue(last.value())).isEqualTo(lastEntry);
  }

  @Test
  void shouldTombstoneTheDinsAndNamesANewerExtractNoLongerCarries() throws Exception {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    List<FormularyProduct> products = SampleFormulary.products();
    List<FormularyProduct> newer =
        products.stream().filter(p -> !p.getBrandName().equals("CEFTIN")).toList();
    Set<String> liveDins = new HashSet<>();
    products.forEach(p -> liveDins.add(p.getDin()));
    Set<String> liveNames = new HashSet<>();
    FormularyNames.index(products).forEach(e -> liveNames.add(e.getName()));

    FormularyPublisher.Publication publication =
        new FormularyPublisher(producer, topics).replace(newer, liveDins, liveNames);
    publication.await();

    List<ProducerRecord<byte[], byte[]>> tombstones =
        producer.history().stream().filter(r -> r.value() == null).toList();
    assertThat(publication.removedProducts()).isEqualTo(1);
    assertThat(tombstones)
        .filteredOn(r -> r.topic().equals("formulary"))
        .extracting(r -> topics.formulary().deserializeKey(r.key()))
        .containsExactly("02212307");
    // "ceftin" named only the dropped product; cefuroxime axetil is still carried (Apo-Cefuroxime).
    assertThat(tombstones)
        .filteredOn(r -> r.topic().equals("formulary.names"))
        .extracting(r -> topics.formularyNames().deserializeKey(r.key()))
        .contains("ceftin")
        .doesNotContain("cefuroxime axetil", "cefuroxime");
    assertThat(publication.removedNames()).isEqualTo(tombstones.size() - 1);
  }

  @Test
  void shouldSendNoTombstonesWhenPublishingAnUpsert() throws Exception {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    FormularyPublisher.Publication publication =
        new FormularyPublisher(producer, topics).publish(SampleFormulary.products());
    publication.await();

    assertThat(producer.history()).noneMatch(r -> r.value() == null);
    assertThat(publication.removedProducts()).isZero();
    assertThat(publication.removedNames()).isZero();
  }

  @Test
  void shouldReportAFailedSendWhenAwaited() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    FormularyPublisher.Publication publication =
        new FormularyPublisher(producer, topics).publish(SampleFormulary.products());

    producer.errorNext(new KafkaException("broker gone"));
    while (producer.completeNext()) {
      // acknowledge the rest
    }

    assertThatThrownBy(publication::await)
        .isInstanceOf(KafkaException.class)
        .hasMessageContaining("broker gone");
  }
}
