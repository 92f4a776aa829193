package io.streamsight.processors.medication;

import io.streamsight.events.MedicationOrder;
import io.streamsight.events.TextEvent;

/**
 * An order to validate, from a {@link MedicationOrder} or from a typed free-text order. Health
 * data: {@link #toString()} names the order id only.
 *
 * @param orderId the order's id (the event id for free-text orders)
 * @param sourceId the sending system
 * @param din the prescribed DIN, or null
 * @param drugName the drug name as written, or null
 * @param sig the directions (for a free-text order: the whole text, drug name included)
 * @param quantity quantity to dispense, or null
 * @param quantityUnit unit of the quantity, or null
 * @param patientRef opaque patient reference, or null
 * @param prescriberRef opaque prescriber reference, or null
 */
public record OrderInput(
    String orderId,
    String sourceId,
    String din,
    String drugName,
    String sig,
    Double quantity,
    String quantityUnit,
    String patientRef,
    String prescriberRef) {

  /** A blank DIN, drug name or quantity unit ({@code "din": ""}) is none. */
  public OrderInput {
    din = blankToNull(din);
    drugName = blankToNull(drugName);
    quantityUnit = blankToNull(quantityUnit);
  }

  public static OrderInput of(MedicationOrder order) {
    return new OrderInput(
        order.getOrderId(),
        order.getSourceId(),
        blankToNull(order.getDin()),
        blankToNull(order.getDrugName()),
        order.getSig(),
        order.getQuantity(),
        blankToNull(order.getQuantityUnit()),
        order.getPatientRef(),
        order.getPrescriberRef());
  }

  /**
   * A typed order such as "amoxicillin 250mg t tid x10d #30": the sig parser extracts the drug
   * name, strength and dispense quantity from the text itself.
   */
  public static OrderInput ofText(TextEvent text) {
    return new OrderInput(
        text.getEventId(),
        text.getSourceId(),
        blankToNull(text.getAttributes().get("din")),
        null,
        text.getText(),
        null,
        null,
        text.getAttributes().get("patientRef"),
        text.getAttributes().get("prescriberRef"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() {
    return "OrderInput[orderId=" + orderId + "]";
  }
}
