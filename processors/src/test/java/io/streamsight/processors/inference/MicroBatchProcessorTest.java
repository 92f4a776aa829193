package io.streamsight.processors.inference;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroBatchProcessorTest {

  private static final Instant T0 = Instant.parse("2030-01-02T03:04:05Z");
  private static final String STORE = "upper-buffer";
  private static final String DLQ = "dlq";
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path stateDir;

  /** Every inferBatch call, across processor instances and drivers. */
  private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());

  private final List<TopologyTestDriver> drivers = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> in;
  private TestOutputTopic<String, String> out;
  private TestOutputTopic<byte[], byte[]> dlq;

  @AfterEach
  void close() {
    drivers.forEach(TopologyTestDriver::close);
  }

  @Test
  void shouldRunOneBatchAsSoonAsMaxSizeRecordsAreBuffered() {
    start(new BatchSettings(3, HOUR));

    in.pipeInput("k1", "a", T0);
    in.pipeInput("k2", "b", T0.plusMillis(1));

    assertThat(out.isEmpty()).isTrue();
    assertThat(calls).isEmpty();
    List<KeyValue<Long, BufferedRecord>> buffered = bufferContents();
    assertThat(buffered).extracting(kv -> kv.key).containsExactly(0L, 1L);
    assertThat(buffered.get(1).value.value()).isEqualTo("b".getBytes(UTF_8));
    assertThat(buffered.get(1).value.key()).isEqualTo("k2".getBytes(UTF_8));
    assertThat(buffered.get(1).value.source()).isEqualTo("in-0@1");
    assertThat(buffered.get(1).value.timestamp()).isEqualTo(T0.plusMillis(1).toEpochMilli());

    in.pipeInput("k3", "c", T0.plusMillis(2));

    assertThat(calls).containsExactly(List.of("a", "b", "c"));
    assertThat(out.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair("k1", "A"), KeyValue.pair("k2", "B"), KeyValue.pair("k3", "C"));
    assertThat(bufferContents()).isEmpty();
  }

  @Test
  void shouldRunWhateverIsBufferedWhenTheMaxDelayPasses() {
    start(new BatchSettings(8, Duration.ofMillis(50)));

    in.pipeInput("k1", "a", T0);
    in.pipeInput("k1", "b", T0);
    driver.advanceWallClockTime(Duration.ofMillis(49));

    assertThat(out.isEmpty()).isTrue();
    assertThat(bufferContents()).hasSize(2);

    driver.advanceWallClockTime(Duration.ofMillis(1));

    assertThat(calls).containsExactly(List.of("a", "b"));
    assertThat(out.readValuesToList()).containsExactly("A", "B");
    assertThat(bufferContents()).isEmpty();

    driver.advanceWallClockTime(Duration.ofMillis(50));
    assertThat(calls).as("an empty buffer runs no batch").hasSize(1);
  }

  @Test
  void shouldForwardInInputOrderWithEachRecordsKeyTimestampAndHeaders() {
    start(new BatchSettings(4, HOUR));
    List<TestRecord<String, String>> sent = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      RecordHeaders headers = new RecordHeaders();
      headers.add("trace", ("t" + i).getBytes(UTF_8));
      sent.add(new TestRecord<>("k" + (i % 3), "v" + i, headers, T0.plusSeconds(10 - i)));
    }

    in.pipeRecordList(sent);

    List<TestRecord<String, String>> received = out.readRecordsToList();
    assertThat(calls)
        .containsExactly(List.of("v0", "v1", "v2", "v3"), List.of("v4", "v5", "v6", "v7"));
    assertThat(received).hasSize(8);
    for (int i = 0; i < 8; i++) {
      assertThat(received.get(i).key()).isEqualTo(sent.get(i).key());
      assertThat(received.get(i).value()).isEqualTo("V" + i);
      assertThat(received.get(i).getRecordTime()).isEqualTo(sent.get(i).getRecordTime());
      assertThat(received.get(i).headers().lastHeader("trace").value())
          .isEqualTo(("t" + i).getBytes(UTF_8));
    }
  }

  @Test
  void shouldResumeTheBufferWhenADriverRestartsOnTheSameStateDir() {
    start(new BatchSettings(3, HOUR));
    in.pipeInput("k1", "a", T0);
    in.pipeInput("k2", "b", T0.plusMillis(1));
    crash();

    start(new BatchSettings(3, HOUR));

    assertThat(bufferContents()).extracting(kv -> kv.key).containsExactly(0L, 1L);
    in.pipeInput("k3", "c", T0.plusMillis(2));
    assertThat(calls).containsExactly(List.of("a", "b", "c"));
    assertThat(out.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair("k1", "A"), KeyValue.pair("k2", "B"), KeyValue.pair("k3", "C"));
  }

  @Test
  void shouldRunARestoredBufferAtTheFirstPunctuation() {
    start(new BatchSettings(8, Duration.ofMillis(50)));
    in.pipeInput("k1", "a", T0);
    crash();

    start(new BatchSettings(8, Duration.ofMillis(50)));
    driver.advanceWallClockTime(Duration.ofMillis(50));

    assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("k1", "A"));
  }

  @Test
  void shouldRetryAFailedBatchRecordByRecordAndDeadLetterOnlyTheBadRecord() {
    start(new BatchSettings(4, Duration.ofMillis(50)));
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", "t1".getBytes(UTF_8));

    in.pipeInput("k0", "a", T0);
    in.pipeInput(new TestRecord<>("k1", "poison", headers, T0.plusMillis(1)));
    in.pipeInput("k2", "c", T0.plusMillis(2));
    in.pipeInput("k3", "d", T0.plusMillis(3)); // fills the batch

    assertThat(calls)
        .containsExactly(List.of("a", "poison", "c", "d"), List.of("a"), List.of("poison"));
    assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("k0", "A"));
    List<TestRecord<byte[], byte[]>> deadLetters = dlq.readRecordsToList();
    assertThat(deadLetters).hasSize(1);
    TestRecord<byte[], byte[]> dead = deadLetters.get(0);
    assertThat(dead.key()).isEqualTo("k1".getBytes(UTF_8));
    assertThat(dead.value()).isEqualTo("poison".getBytes(UTF_8));
    assertThat(dead.getRecordTime()).isEqualTo(T0.plusMillis(1));
    assertThat(header(dead, "trace")).isEqualTo("t1");
    assertThat(header(dead, "__streams.errors.topic")).isEqualTo("in");
    assertThat(header(dead, "__streams.errors.partition")).isEqualTo("0");
    assertThat(header(dead, "__streams.errors.offset")).isEqualTo("1");
    assertThat(header(dead, "__streams.errors.exception"))
        .isEqualTo(IllegalArgumentException.class.getName());
    assertThat(bufferContents()).extracting(kv -> kv.key).containsExactly(2L, 3L);

    driver.advanceWallClockTime(Duration.ofMillis(50));

    assertThat(calls).last().isEqualTo(List.of("c", "d"));
    assertThat(out.readKeyValuesToList())
        .containsExactly(KeyValue.pair("k2", "C"), KeyValue.pair("k3", "D"));
    assertThat(dlq.isEmpty()).isTrue();
    assertThat(bufferContents()).isEmpty();
  }

  @Test
  void shouldTreatAWrongNumberOfResultsAsAFailedBatch() {
    start(new BatchSettings(2, HOUR));

    in.pipeInput("k0", "a", T0);
    in.pipeInput("k1", "short", T0);

    assertThat(calls).containsExactly(List.of("a", "short"), List.of("a"), List.of("short"));
    assertThat(out.readValuesToList()).containsExactly("A", "");
    assertThat(dlq.isEmpty()).isTrue();
  }

  /**
   * A crash that leaves the local store behind: the store is closed (releasing RocksDB's lock) but
   * the driver is abandoned, never closed, since closing a driver commits and deletes its state.
   */
  private void crash() {
    driver.getKeyValueStore(STORE).close();
    drivers.remove(driver);
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }

  private List<KeyValue<Long, BufferedRecord>> bufferContents() {
    KeyValueStore<Long, BufferedRecord> store = driver.getKeyValueStore(STORE);
    List<KeyValue<Long, BufferedRecord>> contents = new ArrayList<>();
    try (KeyValueIterator<Long, BufferedRecord> all = store.all()) {
      all.forEachRemaining(contents::add);
    }
    return contents;
  }

  private void start(BatchSettings settings) {
    Topology topology = new Topology();
    topology.addSource(
        "source", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
    topology.addProcessor("upper", () -> new UppercaseBatcher(settings, calls), "source");
    topology.addStateStore(MicroBatchProcessor.bufferStore(STORE), "upper");
    topology.addSink(
        "sink", "out", Serdes.String().serializer(), Serdes.String().serializer(), "upper");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "micro-batch-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, InferenceDeadLetterHandler.class);
    driver = new TopologyTestDriver(topology, props, T0);
    drivers.add(driver);
    in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
    out =
        driver.createOutputTopic(
            "out", Serdes.String().deserializer(), Serdes.String().deserializer());
    dlq =
        driver.createOutputTopic(
            DLQ, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
  }

  /**
   * Upper-cases values; a batch holding "poison" fails, and "short" makes the batch return one
   * result too few (alone it maps to the empty string).
   */
  private static final class UppercaseBatcher extends MicroBatchProcessor<String, String, String> {

    private final List<List<String>> calls;

    UppercaseBatcher(BatchSettings settings, List<List<String>> calls) {
      super(STORE, settings, Serdes.String(), Serdes.String());
      this.calls = calls;
    }

    @Override
    protected List<String> inferBatch(List<String> values) {
      calls.add(List.copyOf(values));
      if (values.contains("poison")) {
        throw new IllegalArgumentException("cannot infer");
      }
      if (values.contains("short")) {
        return values.size() == 1
            ? List.of("")
            : values.subList(1, values.size()).stream().map(v -> "?").toList();
      }
      return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }
  }
}
