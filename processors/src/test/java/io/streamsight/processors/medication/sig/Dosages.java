package io.streamsight.processors.medication.sig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;

/** Short accessors for the FHIR fields the sig tests assert. */
final class Dosages {

  private static final SigParser PARSER = new SigParser();

  private Dosages() {}

  static ParsedSig parse(String sig) {
    return PARSER.parse(sig);
  }

  /** The one dosage of a one-part sig. */
  static Dosage only(String sig) {
    ParsedSig parsed = PARSER.parse(sig);
    assertThat(parsed.dosages()).as("dosages of %s", sig).hasSize(1);
    return parsed.dosages().get(0);
  }

  static Quantity dose(Dosage d) {
    assertThat(d.getDoseAndRate()).as("doseAndRate").isNotEmpty();
    assertThat(d.getDoseAndRateFirstRep().hasDoseQuantity()).as("doseQuantity").isTrue();
    return d.getDoseAndRateFirstRep().getDoseQuantity();
  }

  static double doseValue(Dosage d) {
    return dose(d).getValue().doubleValue();
  }

  static TimingRepeatComponent repeat(Dosage d) {
    assertThat(d.hasTiming()).as("timing").isTrue();
    return d.getTiming().getRepeat();
  }

  static String routeCode(Dosage d) {
    return d.hasRoute() ? d.getRoute().getCodingFirstRep().getCode() : null;
  }

  static String when(Dosage d) {
    List<String> codes = new ArrayList<>();
    for (var e : repeat(d).getWhen()) {
      codes.add(e.getValue().toCode());
    }
    return String.join(",", codes);
  }
}
