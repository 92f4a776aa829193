package io.streamsight.processors.medication;

import io.streamsight.events.FindingLevel;
import io.streamsight.events.FormularyMatch;
import io.streamsight.events.FormularyProduct;
import io.streamsight.events.MedicationValidation;
import io.streamsight.events.ValidationFinding;
import io.streamsight.events.ValidationStatus;
import io.streamsight.processors.medication.sig.ParsedSig;
import java.time.Instant;
import java.util.List;

/**
 * What validating one order found. Health data: {@link #toString()} gives the order id, status and
 * finding types only.
 *
 * @param order the validated order
 * @param status ACCEPTED, NEEDS_REVIEW or REJECTED
 * @param findings most severe first
 * @param sig the parsed sig, or null when it could not be parsed
 * @param product the formulary product the order was matched to, or null
 * @param dispenseQuantity from the order or the sig, or null
 * @param expectedSupplyDays dispense quantity over daily use, rounded down, or null (kept for a
 *     rejected order, whose MedicationRequest leaves it out)
 * @param dosageJson the sig's FHIR R4 Dosages as JSON, one per dosage, in order; empty without a
 *     sig
 * @param medicationRequestJson the FHIR R4 MedicationRequest as JSON
 */
public record ValidationResult(
    OrderInput order,
    ValidationStatus status,
    List<Finding> findings,
    ParsedSig sig,
    FormularyProduct product,
    Double dispenseQuantity,
    Integer expectedSupplyDays,
    List<String> dosageJson,
    String medicationRequestJson) {

  public ValidationResult {
    findings = List.copyOf(findings);
    dosageJson = List.copyOf(dosageJson);
  }

  public List<String> patientInstructions() {
    return sig == null ? List.of() : sig.patientInstructions();
  }

  /** The Avro record for the validations topic. */
  public MedicationValidation toAvro(Instant validatedAt) {
    return MedicationValidation.newBuilder()
        .setOrderId(order.orderId())
        .setSourceId(order.sourceId() == null ? "" : order.sourceId())
        .setStatus(status)
        .setFindings(
            findings.stream()
                .map(
                    f ->
                        ValidationFinding.newBuilder()
                            .setType(f.type())
                            .setMessage(f.message())
                            .setLevel(FindingLevel.valueOf(f.level().name()))
                            .build())
                .toList())
        .setPatientInstructions(patientInstructions())
        .setDosageJson(dosageJson)
        .setFormularyMatch(product == null ? null : match(product))
        .setDispenseQuantity(dispenseQuantity)
        .setExpectedSupplyDays(expectedSupplyDays)
        .setMedicationRequestJson(medicationRequestJson)
        .setValidatedTime(validatedAt)
        .build();
  }

  private static FormularyMatch match(FormularyProduct p) {
    return FormularyMatch.newBuilder()
        .setDin(p.getDin())
        .setBrandName(p.getBrandName())
        .setIngredients(p.getIngredients().stream().map(i -> i.getName()).toList())
        .setStrength(
            p.getIngredients().isEmpty()
                ? null
                : String.join(" + ", p.getIngredients().stream().map(Strengths::describe).toList()))
        .setDosageForm(p.getDosageForms().isEmpty() ? null : String.join(", ", p.getDosageForms()))
        .setRoute(p.getRoutes().isEmpty() ? null : String.join(", ", p.getRoutes()))
        .setMarketingStatus(p.getMarketingStatus())
        .build();
  }

  @Override
  public String toString() {
    return "ValidationResult[orderId="
        + order.orderId()
        + ", status="
        + status
        + ", findings="
        + findings.stream().map(Finding::type).toList()
        + "]";
  }
}
