package io.streamsight.processors.inference;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects records into micro-batches and runs one inference per batch: a batch runs when {@link
 * BatchSettings#maxSize()} records are buffered, or at the latest when the wall-clock punctuation
 * every {@link BatchSettings#maxDelay()} finds records waiting. Each result is forwarded with its
 * record's key, timestamp and headers, in arrival order (so in input order per key and per
 * partition).
 *
 * <h2>Durability: the buffer is a changelogged state store</h2>
 *
 * Buffered records live in a changelogged key-value store ({@link #bufferStore}), keyed by an
 * arrival sequence number, and are deleted only once their result is forwarded. Kafka Streams
 * flushes a store (and its changelog writes) before it commits the input offsets, so a committed
 * offset never covers a record that exists only in memory: after a crash the store is restored from
 * its changelog and still holds every record whose offset was committed, and the first punctuation
 * after the restart processes them. Under {@code exactly_once_v2} the store writes, the forwarded
 * results and the offsets commit in one transaction, so each input yields its result exactly once;
 * under {@code at_least_once} a crash between forwarding and the next commit repeats those results.
 * The alternative, draining the buffer before every commit, is not possible with the public
 * Processor API (it offers no pre-commit hook), and would tie batch size to the commit interval.
 * The store is cached, so a record buffered and processed within one commit interval usually costs
 * no changelog write at all. Memory stays bounded: the buffer never holds more than {@code maxSize}
 * records when a batch is triggered, and only one batch is decoded at a time.
 *
 * <h2>Failures: retry record by record</h2>
 *
 * If {@link #inferBatch} throws (or returns the wrong number of results), the batch is retried one
 * record at a time: the records that succeed are forwarded, and the first one that fails on its own
 * is removed from the buffer and thrown as an {@link InferenceFailedException}, which carries the
 * record, so the processing exception handler can dead-letter it ({@link
 * InferenceDeadLetterHandler} writes the record itself, not the handler context's record). Records
 * after it stay buffered and run with the next trigger, so one bad record costs its batch a retry
 * but never blocks the stream or loses the others. A transient failure (device out of memory, say)
 * is indistinguishable from a bad record here and also dead-letters the records that fail alone.
 *
 * <h2>Use</h2>
 *
 * A subclass implements {@link #inferBatch}, opens its predictor in {@code init} (calling {@code
 * super.init}) and closes it in {@code close}. Its supplier returns a new instance per {@code
 * get()}; the topology adds {@link #bufferStore} with the same, explicit name and connects it to
 * the processor (or the supplier returns it from {@code stores()}). Inference runs on the stream
 * thread: size {@code maxSize} so that a batch takes well under {@code max.poll.interval.ms}.
 *
 * @param <K> record key
 * @param <V> record value (the model input)
 * @param <R> result forwarded in place of the value
 */
public abstract class MicroBatchProcessor<K, V, R> implements Processor<K, V, K, R> {

  private static final Logger LOG = LoggerFactory.getLogger(MicroBatchProcessor.class);

  private final String storeName;
  private final BatchSettings settings;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;

  private ProcessorContext<K, R> context;
  private KeyValueStore<Long, BufferedRecord> buffer;

  /** Lowest sequence number that may still be buffered; everything below is deleted. */
  private long head;

  /** Sequence number of the next record. */
  private long next;

  /** Records in the buffer. */
  private int size;

  /**
   * @param storeName name of the buffer store (see {@link #bufferStore}), unique in the topology
   * @param settings when batches run
   * @param keySerde serializes keys into the buffer store
   * @param valueSerde serializes values into the buffer store
   */
  protected MicroBatchProcessor(
      String storeName, BatchSettings settings, Serde<K> keySerde, Serde<V> valueSerde) {
    this.storeName = requireNonNull(storeName, "storeName");
    this.settings = requireNonNull(settings, "settings");
    this.keySerde = requireNonNull(keySerde, "keySerde");
    this.valueSerde = requireNonNull(valueSerde, "valueSerde");
  }

  /**
   * The buffer store for a processor: persistent, changelogged (the changelog is what makes the
   * buffer survive a crash) and cached. Add it to the topology under the processor's store name.
   */
  public static StoreBuilder<KeyValueStore<Long, BufferedRecord>> bufferStore(String storeName) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(storeName), Serdes.Long(), new BufferedRecordSerde())
        .withLoggingEnabled(Map.of())
        .withCachingEnabled();
  }

  /**
   * Runs the model on one batch, in order. Called once per batch with 1 to {@code maxSize} values,
   * and with single values when a batch is retried record by record.
   *
   * @return one result per value, in the same order
   * @throws Exception any failure; the batch is then retried record by record
   */
  protected abstract List<R> inferBatch(List<V> values) throws Exception;

  /**
   * Opens the buffer, counts what a restart or restore left in it, and schedules the delay
   * punctuation. Subclasses that override this must call it.
   */
  @Override
  public void init(ProcessorContext<K, R> context) {
    this.context = context;
    this.buffer = context.getStateStore(storeName);
    size = 0;
    head = 0;
    next = 0;
    try (KeyValueIterator<Long, BufferedRecord> records = buffer.all()) {
      while (records.hasNext()) {
        long sequence = records.next().key;
        if (size == 0) {
          head = sequence;
        }
        size++;
        next = sequence + 1;
      }
    }
    if (size > 0) {
      LOG.info("buffer {} of task {} resumes with {} records", storeName, context.taskId(), size);
    }
    context.schedule(settings.maxDelay(), PunctuationType.WALL_CLOCK_TIME, now -> flush());
  }

  @Override
  public final void process(Record<K, V> record) {
    Optional<RecordMetadata> source = context.recordMetadata();
    String topic = source.map(RecordMetadata::topic).orElse(null);
    buffer.put(
        next,
        new BufferedRecord(
            keySerde.serializer().serialize(topic, record.key()),
            valueSerde.serializer().serialize(topic, record.value()),
            record.timestamp(),
            record.headers(),
            topic,
            source.map(RecordMetadata::partition).orElse(-1),
            source.map(RecordMetadata::offset).orElse(-1L)));
    next++;
    size++;
    if (size >= settings.maxSize()) {
      flush();
    }
  }

  /** Nothing to release here (the store belongs to Kafka Streams); subclasses close predictors. */
  @Override
  public void close() {}

  /** Runs batches until the buffer is empty. */
  private void flush() {
    while (size > 0) {
      List<KeyValue<Long, BufferedRecord>> batch = readBatch();
      if (batch.isEmpty()) {
        LOG.warn("buffer {} counted {} records but holds none", storeName, size);
        size = 0;
        return;
      }
      run(batch);
    }
  }

  private List<KeyValue<Long, BufferedRecord>> readBatch() {
    List<KeyValue<Long, BufferedRecord>> batch =
        new ArrayList<>(Math.min(size, settings.maxSize()));
    // Starting at the head skips the tombstones of processed records (a queue in RocksDB).
    try (KeyValueIterator<Long, BufferedRecord> records = buffer.range(head, Long.MAX_VALUE)) {
      while (records.hasNext() && batch.size() < settings.maxSize()) {
        batch.add(records.next());
      }
    }
    return batch;
  }

  private void run(List<KeyValue<Long, BufferedRecord>> batch) {
    List<Record<K, V>> records = new ArrayList<>(batch.size());
    for (KeyValue<Long, BufferedRecord> entry : batch) {
      try {
        records.add(decode(entry.value));
      } catch (RuntimeException e) {
        // Only records before it were decoded, and none has run: the rest stay buffered.
        remove(entry.key);
        throw new InferenceFailedException(storeName, entry.value, e);
      }
    }
    List<R> results;
    try {
      results = checked(inferBatch(records.stream().map(Record::value).toList()), records.size());
    } catch (Exception e) {
      if (batch.size() == 1) {
        remove(batch.get(0).key);
        throw new InferenceFailedException(storeName, batch.get(0).value, e);
      }
      LOG.warn(
          "batch of {} in buffer {} failed ({}); retrying record by record",
          batch.size(),
          storeName,
          e.getClass().getName());
      runOneByOne(batch, records);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      context.forward(records.get(i).withValue(results.get(i)));
      remove(batch.get(i).key);
    }
  }

  private void runOneByOne(List<KeyValue<Long, BufferedRecord>> batch, List<Record<K, V>> records) {
    for (int i = 0; i < batch.size(); i++) {
      Record<K, V> record = records.get(i);
      R result;
      try {
        result = checked(inferBatch(List.of(record.value())), 1).get(0);
      } catch (Exception e) {
        remove(batch.get(i).key);
        throw new InferenceFailedException(storeName, batch.get(i).value, e);
      }
      context.forward(record.withValue(result));
      remove(batch.get(i).key);
    }
  }

  private List<R> checked(List<R> results, int expected) {
    if (results == null || results.size() != expected) {
      throw new IllegalStateException(
          "inferBatch returned "
              + (results == null ? "null" : results.size() + " results")
              + " for "
              + expected
              + " records");
    }
    return results;
  }

  /** Deletes a processed record; records always leave the buffer in sequence order. */
  private void remove(long sequence) {
    buffer.delete(sequence);
    size--;
    head = sequence + 1;
  }

  private Record<K, V> decode(BufferedRecord buffered) {
    String topic = buffered.topic();
    return new Record<>(
        keySerde.deserializer().deserialize(topic, buffered.key()),
        valueSerde.deserializer().deserialize(topic, buffered.value()),
        buffered.timestamp(),
        buffered.headers());
  }
}
