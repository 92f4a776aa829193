/**
 * The formulary pharmacy orders are validated against: Health Canada's Drug Product Database (DPD).
 * Contains information licensed under the Open Government Licence – Canada.
 *
 * <p>{@link io.streamsight.processors.medication.formulary.Formulary} answers by DIN, by drug name
 * (exact, prefix, fuzzy) and by active ingredient. Its products come from an official DPD extract
 * ({@link io.streamsight.processors.medication.formulary.DpdReader}) or the built-in {@link
 * io.streamsight.processors.medication.formulary.SampleFormulary}; {@link
 * io.streamsight.processors.medication.formulary.FormularyPublisher} puts them on the compacted
 * {@code formulary} and {@code formulary.names} topics, and a topology reads those as GlobalKTables
 * and queries their stores through {@link
 * io.streamsight.processors.medication.formulary.StoreFormulary}.
 */
package io.streamsight.processors.medication.formulary;
