package io.streamsight.processors.medication.sig;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Dosage.DosageDoseAndRateComponent;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.DayOfWeek;
import org.hl7.fhir.r4.model.Timing.EventTiming;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * Builds one FHIR R4 {@link Dosage} from a finished {@link Part}.
 *
 * <p>FHIR semantics kept here: the dose is per administration ({@code doseAndRate[0]}, a {@code
 * doseQuantity} or a {@code doseRange}; a dose equivalent in parentheses is a second entry typed
 * {@code calculated}); the course length is {@code timing.repeat.boundsDuration}, while {@code
 * repeat.duration} is the length of one administration ("over 30 minutes"); {@code timing.code} is
 * an HL7 GTS code only where the frequency is exactly that code.
 */
final class DosageBuilder {

  private static final String DOSE_RATE_TYPE =
      "http://terminology.hl7.org/CodeSystem/dose-rate-type";

  private DosageBuilder() {}

  static Dosage build(Part p, String sig, String instruction) {
    Dosage d = new Dosage();
    d.setSequence(p.sequence);
    d.setText(sig);
    d.setPatientInstruction(instruction);
    if (p.advice != null) {
      for (String a : p.advice) {
        d.addAdditionalInstruction(new CodeableConcept().setText(a));
      }
    }
    if (p.indication != null) {
      d.addAdditionalInstruction(new CodeableConcept().setText("for " + p.indication));
    }
    timing(p, d);
    if (p.asNeeded) {
      if (p.asNeededFor != null) {
        d.setAsNeeded(new CodeableConcept().setText(p.asNeededFor));
      } else {
        d.setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(true));
      }
    }
    if (p.site != null) {
      CodeableConcept site = new CodeableConcept().setText(p.site.text);
      if (p.site.code != null) {
        site.addCoding(new Coding(Route.SNOMED, p.site.code, p.site.display));
      }
      d.setSite(site);
    }
    if (p.route != null) {
      d.setRoute(
          new CodeableConcept(new Coding(Route.SNOMED, p.route.code, p.route.display))
              .setText(p.route.text));
    }
    if (p.method != null) {
      CodeableConcept method = new CodeableConcept().setText(p.method.verb);
      if (p.method.code != null) {
        method.addCoding(new Coding(Route.SNOMED, p.method.code, p.method.verb));
      }
      d.setMethod(method);
    }
    if (p.doseLow != null) {
      DosageDoseAndRateComponent dr = d.addDoseAndRate();
      if (p.doseHigh != null) {
        dr.setDose(
            new Range().setLow(quantity(p.doseLow, p.unit)).setHigh(quantity(p.doseHigh, p.unit)));
      } else {
        dr.setDose(quantity(p.doseLow, p.unit));
      }
      if (p.calcValue != null) {
        dr.setType(new CodeableConcept(new Coding(DOSE_RATE_TYPE, "ordered", "Ordered")));
        DosageDoseAndRateComponent calc = d.addDoseAndRate();
        calc.setType(new CodeableConcept(new Coding(DOSE_RATE_TYPE, "calculated", "Calculated")));
        calc.setDose(quantity(p.calcValue, p.calcUnit));
      }
    }
    if (p.maxValue != null) {
      DoseUnit unit = p.maxUnit != null ? p.maxUnit : p.maxInDoses ? DoseUnit.DOSE : p.unit;
      Quantity per = new Quantity().setValue(p.maxPer).setUnit(Units.word(p.maxPerUnit, p.maxPer));
      per.setSystem(DoseUnit.UCUM).setCode(p.maxPerUnit.toCode());
      d.setMaxDosePerPeriod(
          new Ratio().setNumerator(quantity(p.maxValue, unit)).setDenominator(per));
    }
    return d;
  }

  private static void timing(Part p, Dosage d) {
    boolean any =
        p.hasTiming() || p.boundsValue != null || p.adminDuration != null || p.timingCode != null;
    if (!any) {
      return;
    }
    Timing timing = new Timing();
    TimingRepeatComponent r = timing.getRepeat();
    if (p.period != null) {
      r.setFrequency(p.frequency == null ? 1 : p.frequency);
      if (p.frequencyMax != null) {
        r.setFrequencyMax(p.frequencyMax);
      }
      r.setPeriod(p.period);
      if (p.periodMax != null) {
        r.setPeriodMax(p.periodMax);
      }
      r.setPeriodUnit(p.periodUnit);
    }
    if (p.when != null) {
      for (EventTiming e : p.when) {
        r.addWhen(e);
      }
    }
    if (p.days != null) {
      for (DayOfWeek day : p.days) {
        r.addDayOfWeek(day);
      }
    }
    if (p.times != null) {
      for (String time : p.times) {
        r.addTimeOfDay(time);
      }
    }
    if (p.offsetMinutes != null) {
      r.setOffset(p.offsetMinutes);
    }
    if (p.count != null) {
      r.setCount(p.count);
    }
    if (p.boundsValue != null) {
      Duration bounds = new Duration();
      bounds.setValue(p.boundsValue);
      bounds.setUnit(Units.word(p.boundsUnit, p.boundsValue));
      bounds.setSystem(DoseUnit.UCUM);
      bounds.setCode(p.boundsUnit.toCode());
      r.setBounds(bounds);
    }
    if (p.adminDuration != null) {
      r.setDuration(p.adminDuration);
      if (p.adminDurationMax != null) {
        r.setDurationMax(p.adminDurationMax);
      }
      r.setDurationUnit(p.adminDurationUnit);
    }
    if (p.timingCode != null) {
      timing.setCode(
          new CodeableConcept(new Coding(Vocabulary.GTS, p.timingCode, p.timingCode))
              .setText(p.timingCode));
    }
    d.setTiming(timing);
  }

  private static SimpleQuantity quantity(double value, DoseUnit unit) {
    SimpleQuantity q = new SimpleQuantity();
    q.setValue(value);
    if (unit != null) {
      q.setUnit(unit.label(value));
      if (unit.ucum != null) {
        q.setSystem(DoseUnit.UCUM).setCode(unit.ucum);
      }
    }
    return q;
  }

  static UnitsOfTime unitOf(String code) {
    return UnitsOfTime.fromCode(code);
  }
}
