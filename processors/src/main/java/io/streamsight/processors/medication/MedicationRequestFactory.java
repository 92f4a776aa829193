package io.streamsight.processors.medication;

import io.streamsight.events.FormularyProduct;
import io.streamsight.events.ValidationStatus;
import io.streamsight.processors.medication.sig.ParsedSig;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Builds the FHIR R4 MedicationRequest an order stands for, with its status from the validation
 * (active, on-hold or cancelled) and, unless rejected, its expected supply duration.
 */
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
      Integer supplyDays,
      ValidationStatus status) {
    MedicationRequest request = new MedicationRequest();
    request.addIdentifier().setSystem(ORDER_ID_SYSTEM).setValue(order.orderId());
    request.setStatus(requestStatus(status));
    if (status == ValidationStatus.REJECTED) {
      // a rejected order will not be dispensed: no supply to expect
      supplyDays = null;
    }
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

  /**
   * The request's status for the validation's: an accepted order is active, one waiting for a
   * pharmacist's review is on hold, a rejected one is cancelled (it will not be acted on).
   */
  static MedicationRequest.MedicationRequestStatus requestStatus(ValidationStatus status) {
    return switch (status) {
      case ACCEPTED -> MedicationRequest.MedicationRequestStatus.ACTIVE;
      case NEEDS_REVIEW -> MedicationRequest.MedicationRequestStatus.ONHOLD;
      case REJECTED -> MedicationRequest.MedicationRequestStatus.CANCELLED;
    };
  }
}
