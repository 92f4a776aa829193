package io.streamsight.processors.medication;

import io.streamsight.processors.medication.sig.ParsedSig;
import io.streamsight.processors.medication.sig.SigParser;
import io.streamsight.processors.medication.sig.UnparseableSigException;
import java.util.List;

/**
 * A sig read once: the parsed sig with each Dosage's FHIR JSON, or why it cannot be read. Parsing
 * is a pure function of the sig text, so a reading can be reused for every order with the same sig
 * ({@link SigCache}).
 *
 * @param sig the parsed sig, or null when unparseable
 * @param dosageJson {@link FhirJsonWriter#dosage} of each of the sig's dosages; empty when
 *     unparseable
 * @param error the parser's message when unparseable (names the span it could not read), else null
 */
record SigReading(ParsedSig sig, List<String> dosageJson, String error) {

  SigReading {
    dosageJson = List.copyOf(dosageJson);
  }

  static SigReading read(SigParser parser, String text) {
    try {
      ParsedSig sig = parser.parse(text);
      return new SigReading(sig, sig.dosages().stream().map(FhirJsonWriter::dosage).toList(), null);
    } catch (UnparseableSigException e) {
      return new SigReading(null, List.of(), e.getMessage());
    }
  }
}
