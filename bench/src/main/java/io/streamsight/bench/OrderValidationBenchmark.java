package io.streamsight.bench;

import io.streamsight.events.MedicationValidation;
import io.streamsight.processors.medication.OrderInput;
import io.streamsight.processors.medication.OrderValidator;
import io.streamsight.processors.medication.formulary.InMemoryFormulary;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import io.streamsight.processors.medication.sig.SigParser;
import io.streamsight.schemas.Topics;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-order CPU cost of the pharmacy processor without Kafka: validate an order against the
 * sample formulary (parse, identify, strength, route, supply days, FHIR MedicationRequest), build
 * its Avro record and serialize it, as the stream thread does for every order. {@code validateOnly}
 * leaves out the Avro record and its bytes. Orders cycle through {@link PharmacyOrders}: with
 * {@code distinct=false} its forty sigs repeat, as a pharmacy's common sigs do; with {@code
 * distinct=true} almost every sig text is new.
 *
 * <p>{@code java -jar bench/target/streamsight-bench.jar OrderValidationBenchmark -wi 2 -i 3 -f 1}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class OrderValidationBenchmark {

  private final OrderValidator validator =
      new OrderValidator(new SigParser(), InMemoryFormulary.of(SampleFormulary.products()));
  private final Serializer<MedicationValidation> serializer =
      Topics.create().validations().valueSerde().serializer();
  private final Instant now = Instant.parse("2026-12-01T00:00:00Z");

  /** False: the fixed mix, sigs repeat; true: nearly every order has a sig never seen before. */
  @Param({"false", "true"})
  public boolean distinct;

  private int next;

  private OrderInput nextOrder() {
    return PharmacyOrders.input(next++ & Integer.MAX_VALUE, distinct);
  }

  @Benchmark
  public byte[] validateAndSerialize() {
    return serializer.serialize(
        Topics.PHARMACY_VALIDATIONS, validator.validate(nextOrder()).toAvro(now));
  }

  @Benchmark
  public Object validateOnly() {
    return validator.validate(nextOrder());
  }
}
