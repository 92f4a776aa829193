package io.streamsight.processors.medication.sig;

import static io.streamsight.processors.medication.sig.Dosages.dose;
import static io.streamsight.processors.medication.sig.Dosages.doseValue;
import static io.streamsight.processors.medication.sig.Dosages.only;
import static io.streamsight.processors.medication.sig.Dosages.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigParserDoseTest {

  @Test
  void shouldReadCanadianShorthandAsOneTabletWithoutRoute() {
    Dosage d = only("t1t");

    assertThat(doseValue(d)).isEqualTo(1.0);
    assertThat(dose(d).getUnit()).isEqualTo("tablet");
    assertThat(dose(d).getCode()).isEqualTo("{tbl}");
    assertThat(dose(d).getSystem()).isEqualTo("http://unitsofmeasure.org");
    assertThat(d.getMethod().getCodingFirstRep().getCode()).isEqualTo("419652001");
    assertThat(d.hasRoute()).as("t1t names no route").isFalse();
  }

  @Test
  void shouldReadTwoTabletShorthand() {
    assertThat(doseValue(only("t2t po bid"))).isEqualTo(2.0);
  }

  @Test
  void shouldReadDoseRangeAsDoseRange() {
    Dosage d = only("1-2 tabs po q4h prn pain");

    Range range = d.getDoseAndRateFirstRep().getDoseRange();
    assertThat(range.getLow().getValue().doubleValue()).isEqualTo(1.0);
    assertThat(range.getHigh().getValue().doubleValue()).isEqualTo(2.0);
    assertThat(range.getHigh().getUnit()).isEqualTo("tablets");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1/2 tab po daily | 0.5",
        "½ tab po od | 0.5",
        "1½ tabs po od | 1.5",
        "1 1/2 tabs po bid | 1.5",
        "one-half tablet by mouth daily | 0.5",
        "one half tablet daily | 0.5",
        "half a tablet daily | 0.5",
        "one and a half tablets daily | 1.5",
        "two tablets daily | 2",
        "take three capsules bid | 3",
        "tab ii po qhs | 2",
        "i tab po bid | 1",
        "tk i t bid | 1",
        "t ii t hs | 2",
        "tab ss po daily | 0.5",
        "0.5 mL sc weekly | 0.5",
      })
  void shouldReadFractionsNumberWordsAndRomanNumerals(String sig, double expected) {
    assertThat(doseValue(only(sig))).isEqualTo(expected);
  }

  @Test
  void shouldReadRomanNumeralRange() {
    Range range = only("i-ii tabs po q4h prn").getDoseAndRateFirstRep().getDoseRange();

    assertThat(range.getLow().getValue().doubleValue()).isEqualTo(1.0);
    assertThat(range.getHigh().getValue().doubleValue()).isEqualTo(2.0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "5 mL po tid | 5 | mL | mL",
        "1 tsp po bid | 1 | teaspoon | [tsp_m]",
        "2 tbsp po qhs | 2 | tablespoons | [tbs_m]",
        "1 cap po od | 1 | capsule | {capsule}",
        "2 puffs inh bid | 2 | puffs | {puff}",
        "2 gtt ou bid | 2 | drops | [drp]",
        "1 drop os tid | 1 | drop | [drp]",
        "10 units sc qhs | 10 | units | [iU]",
        "1 patch td daily | 1 | patch | {patch}",
        "1 application top bid | 1 | application | {application}",
        "2 sprays ien bid | 2 | sprays | {spray}",
        "1 supp pr q6h prn | 1 | suppository | {suppository}",
        "1 lozenge po q2h prn | 1 | lozenge | {lozenge}",
        "500 mg po daily | 500 | mg | mg",
        "250 mcg po daily | 250 | mcg | ug",
        "1 g iv q8h | 1 | g | g",
        "20 mEq po daily | 20 | mEq | meq",
      })
  void shouldCarryUnitAndUcumCode(String sig, double value, String unit, String ucum) {
    Dosage d = only(sig);

    assertThat(doseValue(d)).isEqualTo(value);
    assertThat(dose(d).getUnit()).isEqualTo(unit);
    assertThat(dose(d).getCode()).isEqualTo(ucum);
  }

  @Test
  void shouldReadStrengthAfterShorthandTakeAsTheDoseWhenNoOtherIsGiven() {
    ParsedSig parsed = parse("t 250mg tid x10d");

    assertThat(parsed.strength()).isEqualTo(new Strength(250, "mg"));
    assertThat(doseValue(parsed.dosages().get(0))).isEqualTo(250.0);
    assertThat(dose(parsed.dosages().get(0)).getUnit()).isEqualTo("mg");
  }

  @Test
  void shouldKeepTheDoseApartFromTheStrengthWhenBothAreGiven() {
    ParsedSig parsed = parse("amoxicillin 500mg 1 cap tid");

    assertThat(parsed.strength()).isEqualTo(new Strength(500, "mg"));
    assertThat(doseValue(parsed.dosages().get(0))).isEqualTo(1.0);
  }

  @Test
  void shouldReadDrugNameAndStrengthBeforeTheDose() {
    ParsedSig parsed = parse("amoxicillin 500mg 1 cap tid x10d");

    assertThat(parsed.drugName()).isEqualTo("amoxicillin");
    assertThat(parsed.strength()).isEqualTo(new Strength(500, "mg"));
    assertThat(doseValue(parsed.dosages().get(0))).isEqualTo(1.0);
    assertThat(dose(parsed.dosages().get(0)).getUnit()).isEqualTo("capsule");
  }

  @Test
  void shouldReadDrugNameAfterOf() {
    ParsedSig parsed = parse("Take 2 tabs of amoxicillin 500mg every 12 hours for 10 days");

    assertThat(parsed.drugName()).isEqualTo("amoxicillin");
    assertThat(parsed.strength()).isEqualTo(new Strength(500, "mg"));
    assertThat(doseValue(parsed.dosages().get(0))).isEqualTo(2.0);
  }

  @Test
  void shouldReadDrugNameBeforeShorthandVerb() {
    ParsedSig parsed = parse("cephalexin t1t");

    assertThat(parsed.drugName()).isEqualTo("cephalexin");
    assertThat(doseValue(parsed.dosages().get(0))).isEqualTo(1.0);
    assertThat(dose(parsed.dosages().get(0)).getUnit()).isEqualTo("tablet");
  }

  @Test
  void shouldReadConcentrationAsStrength() {
    ParsedSig parsed = parse("amoxicillin 250mg/5ml 5 mL po tid");

    assertThat(parsed.strength()).isEqualTo(new Strength(250, "mg/5mL"));
    assertThat(dose(parsed.dosages().get(0)).getUnit()).isEqualTo("mL");
  }

  @Test
  void shouldReadMassWithoutDrugNameAsDose() {
    Dosage d = only("500 mg po daily");

    assertThat(doseValue(d)).isEqualTo(500.0);
    assertThat(dose(d).getUnit()).isEqualTo("mg");
  }

  @Test
  void shouldKeepParenthesisedEquivalentAsCalculatedDose() {
    Dosage d = only("Take 3 tablets (6mg) once daily");

    assertThat(d.getDoseAndRate()).hasSize(2);
    assertThat(d.getDoseAndRate().get(0).getType().getCodingFirstRep().getCode())
        .isEqualTo("ordered");
    assertThat(d.getDoseAndRate().get(0).getDoseQuantity().getValue().doubleValue()).isEqualTo(3.0);
    assertThat(d.getDoseAndRate().get(1).getType().getCodingFirstRep().getCode())
        .isEqualTo("calculated");
    assertThat(d.getDoseAndRate().get(1).getDoseQuantity().getUnit()).isEqualTo("mg");
  }

  @Test
  void shouldReadFirstMassOfADoseTaperAsItsDose() {
    ParsedSig parsed =
        parse("prednisone 40 mg daily x 3 days, then 30 mg daily x 3 days, then 20 mg daily");

    assertThat(parsed.strength()).as("a taper of doses, not a strength").isNull();
    assertThat(parsed.dosages()).extracting(Dosages::doseValue).containsExactly(40.0, 30.0, 20.0);
  }

  @Test
  void shouldReadMillionUnits() {
    Dosage d = only("2.4M IU IM once");

    assertThat(doseValue(d)).isEqualTo(2_400_000.0);
    assertThat(dose(d).getUnit()).isEqualTo("units");
  }

  @Test
  void shouldReadShorthandCapsule() {
    Dosage d = only("t2c po bid");

    assertThat(doseValue(d)).isEqualTo(2.0);
    assertThat(dose(d).getUnit()).isEqualTo("capsules");
  }

  @Test
  void shouldReadLoneCAsWithFood() {
    Dosage d = only("1 tab po c");

    assertThat(Dosages.when(d)).isEqualTo("C");
  }
}
