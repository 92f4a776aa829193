package io.streamsight.processors.medication.sig;

import static io.streamsight.processors.medication.sig.Dosages.doseValue;
import static io.streamsight.processors.medication.sig.Dosages.only;
import static io.streamsight.processors.medication.sig.Dosages.routeCode;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Dosage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigParserRouteSiteTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 tab po daily | 26643006 | Oral route | by mouth",
        "1 tab by mouth daily | 26643006 | Oral route | by mouth",
        "1 tab orally daily | 26643006 | Oral route | by mouth",
        "1 tab sl prn | 37839007 | Sublingual route | sublingual",
        "1 tab under the tongue prn | 37839007 | Sublingual route | sublingual",
        "apply top bid | 6064005 | Topical route | topical",
        "1 supp pr qhs | 37161004 | Rectal route | rectal",
        "1 supp rectally qhs | 37161004 | Rectal route | rectal",
        "1 tab pv qhs | 16857009 | Vaginal route | vaginal",
        "2 puffs inh bid | 447694001 | Respiratory tract route | inhalation",
        "1 vial neb qid | 447694001 | Respiratory tract route | inhalation",
        "10 units sc qhs | 34206005 | Subcutaneous route | subcutaneous",
        "10 units subq qhs | 34206005 | Subcutaneous route | subcutaneous",
        "1 mL im monthly | 78421000 | Intramuscular route | intramuscular",
        "1 g iv q8h | 47625008 | Intravenous route | intravenous",
        "1 patch td daily | 45890007 | Transdermal route | transdermal",
        "2 sprays intranasally bid | 46713006 | Nasal route | nasal",
      })
  void shouldCodeRoutesInSnomedCt(String sig, String code, String display, String text) {
    Dosage d = only(sig);

    assertThat(d.getRoute().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
    assertThat(d.getRoute().getCodingFirstRep().getCode()).isEqualTo(code);
    assertThat(d.getRoute().getCodingFirstRep().getDisplay()).isEqualTo(display);
    assertThat(d.getRoute().getText()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"take 1 tab bid", "t1t tid", "1 tab daily", "take 2 capsules at bedtime"})
  void shouldNotGuessARouteTheSigDoesNotName(String sig) {
    assertThat(only(sig).hasRoute()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 gtt ou bid | both eyes | 40638003 | 54485002",
        "1 gtt os bid | left eye | 8966001 | 54485002",
        "1 gtt od bid | right eye | 18944008 | 54485002",
        "2 drops in each eye twice daily | both eyes | 40638003 | 54485002",
        "1 gtt each eye bid | both eyes | 40638003 | 54485002",
        "instill 1 drop in the right eye qhs | right eye | 18944008 | 54485002",
        "1 drop in affected eye tid | affected eye | 81745001 | 54485002",
        "3 gtts au tid | both ears | 34338003 | 10547007",
        "4 drops in right ear tid | right ear | 25577004 | 10547007",
        "2 gtts ad bid otic | right ear | 25577004 | 10547007",
      })
  void shouldCodeEyeAndEarSitesAndTheirRoute(String sig, String text, String site, String route) {
    Dosage d = only(sig);

    assertThat(d.getSite().getText()).isEqualTo(text);
    assertThat(d.getSite().getCodingFirstRep().getCode()).isEqualTo(site);
    assertThat(routeCode(d)).isEqualTo(route);
  }

  @Test
  void shouldKeepDosePerSiteWhenDosingEachEye() {
    Dosage d = only("2 drops in each eye twice daily");

    assertThat(doseValue(d)).as("dose is per eye, not doubled").isEqualTo(2.0);
    assertThat(d.getSite().getText()).isEqualTo("both eyes");
  }

  @ParameterizedTest
  @CsvSource({"2 sprays ien bid", "2 sprays in each nostril daily", "2 sprays per nostril daily"})
  void shouldReadEachNostrilAsNasal(String sig) {
    Dosage d = only(sig);

    assertThat(d.getSite().getText()).isEqualTo("each nostril");
    assertThat(routeCode(d)).isEqualTo("46713006");
  }

  @Test
  void shouldReadSkinSiteAsTopicalWhenApplied() {
    Dosage d = only("apply to affected area bid");

    assertThat(d.getSite().getText()).isEqualTo("affected area");
    assertThat(routeCode(d)).isEqualTo("6064005");
  }

  @Test
  void shouldKeepFreeTextBodySites() {
    assertThat(only("apply to back of left hand bid").getSite().getText())
        .isEqualTo("back of left hand");
    assertThat(only("apply to scalp and forehead qhs").getSite().getText())
        .isEqualTo("scalp and forehead");
    assertThat(only("1 mL IM left deltoid").getSite().getText()).isEqualTo("left deltoid");
  }

  @Test
  void shouldReadSkinNearAnOrganAsTopical() {
    Dosage d = only("apply cream behind left ear bid");

    assertThat(d.getSite().getText()).isEqualTo("behind left ear");
    assertThat(routeCode(d)).isEqualTo("6064005");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "take 1 tab po daily | 419652001 | Take",
        "apply to affected area bid | 417924000 | Apply",
        "instill 1 drop ou bid | 421538008 | Instill",
        "inhale 2 puffs bid | 421134003 | Inhale",
        "insert 1 supp pr qhs | 421257003 | Insert",
        "inject 10 units sc qhs | 422145002 | Inject",
        "chew 1 tab po daily | 419747000 | Chew",
        "dissolve 1 tab sl prn | 421682005 | Dissolve",
        "swallow 1 tab daily | 421521009 | Swallow",
        "spray 2 sprays ien bid | - | Spray",
      })
  void shouldCodeTheVerbAsMethod(String sig, String code, String verb) {
    Dosage d = only(sig);

    assertThat(d.getMethod().getText()).isEqualTo(verb);
    if (code == null) {
      assertThat(d.getMethod().hasCoding()).as("no SNOMED imperative for %s", verb).isFalse();
    } else {
      assertThat(d.getMethod().getCodingFirstRep().getCode()).isEqualTo(code);
      assertThat(d.getMethod().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
    }
  }

  @Test
  void shouldTakeTheRouteAVerbStates() {
    assertThat(routeCode(only("drink 10 mL daily"))).isEqualTo("26643006");
    assertThat(routeCode(only("inhale 2 puffs bid"))).isEqualTo("447694001");
  }

  @Test
  void shouldTakeTheRouteAFormStates() {
    assertThat(routeCode(only("apply patch to upper arm daily"))).isEqualTo("45890007");
    assertThat(routeCode(only("apply cream bid"))).isEqualTo("6064005");
    assertThat(routeCode(only("apply ointment to eyelid qhs"))).isEqualTo("54485002");
  }
}
