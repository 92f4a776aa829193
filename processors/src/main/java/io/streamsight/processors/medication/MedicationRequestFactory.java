package io.streamsight.processors.medication;

import io.streamsight.events.FormularyProduct;
import io.streamsight.processors.medication.sig.ParsedSig;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** Builds the FHIR R4 MedicationRequest an order stands for. */
final class MedicationRequestFactory {

  /** Health Canada's DIN naming system, as the Canadian baseline profiles use it. */
  static final String DIN_SYSTEM = "http://hl7.org/fhir/NamingSystem/ca-hc-din";

  static final String ORDER_ID_SYSTEM = "urn:streamsight:order-id";
  static final String UCUM = "http://unitsofmeasure.org";

  private MedicationRequestFactory() {}

  static MedicationRequest build(
      OrderInput order,
      ParsedSig sig,
      FormularyProduct product,
      Double dispenseQuantity,
      String dispenseUnit,
      Integer supplyDays) {
    MedicationRequest request = new MedicationRequest();
    request.addIdentifier().setSystem(ORDER_ID_SYSTEM).setValue(order.orderId());
    request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);

    CodeableConcept medication = new CodeableConcept();
    String din = product != null ? product.getDin() : order.din();
    if (din != null) {
      Coding coding = medication.addCoding().setSystem(DIN_SYSTEM).setCode(din);
      if (product != null) {
        coding.setDisplay(product.getBrandName());
      }
    }
    String name = order.drugName() != null ? order.drugName() : sig == null ? null : sig.drugName();
    if (name != null) {
      medication.setText(name);
    } else if (product != null) {
      medication.setText(product.getBrandName());
    }
    request.setMedication(medication);

    if (order.patientRef() != null) {
      request.setSubject(new Reference(order.patientRef()));
    }
    if (order.prescriberRef() != null) {
      request.setRequester(new Reference(order.prescriberRef()));
    }
    if (sig != null) {
      sig.dosages().forEach(request::addDosageInstruction);
    }
    if (dispenseQuantity != null || supplyDays != null) {
      MedicationRequest.MedicationRequestDispenseRequestComponent dispense =
          request.getDispenseRequest();
      if (dispenseQuantity != null) {
        Quantity quantity = new Quantity().setValue(BigDecimal.valueOf(dispenseQuantity));
        if (dispenseUnit != null) {
          quantity.setUnit(dispenseUnit);
          if (SupplyCalculator.unitFamily(dispenseUnit).equals("ml")) {
            quantity.setSystem(UCUM).setCode("mL");
          }
        }
        dispense.setQuantity(quantity);
      }
      if (supplyDays != null) {
        dispense.setExpectedSupplyDuration(
            (Duration)
                new Duration().setValue(supplyDays).setUnit("days").setSystem(UCUM).setCode("d"));
      }
    }
    return request;
  }
}
