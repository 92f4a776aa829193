package io.streamsight.schemas;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.AudioInfo;
import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.BehaviorPhase;
import io.streamsight.events.Box;
import io.streamsight.events.ClaimCheck;
import io.streamsight.events.Detection;
import io.streamsight.events.EnrichedImage;
import io.streamsight.events.EventRef;
import io.streamsight.events.Face;
import io.streamsight.events.FindingLevel;
import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyMatch;
import io.streamsight.events.FormularyNameEntry;
import io.streamsight.events.FormularyProduct;
import io.streamsight.events.ImageEvent;
import io.streamsight.events.ImageInfo;
import io.streamsight.events.MedicationOrder;
import io.streamsight.events.MedicationValidation;
import io.streamsight.events.ModelProvenance;
import io.streamsight.events.Point;
import io.streamsight.events.Severity;
import io.streamsight.events.TextEvent;
import io.streamsight.events.TextRegion;
import io.streamsight.events.Transcript;
import io.streamsight.events.TranscriptSegment;
import io.streamsight.events.ValidationFinding;
import io.streamsight.events.ValidationStatus;
import io.streamsight.events.ZoneCounts;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * One realistic, fully filled-in instance of every top-level event record, optional fields set, so
 * that round trips exercise every branch of every union. Each call returns a fresh instance:
 * records hold ByteBuffers, which serialization may move.
 */
final class SampleEvents {

  static final Instant CAPTURED = Instant.parse("2026-03-14T09:26:53.589Z");

  private SampleEvents() {}

  /** One instance of every top-level record, in {@link EventSchemas#all()} order. */
  static List<SpecificRecord> all() {
    return List.of(
        imageEvent(),
        audioEvent(),
        textEvent(),
        medicationOrder(),
        enrichedImage(),
        transcript(),
        behaviorEvent(),
        medicationValidation(),
        formularyProduct(),
        formularyNameEntry(),
        zoneCounts());
  }

  static ImageEvent imageEvent() {
    return imageEventBuilder().build();
  }

  /**
   * The sample's builder, for variations. (Not {@code newBuilder(sample)}: that deep copy makes
   * Avro 1.12 load nested classes through its allow-list, which is off by default.)
   */
  static ImageEvent.Builder imageEventBuilder() {
    return ImageEvent.newBuilder()
        .setEventId("3f2b8c1e-9d4a-4e2f-8b1a-0c6d5e7f9a21")
        .setSourceId("cam-lobby-01")
        .setCaptureTime(CAPTURED)
        .setContentType("image/jpeg")
        // The start of a JFIF file: SOI marker then the APP0 segment.
        .setPayload(
            ByteBuffer.wrap(
                new byte[] {
                  (byte) 0xFF,
                  (byte) 0xD8,
                  (byte) 0xFF,
                  (byte) 0xE0,
                  0x00,
                  0x10,
                  'J',
                  'F',
                  'I',
                  'F',
                  0x00,
                  0x01,
                  0x01,
                  0x00,
                  0x00,
                  0x01,
                  0x00,
                  0x01,
                  0x00,
                  0x00
                }))
        .setFrameIndex(18_342L)
        .setAttributes(Map.of("site", "toronto-hq", "lens", "wide"));
  }

  static AudioEvent audioEvent() {
    return AudioEvent.newBuilder()
        .setEventId("a7d0e4b2-5c3f-4f6a-9e8d-1b2c3d4e5f60")
        .setSourceId("dictation-ward-4b")
        .setCaptureTime(CAPTURED)
        .setContentType("audio/L16")
        .setEncoding("pcm_s16le")
        .setSampleRate(16_000)
        .setChannels(1)
        .setPayload(
            new ClaimCheck(
                "file:///data/claims/a7/a7d0e4b2.pcm",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                1_920_000L))
        .setChunkIndex(3L)
        .setAttributes(Map.of("speaker", "dr-osei"))
        .build();
  }

  static TextEvent textEvent() {
    return TextEvent.newBuilder()
        .setEventId("c1e9f7a3-2b4d-4c6e-8f0a-9b8c7d6e5f43")
        .setSourceId("pharmacy-terminal-7")
        .setCaptureTime(CAPTURED)
        .setText("Amoxicillin 500 mg  t1c po tid x10d\u00a0— patient allergic to sulfa")
        .setLanguage("en-CA")
        .setKind("order")
        .setAttributes(Map.of("channel", "counter"))
        .build();
  }

  static MedicationOrder medicationOrder() {
    return MedicationOrder.newBuilder()
        .setOrderId("RX-2026-000417")
        .setSourceId("pharmacy-queen-st")
        .setOrderTime(CAPTURED)
        .setDin("02243616")
        .setDrugName("Amoxicillin 500 mg capsule")
        .setSig("t1c po tid x10d")
        .setQuantity(30.0)
        .setQuantityUnit("capsule")
        .setRefills(0)
        .setPrescriberRef("Practitioner/8842")
        .setPatientRef("Patient/55017")
        .setAttributes(Map.of("priority", "routine"))
        .build();
  }

  static EventRef imageRef() {
    return new EventRef("3f2b8c1e-9d4a-4e2f-8b1a-0c6d5e7f9a21", "cam-lobby-01", CAPTURED, 18_342L);
  }

  static EnrichedImage enrichedImage() {
    return enrichedImageBuilder().build();
  }

  /** The sample's builder, for variations (see {@link #imageEventBuilder()}). */
  static EnrichedImage.Builder enrichedImageBuilder() {
    return EnrichedImage.newBuilder()
        .setSource(imageRef())
        .setImage(
            new ImageInfo(
                "jpeg",
                1920,
                1080,
                412_337L,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        .setDetections(
            List.of(
                new Detection("person", 0.91f, new Box(812.5f, 233.0f, 140.25f, 402.75f)),
                new Detection("suitcase", 0.64f, new Box(960.0f, 540.0f, 88.0f, 120.5f))))
        .setFaces(
            List.of(
                new Face(
                    new Box(850.0f, 250.0f, 60.0f, 60.0f),
                    0.88f,
                    List.of(new Point(865.0f, 270.0f), new Point(890.0f, 270.0f)))))
        .setTextRegions(
            List.of(
                new TextRegion(
                    "EXIT",
                    0.97f,
                    List.of(
                        new Point(100.0f, 40.0f),
                        new Point(180.0f, 40.0f),
                        new Point(180.0f, 70.0f),
                        new Point(100.0f, 70.0f)))))
        .setFullText("EXIT")
        .setCaption("A person with a suitcase walking past an exit sign.")
        .setModels(
            List.of(
                new ModelProvenance("image-header", "1", null, "cpu", 0.05),
                new ModelProvenance(
                    "nanodet",
                    "plus-m-416",
                    "5d41402abc4b2a76b9719d911017c592e3b0c44298fc1c149afbf4c8996fb924",
                    "gpu:0",
                    7.25)))
        .setAttributes(Map.of("site", "toronto-hq", "lens", "wide"))
        .setEnrichedTime(CAPTURED.plusMillis(184));
  }

  static Transcript transcript() {
    return Transcript.newBuilder()
        .setSource(
            new EventRef("a7d0e4b2-5c3f-4f6a-9e8d-1b2c3d4e5f60", "dictation-ward-4b", CAPTURED, 3L))
        .setAudio(
            new AudioInfo(
                "raw",
                "pcm_s16le",
                16_000,
                1,
                16,
                960_000L,
                60_000L,
                1_920_000L,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
        .setSegments(
            List.of(
                new TranscriptSegment(1_200L, 4_800L, "start amoxicillin five hundred", 0.87f),
                new TranscriptSegment(5_100L, 7_900L, "three times a day for ten days", null)))
        .setText("start amoxicillin five hundred three times a day for ten days")
        .setLanguage("en")
        .setModels(List.of(new ModelProvenance("silero-vad", "5.1", null, "cpu", 1.5)))
        .setAttributes(Map.of("speaker", "dr-osei"))
        .setProcessedTime(CAPTURED.plusSeconds(2))
        .build();
  }

  static BehaviorEvent behaviorEvent() {
    return BehaviorEvent.newBuilder()
        .setEventId("beh-cam-lobby-01-dwell-000091")
        .setCameraId("cam-lobby-01")
        .setRuleId("lobby-dwell-60s")
        .setRuleType("dwell")
        .setZoneId("lobby-east")
        .setPhase(BehaviorPhase.END)
        .setTrackIds(List.of(4411L, 4417L))
        .setObjectClass("person")
        .setStartTime(CAPTURED.minusSeconds(75))
        .setEventTime(CAPTURED)
        .setEndTime(CAPTURED)
        .setSeverity(Severity.MEDIUM)
        .setEvidence(imageRef())
        .setAttributes(Map.of("dwellSeconds", "75"))
        .build();
  }

  static ZoneCounts zoneCounts() {
    return ZoneCounts.newBuilder()
        .setCameraId("cam-lobby-01")
        .setZoneId("entrance")
        .setKind("line")
        .setWindowStart(CAPTURED.minusSeconds(10))
        .setWindowEnd(CAPTURED)
        .setFrames(100)
        .setOccupancyMin(0)
        .setOccupancyMax(0)
        .setOccupancyMean(0.0)
        .setOccupancyLast(0)
        .setMaxByClass(Map.of())
        .setInCount(3)
        .setOutCount(1)
        .setInByClass(Map.of("person", 3L))
        .setOutByClass(Map.of("person", 1L))
        .build();
  }

  static MedicationValidation medicationValidation() {
    return MedicationValidation.newBuilder()
        .setOrderId("RX-2026-000417")
        .setSourceId("pharmacy-queen-st")
        .setStatus(ValidationStatus.NEEDS_REVIEW)
        .setFindings(
            List.of(
                new ValidationFinding(
                    "QuantityMismatchWarning",
                    "Quantity 30 capsules covers 10 days at 3 a day; matches the sig.",
                    FindingLevel.INFO),
                new ValidationFinding(
                    "AllergyNoteWarning",
                    "The order text mentions an allergy; check the patient's profile.",
                    FindingLevel.WARNING)))
        .setPatientInstructions(List.of("Take 1 capsule by mouth 3 times a day for 10 days."))
        .setDosageJson(
            List.of(
                "{\"text\":\"t1c po tid x10d\",\"timing\":{\"repeat\":{\"frequency\":3,"
                    + "\"period\":1,\"periodUnit\":\"d\",\"boundsDuration\":{\"value\":10,"
                    + "\"unit\":\"d\"}}},\"route\":{\"text\":\"oral\"}}"))
        .setFormularyMatch(
            new FormularyMatch(
                "02243616",
                "AMOXICILLIN",
                List.of("AMOXICILLIN"),
                "500 MG",
                "CAPSULE",
                "ORAL",
                "MARKETED"))
        .setDispenseQuantity(30.0)
        .setExpectedSupplyDays(10)
        .setMedicationRequestJson(
            "{\"resourceType\":\"MedicationRequest\",\"status\":\"active\",\"intent\":\"order\"}")
        .setValidatedTime(CAPTURED.plusMillis(12))
        .build();
  }

  static FormularyProduct formularyProduct() {
    return FormularyProduct.newBuilder()
        .setDin("02243616")
        .setDrugCode(12345L)
        .setBrandName("AMOXICILLIN")
        .setIngredients(
            List.of(
                FormularyIngredient.newBuilder()
                    .setName("AMOXICILLIN")
                    .setStrength(500.0)
                    .setStrengthUnit("MG")
                    .build()))
        .setDosageForms(List.of("CAPSULE"))
        .setRoutes(List.of("ORAL"))
        .setMarketingStatus("MARKETED")
        .setSchedules(List.of("Prescription"))
        .setAtcCode("J01CA04")
        .build();
  }

  static FormularyNameEntry formularyNameEntry() {
    return FormularyNameEntry.newBuilder()
        .setName("amoxicillin")
        .setKind("both")
        .setDins(List.of("02243616"))
        .build();
  }
}
