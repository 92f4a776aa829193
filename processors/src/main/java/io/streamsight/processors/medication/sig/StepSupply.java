package io.streamsight.processors.medication.sig;

/**
 * How much of a medication one sequence step uses per day, for days-supply checks.
 *
 * @param sequence the step's {@code Dosage.sequence}
 * @param unitsPerDay dose units per day, summed over the step's concurrent parts, high end of any
 *     range
 * @param unit the dose unit, e.g. {@code tablet}, {@code mL}, {@code mg}; null when the sig gives a
 *     bare count ("2 in the morning")
 * @param days the step's course length in days, or null when the step is not bounded
 */
public record StepSupply(int sequence, double unitsPerDay, String unit, Double days) {}
