package io.streamsight.bench;

import io.streamsight.events.Box;
import io.streamsight.events.Detection;
import io.streamsight.events.EnrichedImage;
import io.streamsight.events.EventRef;
import io.streamsight.events.ImageInfo;
import io.streamsight.events.ModelProvenance;
import io.streamsight.schemas.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the single-object encoding and the multi-version decoder cost per record, against plain Avro
 * binary of the same record (the baseline, no header and no schema resolution).
 *
 * <p>{@code java -jar bench/target/streamsight-bench.jar SerdeBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerdeBenchmark {

  private final AvroSerde<EnrichedImage> serde = AvroSerde.of(EnrichedImage.class);
  private final SpecificDatumWriter<EnrichedImage> writer =
      new SpecificDatumWriter<>(EnrichedImage.class);
  private final SpecificDatumReader<EnrichedImage> reader =
      new SpecificDatumReader<>(EnrichedImage.class);
  private EnrichedImage record;
  private byte[] singleObject;
  private byte[] plain;
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;

  @Setup
  public void setUp() throws IOException {
    List<Detection> detections = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      detections.add(
          Detection.newBuilder()
              .setLabel(i % 2 == 0 ? "person" : "car")
              .setScore(0.5f + i / 40f)
              .setBox(Box.newBuilder().setX(10 * i).setY(20).setW(50).setH(120).build())
              .build());
    }
    record =
        EnrichedImage.newBuilder()
            .setSource(
                EventRef.newBuilder()
                    .setEventId("3f1c2a9e-5b7d-4e0f-9a61-2d8c7b4e1f00")
                    .setSourceId("camera-17")
                    .setCaptureTime(Instant.parse("2026-01-01T00:00:00Z"))
                    .setSequence(1234L)
                    .build())
            .setImage(
                ImageInfo.newBuilder()
                    .setFormat("jpeg")
                    .setWidth(1920)
                    .setHeight(1080)
                    .setSizeBytes(412_345)
                    .setSha256("ab".repeat(32))
                    .build())
            .setDetections(detections)
            .setModels(
                List.of(
                    ModelProvenance.newBuilder()
                        .setName("image-header")
                        .setVersion("1")
                        .setDevice("cpu")
                        .setInferenceMs(1.5)
                        .build()))
            .setAttributes(Map.of("site", "north-gate"))
            .setEnrichedTime(Instant.parse("2026-01-01T00:00:01Z"))
            .build();
    singleObject = serde.serializer().serialize("images.enriched", record);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder e = EncoderFactory.get().binaryEncoder(out, null);
    writer.write(record, e);
    e.flush();
    plain = out.toByteArray();
  }

  @Benchmark
  public byte[] serdeSerialize() {
    return serde.serializer().serialize("images.enriched", record);
  }

  @Benchmark
  public EnrichedImage serdeDeserialize() {
    return serde.deserializer().deserialize("images.enriched", singleObject);
  }

  @Benchmark
  public byte[] baselinePlainSerialize() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length);
    encoder = EncoderFactory.get().binaryEncoder(out, encoder);
    writer.write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Benchmark
  public EnrichedImage baselinePlainDeserialize() throws IOException {
    decoder = DecoderFactory.get().binaryDecoder(plain, decoder);
    return reader.read(null, decoder);
  }
}
