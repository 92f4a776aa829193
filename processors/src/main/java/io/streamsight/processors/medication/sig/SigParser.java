package io.streamsight.processors.medication.sig;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Dosage;

/**
 * Reads a pharmacy sig ("t1t po tid x10d", "amoxicillin 250mg t tid x10d #30", "2 tabs daily x3d
 * then 1 tab daily x3d") into FHIR R4 {@link Dosage}s and a plain-English instruction per step.
 *
 * <p>The grammar is complete or it fails: every token must be explained (dose, verb, route, site,
 * frequency, meal and clock times, days, as-needed and its indication, course length, maximum,
 * dispense quantity, a drug name and strength, advice), otherwise {@link UnparseableSigException}
 * names the first span it could not read. Nothing is guessed that the sig does not say: "t1t" gives
 * a dose of 1 tablet and no route. Canadian usage applies: "od" is once daily, except in an eye
 * context (drops, an eye named elsewhere), where it is the right eye.
 *
 * <p>Immutable and thread-safe: construct once and share. A parse is a single pass over a
 * hand-written tokenizer with table lookups; it allocates only the result.
 */
public final class SigParser {

  /** Creates a parser; the word tables are loaded once per JVM. */
  public SigParser() {
    // touch the tables so that the first parse does not pay for their initialisation
    requireNonNull(Vocabulary.KNOWN);
  }

  /**
   * Reads one sig.
   *
   * @param sig the directions as written on the prescription
   * @return the dosages, instructions and what else the sig said
   * @throws UnparseableSigException when part of the sig cannot be read; nothing partial is
   *     returned
   */
  public ParsedSig parse(String sig) {
    requireNonNull(sig, "sig");
    SigReader.Result read = new SigReader(sig).read();
    List<Part> parts = PartResolver.resolve(read.parts());
    List<Dosage> dosages = new ArrayList<>(parts.size());
    List<String> steps = new ArrayList<>(2);
    StringBuilder step = null;
    int seq = -1;
    for (Part p : parts) {
      String instruction = InstructionWriter.write(p);
      dosages.add(DosageBuilder.build(p, sig, instruction));
      if (p.sequence != seq) {
        if (step != null) {
          steps.add(step.toString());
        }
        step = new StringBuilder(instruction);
        seq = p.sequence;
      } else {
        step.append(" and ").append(InstructionWriter.decapitalize(instruction));
      }
    }
    if (step != null) {
      steps.add(step.toString());
    }
    return new ParsedSig(
        sig, dosages, read.dispense(), read.drugName(), read.strength(), read.notes(), steps);
  }
}
