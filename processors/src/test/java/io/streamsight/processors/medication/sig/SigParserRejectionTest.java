package io.streamsight.processors.medication.sig;

import static io.streamsight.processors.medication.sig.Dosages.doseValue;
import static io.streamsight.processors.medication.sig.Dosages.parse;
import static io.streamsight.processors.medication.sig.Dosages.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parser refuses, how it says so, and what it notes about how a sig is written. */
class SigParserRejectionTest {

  @Test
  void shouldNameTheSpanItCannotRead() {
    UnparseableSigException e =
        catchThrowableOfType(UnparseableSigException.class, () -> parse("1 tab po qzz"));

    assertThat(e.span()).isEqualTo("qzz");
    assertThat(e.start()).isEqualTo(9);
    assertThat(e.end()).isEqualTo(12);
    assertThat(e.sig()).isEqualTo("1 tab po qzz");
    assertThat(e.getMessage()).startsWith("Could not read \"qzz\" at 9-12");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 tab po bid blah | blah",
        "take 1 tab po bid tid | tid",
        "take 1 tab aspirin daily | aspirin",
        "1 tab po bid x3 | x",
        "take 1 tablet 3 times | 3",
        "1-0-1 ac | 1",
        "1 tab po q4h prn pain (see notes) xyzzy | xyzzy",
        "1 tab po daily with zzz | with",
        "1 tab po daily after at | after",
        "1 tab po daily; 30 | 30",
        "- + | - +",
      })
  void shouldRejectWhatItCannotExplainRatherThanGuess(String sig, String span) {
    UnparseableSigException e =
        catchThrowableOfType(UnparseableSigException.class, () -> parse(sig));

    assertThat(e).as("%s must be rejected", sig).isNotNull();
    assertThat(e.span()).isEqualTo(span);
    assertThat(sig.substring(e.start(), e.end())).isEqualTo(span);
  }

  @Test
  void shouldRejectAnEmptySig() {
    assertThatThrownBy(() -> parse("   ")).isInstanceOf(UnparseableSigException.class);
  }

  @Test
  void shouldRejectAnUnknownWordThatIsNotInADrugNamePosition() {
    assertThatThrownBy(() -> parse("1 tab daily for 7 days then zzzq"))
        .isInstanceOf(UnparseableSigException.class)
        .hasMessageContaining("zzzq");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 tabelt po dialy | tabelt | tablet",
        "1 tab po twise daily | twise | twice",
        "Tkae 1 tabet 3 tiems a day for 2 wekes | tkae | take",
        "takr 1 tablet 3 times a day | takr | take",
      })
  void shouldCorrectUnambiguousTyposAndSaySo(String sig, String typo, String word) {
    ParsedSig parsed = parse(sig);

    assertThat(parsed.notes())
        .anySatisfy(
            n -> {
              assertThat(n.type()).isEqualTo("TypoCorrected");
              assertThat(n.level()).isEqualTo(SigNote.INFO);
              assertThat(n.message()).contains("'" + typo + "'", "'" + word + "'");
            });
  }

  @Test
  void shouldReadTheCorrectedSigCompletely() {
    ParsedSig parsed = parse("Tkae 1 tabet 3 tiems a day for 2 wekes");

    assertThat(doseValue(parsed.dosages().get(0))).isEqualTo(1.0);
    assertThat(repeat(parsed.dosages().get(0)).getFrequency()).isEqualTo(3);
    assertThat(repeat(parsed.dosages().get(0)).getBoundsDuration().getCode()).isEqualTo("wk");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 tab po qd | qd | warning",
        "1 tab po qod | qod | warning",
        "1 tab po od | od | warning",
        "10 U sc qhs | 'U' | warning",
        "1000 IU po daily | 'IU' | warning",
        "5 cc po bid | 'cc' | warning",
        "5 µg po daily | µg | warning",
        "1.0 mg po daily | Trailing zero | warning",
        ".5 mg po daily | leading zero | warning",
      })
  void shouldNoteIsmpCanadaDoNotUseAbbreviations(String sig, String mention, String level) {
    assertThat(parse(sig).notes())
        .anySatisfy(
            n -> {
              assertThat(n.type()).isEqualTo("ErrorProneAbbreviation");
              assertThat(n.message()).contains(mention).contains("ISMP Canada");
              assertThat(n.level()).isEqualTo(level);
            });
  }

  @Test
  void shouldNotNoteAWellWrittenSig() {
    assertThat(parse("take 1 tablet by mouth daily for 10 days").notes()).isEmpty();
  }

  @Test
  void shouldNotNoteOdWhenItIsTheRightEye() {
    assertThat(parse("1 gtt od bid").notes()).isEmpty();
  }

  @Test
  void shouldGiveTheSameResultFromManyThreads() throws Exception {
    SigParser shared = new SigParser();
    String[] sigs = {
      "t1t po tid x10d",
      "1-2 tabs po q4-6h prn pain max 8/d",
      "2 gtts od tid",
      "2 tabs daily x3d then 1 tab daily x3d",
      "2 in the morning and 1 at night"
    };
    List<String> expected = new ArrayList<>();
    for (String s : sigs) {
      expected.add(shared.parse(s).patientInstruction());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    int k = i % sigs.length;
                    if (!shared.parse(sigs[k]).patientInstruction().equals(expected.get(k))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldKeepTrailingAdviceWordForWord() {
    var d =
        parse(
                "Dissolve 1 tablet under the tongue every 5 minutes as needed for chest pain."
                    + " Maximum 3 doses. If no relief call 911.")
            .dosages()
            .get(0);

    assertThat(d.getAdditionalInstruction())
        .extracting(c -> c.getText())
        .containsExactly("maximum 3 doses", "if no relief call 911");
    assertThat(d.getAsNeededCodeableConcept().getText()).isEqualTo("chest pain");
  }

  @Test
  void shouldStopAdviceAtAFrequencySoItIsStillRead() {
    var d = parse("1 tab po, use caution bid").dosages().get(0);

    assertThat(repeat(d).getFrequency()).isEqualTo(2);
    assertThat(d.getAdditionalInstructionFirstRep().getText()).isEqualTo("use caution");
  }
}
