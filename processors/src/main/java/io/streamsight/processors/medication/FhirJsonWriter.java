package io.streamsight.processors.medication;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Dosage.DosageDoseAndRateComponent;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestDispenseRequestComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * FHIR R4 JSON for the resources the pharmacy stream emits, written straight from the HAPI objects
 * with a Jackson generator: the same bytes HAPI's {@code JsonParser} writes for them (compact, no
 * narrative), at a small fraction of its cost. HAPI walks every possible child of every element
 * through its reflective model for each record; this writer knows the R4 element order of {@link
 * Dosage} (every element of it and of {@link Timing}) and of the {@link MedicationRequest} elements
 * {@link MedicationRequestFactory} sets, and writes only what is present.
 *
 * <p>What it does not know (extensions, element ids, resource metadata, MedicationRequest elements
 * the factory never sets) it does not guess: {@link #dosage} and {@link #medicationRequest} then
 * hand the whole element to HAPI instead, so the output is always HAPI's. {@code
 * FhirJsonWriterTest} holds the two byte for byte equal on every sig of the public test sets.
 * Thread-safe.
 */
public final class FhirJsonWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private FhirJsonWriter() {}

  /** One Dosage as a JSON object, as it appears in a MedicationRequest's dosageInstruction. */
  public static String dosage(Dosage dosage) {
    try {
      StringWriter out = new StringWriter(512);
      try (JsonGenerator g = JSON.createGenerator(out)) {
        writeDosage(g, dosage);
      }
      return out.toString();
    } catch (Unsupported e) {
      return FhirJson.dosageNodes(List.of(dosage)).get(0).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The MedicationRequest as JSON. Its dosageInstruction is written from {@code dosageJson}, which
   * must be {@link #dosage} of each of the request's own dosages, in order (so they are encoded
   * once, not once here and once for the validation record).
   */
  public static String medicationRequest(MedicationRequest request, List<String> dosageJson) {
    try {
      StringWriter out = new StringWriter(1024 + 768 * dosageJson.size());
      try (JsonGenerator g = JSON.createGenerator(out)) {
        writeRequest(g, request, dosageJson);
      }
      return out.toString();
    } catch (Unsupported e) {
      return FhirJson.encode(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Something HAPI must write: thrown before anything of the resource is returned. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private static void writeRequest(JsonGenerator g, MedicationRequest r, List<String> dosageJson)
      throws IOException {
    if (r.hasId()
        || r.hasMeta()
        || r.hasImplicitRules()
        || r.hasLanguage()
        || r.hasText()
        || r.hasContained()
        || r.hasExtension()
        || r.hasModifierExtension()
        || r.hasStatusReason()
        || r.hasCategory()
        || r.hasPriority()
        || r.hasDoNotPerform()
        || r.hasReported()
        || r.hasEncounter()
        || r.hasSupportingInformation()
        || r.hasAuthoredOn()
        || r.hasPerformer()
        || r.hasPerformerType()
        || r.hasRecorder()
        || r.hasReasonCode()
        || r.hasReasonReference()
        || r.hasInstantiatesCanonical()
        || r.hasInstantiatesUri()
        || r.hasBasedOn()
        || r.hasGroupIdentifier()
        || r.hasCourseOfTherapyType()
        || r.hasInsurance()
        || r.hasNote()
        || r.hasSubstitution()
        || r.hasPriorPrescription()
        || r.hasDetectedIssue()
        || r.hasEventHistory()) {
      throw new Unsupported("MedicationRequest element");
    }
    g.writeStartObject();
    g.writeStringField("resourceType", "MedicationRequest");
    if (r.hasIdentifier()) {
      g.writeArrayFieldStart("identifier");
      for (Identifier id : r.getIdentifier()) {
        writeIdentifier(g, id);
      }
      g.writeEndArray();
    }
    primitive(g, "status", r.getStatusElement());
    primitive(g, "intent", r.getIntentElement());
    if (r.hasMedication()) {
      Type medication = r.getMedication();
      if (!(medication instanceof CodeableConcept concept)) {
        throw new Unsupported("medicationReference");
      }
      g.writeFieldName("medicationCodeableConcept");
      writeConcept(g, concept);
    }
    reference(g, "subject", r.hasSubject() ? r.getSubject() : null);
    reference(g, "requester", r.hasRequester() ? r.getRequester() : null);
    if (!dosageJson.isEmpty()) {
      g.writeArrayFieldStart("dosageInstruction");
      for (String json : dosageJson) {
        g.writeRawValue(json);
      }
      g.writeEndArray();
    }
    if (r.hasDispenseRequest()) {
      writeDispense(g, r.getDispenseRequest());
    }
    g.writeEndObject();
  }

  private static void writeDispense(JsonGenerator g, MedicationRequestDispenseRequestComponent d)
      throws IOException {
    if (d.hasId()
        || d.hasExtension()
        || d.hasModifierExtension()
        || d.hasInitialFill()
        || d.hasDispenseInterval()
        || d.hasValidityPeriod()
        || d.hasNumberOfRepeatsAllowed()
        || d.hasPerformer()) {
      throw new Unsupported("dispenseRequest element");
    }
    g.writeObjectFieldStart("dispenseRequest");
    quantity(g, "quantity", d.hasQuantity() ? d.getQuantity() : null);
    quantity(
        g,
        "expectedSupplyDuration",
        d.hasExpectedSupplyDuration() ? d.getExpectedSupplyDuration() : null);
    g.writeEndObject();
  }

  private static void writeIdentifier(JsonGenerator g, Identifier id) throws IOException {
    plain(id);
    if (id.hasType() || id.hasPeriod() || id.hasAssigner()) {
      throw new Unsupported("Identifier element");
    }
    g.writeStartObject();
    primitive(g, "use", id.getUseElement());
    primitive(g, "system", id.getSystemElement());
    primitive(g, "value", id.getValueElement());
    g.writeEndObject();
  }

  private static void reference(JsonGenerator g, String name, Reference ref) throws IOException {
    if (ref == null) {
      return;
    }
    plain(ref);
    if (ref.hasType() || ref.hasIdentifier() || ref.getResource() != null) {
      throw new Unsupported("Reference element");
    }
    g.writeObjectFieldStart(name);
    primitive(g, "reference", ref.getReferenceElement_());
    primitive(g, "display", ref.getDisplayElement());
    g.writeEndObject();
  }

  private static void writeDosage(JsonGenerator g, Dosage d) throws IOException {
    plain(d);
    if (d.hasModifierExtension()) {
      throw new Unsupported("Dosage modifierExtension");
    }
    g.writeStartObject();
    primitive(g, "sequence", d.getSequenceElement());
    primitive(g, "text", d.getTextElement());
    concepts(
        g,
        "additionalInstruction",
        d.hasAdditionalInstruction() ? d.getAdditionalInstruction() : null);
    primitive(g, "patientInstruction", d.getPatientInstructionElement());
    if (d.hasTiming()) {
      writeTiming(g, d.getTiming());
    }
    if (d.hasAsNeeded()) {
      Type asNeeded = d.getAsNeeded();
      if (asNeeded instanceof BooleanType b) {
        primitive(g, "asNeededBoolean", b);
      } else {
        g.writeFieldName("asNeededCodeableConcept");
        writeConcept(g, (CodeableConcept) asNeeded);
      }
    }
    concept(g, "site", d.hasSite() ? d.getSite() : null);
    concept(g, "route", d.hasRoute() ? d.getRoute() : null);
    concept(g, "method", d.hasMethod() ? d.getMethod() : null);
    if (d.hasDoseAndRate()) {
      g.writeArrayFieldStart("doseAndRate");
      for (DosageDoseAndRateComponent dr : d.getDoseAndRate()) {
        writeDoseAndRate(g, dr);
      }
      g.writeEndArray();
    }
    ratio(g, "maxDosePerPeriod", d.hasMaxDosePerPeriod() ? d.getMaxDosePerPeriod() : null);
    quantity(
        g,
        "maxDosePerAdministration",
        d.hasMaxDosePerAdministration() ? d.getMaxDosePerAdministration() : null);
    quantity(g, "maxDosePerLifetime", d.hasMaxDosePerLifetime() ? d.getMaxDosePerLifetime() : null);
    g.writeEndObject();
  }

  private static void writeDoseAndRate(JsonGenerator g, DosageDoseAndRateComponent dr)
      throws IOException {
    plain(dr);
    g.writeStartObject();
    concept(g, "type", dr.hasType() ? dr.getType() : null);
    if (dr.hasDose()) {
      choice(g, "dose", dr.getDose());
    }
    if (dr.hasRate()) {
      choice(g, "rate", dr.getRate());
    }
    g.writeEndObject();
  }

  /** A choice element of type Quantity, Range or Ratio ({@code dose[x]}, {@code rate[x]}). */
  private static void choice(JsonGenerator g, String name, Type value) throws IOException {
    if (value instanceof Quantity q) {
      quantity(g, name + "Quantity", q);
    } else if (value instanceof Range range) {
      range(g, name + "Range", range);
    } else if (value instanceof Ratio ratio) {
      ratio(g, name + "Ratio", ratio);
    } else {
      throw new Unsupported(name + "[x] of type " + value.fhirType());
    }
  }

  private static void writeTiming(JsonGenerator g, Timing t) throws IOException {
    plain(t);
    if (t.hasModifierExtension()) {
      throw new Unsupported("Timing modifierExtension");
    }
    g.writeObjectFieldStart("timing");
    if (t.hasEvent()) {
      g.writeArrayFieldStart("event");
      for (DateTimeType event : t.getEvent()) {
        plain(event);
        g.writeString(event.getValueAsString());
      }
      g.writeEndArray();
    }
    if (t.hasRepeat()) {
      writeRepeat(g, t.getRepeat());
    }
    concept(g, "code", t.hasCode() ? t.getCode() : null);
    g.writeEndObject();
  }

  private static void writeRepeat(JsonGenerator g, TimingRepeatComponent r) throws IOException {
    plain(r);
    g.writeObjectFieldStart("repeat");
    if (r.hasBounds()) {
      Type bounds = r.getBounds();
      if (bounds instanceof org.hl7.fhir.r4.model.Duration duration) {
        quantity(g, "boundsDuration", duration);
      } else if (bounds instanceof Range range) {
        range(g, "boundsRange", range);
      } else if (bounds instanceof Period period) {
        plain(period);
        g.writeObjectFieldStart("boundsPeriod");
        primitive(g, "start", period.getStartElement());
        primitive(g, "end", period.getEndElement());
        g.writeEndObject();
      } else {
        throw new Unsupported("bounds[x] of type " + bounds.fhirType());
      }
    }
    primitive(g, "count", r.getCountElement());
    primitive(g, "countMax", r.getCountMaxElement());
    primitive(g, "duration", r.getDurationElement());
    primitive(g, "durationMax", r.getDurationMaxElement());
    primitive(g, "durationUnit", r.getDurationUnitElement());
    primitive(g, "frequency", r.getFrequencyElement());
    primitive(g, "frequencyMax", r.getFrequencyMaxElement());
    primitive(g, "period", r.getPeriodElement());
    primitive(g, "periodMax", r.getPeriodMaxElement());
    primitive(g, "periodUnit", r.getPeriodUnitElement());
    primitives(g, "dayOfWeek", r.hasDayOfWeek() ? r.getDayOfWeek() : null);
    if (r.hasTimeOfDay()) {
      g.writeArrayFieldStart("timeOfDay");
      for (TimeType time : r.getTimeOfDay()) {
        plain(time);
        g.writeString(time.getValueAsString());
      }
      g.writeEndArray();
    }
    primitives(g, "when", r.hasWhen() ? r.getWhen() : null);
    primitive(g, "offset", r.getOffsetElement());
    g.writeEndObject();
  }

  private static void concepts(JsonGenerator g, String name, List<CodeableConcept> concepts)
      throws IOException {
    if (concepts == null) {
      return;
    }
    g.writeArrayFieldStart(name);
    for (CodeableConcept c : concepts) {
      writeConcept(g, c);
    }
    g.writeEndArray();
  }

  private static void concept(JsonGenerator g, String name, CodeableConcept c) throws IOException {
    if (c == null) {
      return;
    }
    g.writeFieldName(name);
    writeConcept(g, c);
  }

  private static void writeConcept(JsonGenerator g, CodeableConcept c) throws IOException {
    plain(c);
    g.writeStartObject();
    if (c.hasCoding()) {
      g.writeArrayFieldStart("coding");
      for (Coding coding : c.getCoding()) {
        plain(coding);
        g.writeStartObject();
        primitive(g, "system", coding.getSystemElement());
        primitive(g, "version", coding.getVersionElement());
        primitive(g, "code", coding.getCodeElement());
        primitive(g, "display", coding.getDisplayElement());
        primitive(g, "userSelected", coding.getUserSelectedElement());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    primitive(g, "text", c.getTextElement());
    g.writeEndObject();
  }

  private static void quantity(JsonGenerator g, String name, Quantity q) throws IOException {
    if (q == null) {
      return;
    }
    plain(q);
    g.writeObjectFieldStart(name);
    primitive(g, "value", q.getValueElement());
    primitive(g, "comparator", q.getComparatorElement());
    primitive(g, "unit", q.getUnitElement());
    primitive(g, "system", q.getSystemElement());
    primitive(g, "code", q.getCodeElement());
    g.writeEndObject();
  }

  private static void range(JsonGenerator g, String name, Range r) throws IOException {
    plain(r);
    g.writeObjectFieldStart(name);
    quantity(g, "low", r.hasLow() ? r.getLow() : null);
    quantity(g, "high", r.hasHigh() ? r.getHigh() : null);
    g.writeEndObject();
  }

  private static void ratio(JsonGenerator g, String name, Ratio r) throws IOException {
    if (r == null) {
      return;
    }
    plain(r);
    g.writeObjectFieldStart(name);
    quantity(g, "numerator", r.hasNumerator() ? r.getNumerator() : null);
    quantity(g, "denominator", r.hasDenominator() ? r.getDenominator() : null);
    g.writeEndObject();
  }

  private static void primitives(
      JsonGenerator g, String name, List<? extends PrimitiveType<?>> values) throws IOException {
    if (values == null) {
      return;
    }
    g.writeArrayFieldStart(name);
    for (PrimitiveType<?> value : values) {
      plain(value);
      g.writeString(value.getValueAsString());
    }
    g.writeEndArray();
  }

  /**
   * A primitive as HAPI writes it: booleans and numbers bare (decimals with the digits they hold),
   * everything else as a string; absent or empty values not at all.
   */
  private static void primitive(JsonGenerator g, String name, PrimitiveType<?> value)
      throws IOException {
    if (value == null || value.isEmpty()) {
      return;
    }
    plain(value);
    String text = value.getValueAsString();
    if (text == null) {
      return;
    }
    g.writeFieldName(name);
    if (value instanceof BooleanType b) {
      g.writeBoolean(b.booleanValue());
    } else if (value instanceof IntegerType i) {
      g.writeNumber(i.getValue());
    } else if (value instanceof DecimalType d) {
      // HAPI writes a decimal's own digits: 30.0 stays 30.0, 2.50 stays 2.50.
      g.writeNumber(d.getValue().toPlainString());
    } else {
      g.writeString(text);
    }
  }

  /** Elements with an id or extensions are HAPI's to write (primitives put them under "_name"). */
  private static void plain(Element element) {
    if (element.hasId() || element.hasExtension()) {
      throw new Unsupported(element.fhirType() + " with an id or extension");
    }
  }
}
