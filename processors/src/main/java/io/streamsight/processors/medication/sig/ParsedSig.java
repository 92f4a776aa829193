package io.streamsight.processors.medication.sig;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.hl7.fhir.r4.model.Dosage;

/**
 * A sig read completely: its FHIR R4 dosages, the plain-English instruction for each step, and what
 * else the sig said (dispense quantity, drug name, strength) or how it was written (notes).
 *
 * <p>Every {@link Dosage} carries {@code sequence} (1, 2, ... one per step of a multi-step sig such
 * as a taper); concurrent parts of one step ("2 in the morning and 1 at night") are separate
 * dosages that share a sequence. {@code Dosage.text} is the original sig on every dosage and {@code
 * Dosage.patientInstruction} is the plain-English instruction for that dosage.
 *
 * <p>The dosages are mutable HAPI objects: a caller that changes them changes this record.
 *
 * @param input the sig as given
 * @param dosages in order; never empty
 * @param dispenseQuantity the quantity to dispense ("#30", "m30", "disp 30"), or null
 * @param drugName a drug name written inside the sig ("cephalexin t1t"), lower case, or null
 * @param strength a strength written inside the sig ("t 250mg"), or null
 * @param notes how the sig was written: error-prone abbreviations, corrected typos
 * @param patientInstructions one per sequence step, concurrent parts joined with " and "
 */
public record ParsedSig(
    String input,
    List<Dosage> dosages,
    Double dispenseQuantity,
    String drugName,
    Strength strength,
    List<SigNote> notes,
    List<String> patientInstructions) {

  public ParsedSig {
    requireNonNull(input, "input");
    dosages = List.copyOf(dosages);
    notes = List.copyOf(notes);
    patientInstructions = List.copyOf(patientInstructions);
  }

  /** All steps' instructions in order, joined with ", then ". */
  public String patientInstruction() {
    StringBuilder out = new StringBuilder();
    for (String step : patientInstructions) {
      if (out.length() == 0) {
        out.append(step);
      } else {
        out.append(", then ").append(InstructionWriter.decapitalize(step));
      }
    }
    return out.toString();
  }

  /**
   * Dose units per day for each sequence step: the sum over the step's concurrent parts of dose
   * (high end of a range) times administrations per day. An as-needed part counts at its {@code
   * maxDosePerPeriod} when one is given; without one the step is not computable. Each entry carries
   * the step's course length in days when the step is bounded ({@code boundsDuration}, or a dose
   * count).
   *
   * @return one entry per step, or an empty list when any step is not computable (no dose, no
   *     frequency, parts in different units, as needed without a maximum)
   */
  public List<StepSupply> supply() {
    return SupplyCalculator.supply(dosages);
  }
}
