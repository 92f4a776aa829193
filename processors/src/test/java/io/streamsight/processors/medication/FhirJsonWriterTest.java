package io.streamsight.processors.medication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsight.events.ValidationStatus;
import io.streamsight.processors.medication.formulary.InMemoryFormulary;
import io.streamsight.processors.medication.sig.ParsedSig;
import io.streamsight.processors.medication.sig.SharedSigData;
import io.streamsight.processors.medication.sig.SigParser;
import io.streamsight.processors.medication.sig.UnparseableSigException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our FHIR JSON writer against HAPI's encoder: the same bytes, or HAPI's own output. */
class FhirJsonWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SigParser PARSER = new SigParser();

  /**
   * Every sig the public test sets hold, plus shorthand the sets lack; unparseable ones dropped.
   */
  private static List<ParsedSig> corpus() throws IOException {
    Set<String> sigs = new LinkedHashSet<>();
    Path dir = SharedSigData.sigs();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        for (JsonNode c : JSON.readTree(file.toFile())) {
          for (String field : List.of("sig", "text")) {
            if (c.hasNonNull(field) && c.get(field).isTextual()) {
              sigs.add(c.get(field).asText());
            }
          }
        }
      }
    }
    sigs.addAll(
        List.of(
            "t1t po tid x10d prn pain",
            "2 tabs daily x3d then 1 tab daily x3d",
            "1-2 puffs inh q4-6h prn sob max 8 puffs/d",
            "1 gtt od qhs",
            "2 in the morning and 1 at night",
            "10 units sc qhs",
            "1 1/2 tsp po tid x10d",
            "apply bid mon wed fri",
            "take 1 tablet by mouth at 08:00 and 20:00",
            "500mg po q8h x7d (2 caps)"));
    List<ParsedSig> parsed = new ArrayList<>();
    for (String sig : sigs) {
      try {
        parsed.add(PARSER.parse(sig));
      } catch (UnparseableSigException e) {
        // Not a writer question.
      }
    }
    return parsed;
  }

  @Test
  void shouldWriteEveryParsedSigsDosagesExactlyAsHapiDoes() throws IOException {
    List<ParsedSig> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThan(300);
    for (ParsedSig sig : corpus) {
      MedicationRequest carrier = new MedicationRequest();
      sig.dosages().forEach(carrier::addDosageInstruction);
      List<String> ours = sig.dosages().stream().map(FhirJsonWriter::dosage).toList();

      assertThat(FhirJsonWriter.medicationRequest(carrier, ours))
          .as("sig %s", sig.input())
          .isEqualTo(FhirJson.encode(carrier));
    }
  }

  @ParameterizedTest
  @EnumSource(ValidationStatus.class)
  void shouldWriteValidatedOrdersRequestsExactlyAsHapiDoes(ValidationStatus status) {
    OrderInput order =
        new OrderInput(
            "o-1",
            "site",
            "00406716",
            "amoxicillin",
            "1 cap po tid x10d",
            30.0,
            "capsule",
            "Patient/p-1",
            "Practitioner/dr-1");
    ParsedSig sig = PARSER.parse(order.sig());
    MedicationRequest request =
        MedicationRequestFactory.build(
            order, sig, TestProducts.AMOX_CAPSULE, 30.0, "capsule", 10, status);
    List<String> dosages = sig.dosages().stream().map(FhirJsonWriter::dosage).toList();

    assertThat(FhirJsonWriter.medicationRequest(request, dosages))
        .isEqualTo(FhirJson.encode(request));
  }

  @Test
  void shouldMatchHapiOnEveryOrderTheValidatorWrites() {
    OrderValidator validator = new OrderValidator(PARSER, InMemoryFormulary.of(TestProducts.all()));
    List<OrderInput> orders =
        List.of(
            new OrderInput(
                "a", null, "00406716", "amoxicillin", "1 cap po tid x10d", 30.0, null, null, null),
            new OrderInput(
                "b", null, null, "amoxicillin", "t 250mg tid x10d", 150.0, "mL", null, null),
            new OrderInput("c", null, "99999999", null, "1 tab po daily", null, null, null, null),
            new OrderInput("d", null, null, null, "blah blah", null, null, null, null),
            // on hold for review (a strength the DIN lacks)
            new OrderInput(
                "f", null, "00000003", "cephalexin 300mg", "1 tab po qid", 40.0, null, null, null),
            new OrderInput(
                "e",
                null,
                "00406716",
                null,
                "2 caps po bid x7d #28",
                null,
                null,
                "Patient/1",
                null));
    for (OrderInput order : orders) {
      ValidationResult result = validator.validate(order);
      MedicationRequest parsed =
          FhirJson.parser().parseResource(MedicationRequest.class, result.medicationRequestJson());

      assertThat(FhirJson.encode(parsed))
          .as("order %s", order.orderId())
          .isEqualTo(result.medicationRequestJson());
      assertThat(result.dosageJson()).hasSize(parsed.getDosageInstruction().size());
    }
  }

  @Test
  void shouldWriteEveryDosageElementInHapisOrder() {
    Dosage d = new Dosage();
    d.setSequence(2).setText("as written").setPatientInstruction("Take it");
    d.addAdditionalInstruction(new CodeableConcept().setText("with food"));
    Timing timing = new Timing();
    timing.addEvent(new java.util.Date(0));
    timing.getRepeat().setBounds(new Range().setLow(qty(1, "d")).setHigh(qty(3, "d")));
    timing.getRepeat().setCount(3).setCountMax(5).setDuration(30).setDurationMax(45);
    timing.getRepeat().setDurationUnit(Timing.UnitsOfTime.MIN);
    timing.getRepeat().setFrequency(2).setFrequencyMax(3).setPeriod(new BigDecimal("1.50"));
    timing.getRepeat().setPeriodMax(2).setPeriodUnit(Timing.UnitsOfTime.D);
    timing.getRepeat().addDayOfWeek(Timing.DayOfWeek.MON).addTimeOfDay("08:00:00");
    timing.getRepeat().addWhen(Timing.EventTiming.ACM).setOffset(30);
    timing.setCode(new CodeableConcept(new Coding("sys", "BID", "BID").setUserSelected(true)));
    d.setTiming(timing);
    d.setAsNeeded(new BooleanType(true));
    d.setSite(new CodeableConcept().setText("left eye"));
    d.setRoute(new CodeableConcept(new Coding("snomed", "26643006", "Oral")));
    d.setMethod(new CodeableConcept().setText("swallow"));
    d.addDoseAndRate()
        .setDose(qty(2, "tab"))
        .setRate(new Ratio().setNumerator(qty(1, "mL")).setDenominator(qty(1, "h")));
    d.setMaxDosePerPeriod(new Ratio().setNumerator(qty(8, "tab")).setDenominator(qty(1, "d")));
    Quantity perAdministration = qty(2, "tab").setComparator(Quantity.QuantityComparator.LESS_THAN);
    d.setMaxDosePerAdministration(perAdministration);
    d.setMaxDosePerLifetime(qty(100, "tab"));
    Dosage boundedByPeriod = new Dosage().setTiming(new Timing());
    boundedByPeriod
        .getTiming()
        .getRepeat()
        .setBounds(
            new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-01-01")));
    Dosage boundedByDuration = new Dosage().setTiming(new Timing());
    boundedByDuration.getTiming().getRepeat().setBounds((Duration) new Duration().setValue(10));

    for (Dosage dosage : List.of(d, boundedByPeriod, boundedByDuration)) {
      MedicationRequest carrier = new MedicationRequest().addDosageInstruction(dosage);
      assertThat(FhirJsonWriter.medicationRequest(carrier, List.of(FhirJsonWriter.dosage(dosage))))
          .isEqualTo(FhirJson.encode(carrier));
    }
  }

  @Test
  void shouldLeaveExtensionsToHapi() {
    Dosage d = new Dosage().setText("1 tab daily");
    d.getTextElement().addExtension(new Extension("http://example.org/x", new StringType("y")));
    d.addExtension(new Extension("http://example.org/z", new BooleanType(true)));
    MedicationRequest carrier = new MedicationRequest().addDosageInstruction(d);
    carrier.addExtension(new Extension("http://example.org/r", new StringType("r")));

    String dosage = FhirJsonWriter.dosage(d);

    assertThat(dosage).contains("_text").contains("http://example.org/z");
    assertThat(FhirJsonWriter.medicationRequest(carrier, List.of(dosage)))
        .isEqualTo(FhirJson.encode(carrier));
  }

  private static SimpleQuantity qty(double value, String unit) {
    SimpleQuantity q = new SimpleQuantity();
    q.setValue(value).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(unit);
    return q;
  }
}
