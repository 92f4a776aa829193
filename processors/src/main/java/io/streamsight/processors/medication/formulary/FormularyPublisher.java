package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import io.streamsight.schemas.Topic;
import io.streamsight.schemas.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes a formulary to its two compacted topics: every product to {@code formulary} under its
 * DIN, then the {@link FormularyNames#index name index} of those products to {@code
 * formulary.names} under each name, serialised with the {@link Topics} serdes.
 *
 * <p>Publishing is an upsert: a DIN or name absent from the products given is left as it is on the
 * topics. Products dropped from a newer extract (and names no longer carried) therefore stay until
 * someone writes tombstones for them; this class does not, yet. A name entry is rewritten whole, so
 * publishing the complete extract keeps every entry's DIN list exact, while publishing a subset
 * replaces the entries it touches with that subset's DINs.
 *
 * <p>Not thread-safe; the caller owns the producer (idempotent, {@code acks=all} recommended).
 */
public final class FormularyPublisher {

  /** Where records go: a producer's {@code send}, or the CLI's publisher. */
  @FunctionalInterface
  public interface RecordSender {
    Future<RecordMetadata> send(String topic, byte[] key, byte[] value);
  }

  private final RecordSender sender;
  private final Topic<String, FormularyProduct> productTopic;
  private final Topic<String, FormularyNameEntry> nameTopic;

  /** Publishes through a producer of raw bytes. */
  public FormularyPublisher(Producer<byte[], byte[]> producer, Topics topics) {
    this(sendingTo(producer), topics);
  }

  /** Publishes through any sender of raw bytes. */
  public FormularyPublisher(RecordSender sender, Topics topics) {
    this.sender = Objects.requireNonNull(sender, "sender");
    this.productTopic = topics.formulary();
    this.nameTopic = topics.formularyNames();
  }

  /**
   * Sends the products and their name index; does not wait. Flush the producer, then {@link
   * Publication#await()} the returned sends.
   */
  public Publication publish(Collection<FormularyProduct> products) {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (FormularyProduct product : products) {
      sends.add(send(productTopic, product.getDin(), product));
    }
    List<FormularyNameEntry> names = FormularyNames.index(products);
    for (FormularyNameEntry entry : names) {
      sends.add(send(nameTopic, entry.getName(), entry));
    }
    return new Publication(products.size(), names.size(), List.copyOf(sends));
  }

  private <V> Future<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
    return sender.send(topic.name(), topic.serializeKey(key), topic.serializeValue(value));
  }

  private static RecordSender sendingTo(Producer<byte[], byte[]> producer) {
    Objects.requireNonNull(producer, "producer");
    return (topic, key, value) -> producer.send(new ProducerRecord<>(topic, key, value));
  }

  /**
   * What {@link #publish} sent.
   *
   * @param products records sent to {@code formulary}
   * @param names records sent to {@code formulary.names}
   * @param sends every send, products first
   */
  public record Publication(int products, int names, List<Future<RecordMetadata>> sends) {

    /**
     * Waits until every record is acknowledged.
     *
     * @throws KafkaException the first send that failed, with its cause
     */
    public void await() throws InterruptedException {
      for (Future<RecordMetadata> send : sends) {
        try {
          send.get();
        } catch (ExecutionException e) {
          throw new KafkaException("formulary publish failed: " + e.getCause().getMessage(), e);
        }
      }
    }
  }
}
