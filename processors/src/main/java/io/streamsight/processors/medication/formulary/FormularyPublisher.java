package io.streamsight.processors.medication.formulary;

import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import io.streamsight.schemas.Topic;
import io.streamsight.schemas.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
 * <p>{@link #publish} is an upsert: a DIN or name absent from the products given is left as it is
 * on the topics. {@link #replace} also writes a tombstone for every DIN and name that is on the
 * topics but not in the products given, so that after a newer extract the topics hold exactly that
 * extract: a product dropped from every DPD set (cancelled, say) is then no longer found, and its
 * DIN is rejected as not found rather than validated against stale data. A name entry is rewritten
 * whole, so publishing the complete extract keeps every entry's DIN list exact, while publishing a
 * subset replaces the entries it touches with that subset's DINs.
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
    return replace(products, Set.of(), Set.of());
  }

  /**
   * Sends the products and their name index, then a tombstone for each of {@code liveDins} and
   * {@code liveNames} (the keys the topics hold now) that the products no longer carry; does not
   * wait. Flush the producer, then {@link Publication#await()} the returned sends.
   */
  public Publication replace(
      Collection<FormularyProduct> products, Set<String> liveDins, Set<String> liveNames) {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    Set<String> dins = new HashSet<>();
    for (FormularyProduct product : products) {
      dins.add(product.getDin());
      sends.add(send(productTopic, product.getDin(), product));
    }
    List<FormularyNameEntry> names = FormularyNames.index(products);
    Set<String> nameKeys = new HashSet<>();
    for (FormularyNameEntry entry : names) {
      nameKeys.add(entry.getName());
      sends.add(send(nameTopic, entry.getName(), entry));
    }
    // Names go first: a name never points at a DIN that is already gone.
    int removedNames = tombstones(nameTopic, liveNames, nameKeys, sends);
    int removedProducts = tombstones(productTopic, liveDins, dins, sends);
    return new Publication(
        products.size(), names.size(), removedProducts, removedNames, List.copyOf(sends));
  }

  private <V> int tombstones(
      Topic<String, V> topic,
      Set<String> live,
      Set<String> kept,
      List<Future<RecordMetadata>> sends) {
    int removed = 0;
    for (String key : new TreeSet<>(live)) {
      if (!kept.contains(key)) {
        sends.add(sender.send(topic.name(), topic.serializeKey(key), null));
        removed++;
      }
    }
    return removed;
  }

  private <V> Future<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
    return sender.send(topic.name(), topic.serializeKey(key), topic.serializeValue(value));
  }

  private static RecordSender sendingTo(Producer<byte[], byte[]> producer) {
    Objects.requireNonNull(producer, "producer");
    return (topic, key, value) -> producer.send(new ProducerRecord<>(topic, key, value));
  }

  /**
   * What {@link #publish} or {@link #replace} sent.
   *
   * @param products products sent to {@code formulary}
   * @param names entries sent to {@code formulary.names}
   * @param removedProducts tombstones sent to {@code formulary} (DINs no longer carried)
   * @param removedNames tombstones sent to {@code formulary.names}
   * @param sends every send, products first
   */
  public record Publication(
      int products,
      int names,
      int removedProducts,
      int removedNames,
      List<Future<RecordMetadata>> sends) {

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
