package io.streamsight.processors.medication.sig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Timing.DayOfWeek;
import org.hl7.fhir.r4.model.Timing.EventTiming;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * The sig grammar: a hand-written recursive-descent reader over the tokens of one sig. One instance
 * reads one sig (it holds the cursor), so {@link SigParser} makes one per call.
 *
 * <p>A sig is a sequence of parts. Within a part, components come in any order (pharmacists write
 * "t1t po tid", "po tid 1 tab" and "tid t1t po" alike): a verb, a dose, a route, a site, a
 * frequency, meal and clock times, days, as-needed with its indication, a course length, a maximum,
 * a dispense quantity, a drug name and strength, and trailing advice. "then", "followed by" and
 * "thereafter" start the next sequence step; a new dose after a separator (",", "and", "+", "/")
 * starts a concurrent part of the same step. Every token must be consumed by some component, or the
 * read fails with the span it could not explain.
 */
final class SigReader extends QuantityView {

  private static final int MAX_REASON_WORDS = 8;

  /** The days of the week in order, Monday first (ISO 8601). */
  static final List<DayOfWeek> WEEK =
      List.of(
          DayOfWeek.MON,
          DayOfWeek.TUE,
          DayOfWeek.WED,
          DayOfWeek.THU,
          DayOfWeek.FRI,
          DayOfWeek.SAT,
          DayOfWeek.SUN);

  private int pos;

  private final List<Part> parts = new ArrayList<>(2);
  private Part cur;
  private int sequence = 1;

  private final Map<String, SigNote> notes = new LinkedHashMap<>();
  private Double dispense;
  private String drugName;
  private Strength strength;

  /** Token index just after the drug name, so that "amoxicillin 500mg" reads 500 mg as strength. */
  private int drugEnd = -1;

  /** The part the strength was read in, and its unit, to recognise a taper of doses. */
  private Part strengthPart;

  private DoseUnit strengthUnit;

  /** Start and end of the last run of bare meal words ("breakfast lunch"), for a trailing "ac". */
  private int mealListStart = -1;

  private int mealListEnd = -1;

  SigReader(String sig) {
    super(sig);
    for (Token tk : t) {
      if (tk.isWord() && !Vocabulary.KNOWN.contains(tk.text)) {
        String fixed = TypoCorrector.correct(tk.text);
        if (fixed != null) {
          note(
              "TypoCorrected:" + tk.text,
              new SigNote(
                  "TypoCorrected", "Read '" + tk.text + "' as '" + fixed + "'", SigNote.INFO));
          tk.text = fixed;
        }
      }
    }
  }

  /** Reads the sig completely or throws {@link UnparseableSigException}. */
  Result read() {
    if (n == 0) {
      throw new UnparseableSigException(sig, 0, sig.length(), "empty sig");
    }
    cur = newPart(1, 0);
    if (isW(0, "sig")) {
      pos = isP(1, ':') ? 2 : 1;
    }
    while (pos < n) {
      if (separator()) {
        continue;
      }
      int before = pos;
      if (!component() || pos == before) {
        throw unreadable(before);
      }
    }
    boolean said = strength != null || drugName != null || dispense != null;
    for (Part p : parts) {
      said |= p.hasDosingContent() || p.method != null || p.advice != null || p.form != null;
    }
    if (!said) {
      throw new UnparseableSigException(sig, 0, sig.length(), "no directions");
    }
    Part first = parts.get(0);
    if (strengthUnit != null && first.doseLow == null && strengthPart == first) {
      for (Part p : parts) {
        if (p != first && p.doseLow != null && p.unit == strengthUnit) {
          // "prednisone 40 mg daily x3d, then 30 mg daily x3d": a taper of doses
          first.doseLow = strength.value();
          first.unit = strengthUnit;
          strength = null;
          break;
        }
      }
    }
    if (strengthUnit != null
        && strengthUnit != DoseUnit.PERCENT
        && strengthPart.hasTiming()
        && parts.stream().allMatch(p -> p.doseLow == null && p.unit == null)) {
      // "prednisone 50 mg po daily", "t 250mg tid": with no other dose, the strength named is what
      // one administration gives (it stays the strength the formulary check compares, too)
      strengthPart.doseLow = strength.value();
      strengthPart.unit = strengthUnit;
    }
    for (Part p : parts) {
      p.reconcileTiming();
    }
    return new Result(parts, dispense, drugName, strength, new ArrayList<>(notes.values()));
  }

  /** What the grammar read, before dosages are built. */
  record Result(
      List<Part> parts, Double dispense, String drugName, Strength strength, List<SigNote> notes) {}

  // ---------------------------------------------------------------- parts and separators

  private Part newPart(int seq, int first) {
    Part p = new Part();
    p.sequence = seq;
    p.firstToken = first;
    parts.add(p);
    return p;
  }

  /** Reads step and part separators; returns whether it consumed anything. */
  private boolean separator() {
    int then = thenPhrase(pos);
    if (then > 0) {
      boolean trailing = then >= n || isSoftEnd(then);
      if (isW(pos, "thereafter") && trailing) {
        pos = then; // "1 tab daily thereafter": the step simply goes on
        return true;
      }
      pos = then;
      if (cur.hasDosingContent() || cur.method != null || cur.advice != null) {
        cur = newPart(++sequence, pos);
      }
      return true;
    }
    Token tk = t.get(pos);
    if (tk.isPunct()) {
      char c = tk.text.charAt(0);
      if (c == ',' || c == ';' || c == '.' || c == '-' || c == '/' || c == '|' || c == '+'
          || c == '&' || c == '\\' || c == '~') {
        int next = pos + 1;
        while (next < n && isSeparatorPunct(next)) {
          next++;
        }
        if (next < n && thenPhrase(next) > 0) {
          pos = next;
          return true;
        }
        if (next < n && cur.hasDosingContent() && startsNewPart(next)) {
          pos = next;
          // "4 tabs daily x 4d, 3 tabs daily x 4d": a part with its own course length is a step
          boolean step = cur.boundsValue != null;
          cur = newPart(step ? ++sequence : cur.sequence, pos);
          cur.stepByCourse = step;
          return true;
        }
        if (c == '/' || c == '+' || c == '|' || c == '&' || c == '\\' || c == '~') {
          if (next >= n) {
            return false;
          }
        }
        pos = next;
        return true;
      }
      return false;
    }
    if ((isW(pos, "and") || isW(pos, "plus") || isW(pos, "also"))) {
      if (pos + 1 < n && cur.hasDosingContent() && startsNewPart(pos + 1)) {
        pos++;
        cur = newPart(cur.sequence, pos);
        return true;
      }
    }
    return false;
  }

  /** "then", "and then", "followed by", "thereafter", "after that": index after it, or -1. */
  private int thenPhrase(int i) {
    String w = w(i);
    if (w == null) {
      return -1;
    }
    switch (w) {
      case "then", "thereafter", "thn" -> {
        return i + 1;
      }
      case "and" -> {
        return isW(i + 1, "then") ? i + 2 : -1;
      }
      case "followed" -> {
        return isW(i + 1, "by") ? i + 2 : -1;
      }
      case "after" -> {
        if (isW(i + 1, "that") || isW(i + 1, "which")) {
          return i + 2;
        }
        return -1;
      }
      default -> {
        return -1;
      }
    }
  }

  /** Whether the tokens at {@code i} begin a new dose: "1 tab ...", "apply ...", "OS 1 drop". */
  private boolean startsNewPart(int i) {
    if (i >= n) {
      return false;
    }
    Token tk = t.get(i);
    if (tk.isNumber() || isNumberWord(i)) {
      double[] q = new double[2];
      int j = quantity(i, q, false);
      if (j < 0) {
        return false;
      }
      if (isP(j, ':') || isP(j, '%') || isTimeUnit(j) || isW(j, "am") || isW(j, "pm")) {
        return false;
      }
      if (isW(j, "times") || isW(j, "time") || isW(j, "x") || isP(j, '*')) {
        // "1x3" starts a dose, "3 times a day" does not
        return (isW(j, "x") || isP(j, '*')) && isNum(j + 1);
      }
      // a bare number must be followed by what it is: "1 at night", "2 tabs"
      return j < n && !isSeparatorPunct(j) && !isP(j, ')');
    }
    String w = w(i);
    if (w == null) {
      return false;
    }
    if ((Vocabulary.VERBS.containsKey(w) || w.equals("t") || w.equals("tk")) && adviceLead(i) < 0) {
      return true;
    }
    Site s = Vocabulary.EYE_EAR.get(w);
    if ((s != null || w.equals("od") || w.equals("ad") || w.equals("as")) && isNum(i + 1)) {
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- components

  private boolean component() {
    Token tk = t.get(pos);
    if (tk.isNumber()) {
      return numberLed();
    }
    if (tk.isPunct()) {
      switch (tk.text.charAt(0)) {
        case '#' -> {
          return dispense(pos + 1);
        }
        case '@' -> {
          return atLed(pos + 1);
        }
        case '(', '[' -> {
          return openParen();
        }
        case ')', ']' -> {
          pos++;
          return true;
        }
        case '*' -> {
          return timesLed(pos + 1);
        }
        case ':' -> {
          pos++;
          return true;
        }
        default -> {
          return false;
        }
      }
    }
    return wordLed();
  }

  private boolean wordLed() {
    String w = w(pos);
    if (wordComponent(w)) {
      return true;
    }
    if (!Vocabulary.KNOWN.contains(w)) {
      return drugNameAtStart();
    }
    return false;
  }

  /** Dispatches on the word at {@code pos}; returns whether a component was read. */
  private boolean wordComponent(String w) {
    int j;
    switch (w) {
      case "change", "replace", "changed", "replaced" -> {
        // "apply 1 patch and change every 7 days": the frequency of the same part
        int k = pos + 1;
        if (isW(k, "patch") || isW(k, "it")) {
          k++;
        }
        if (isW(k, "every")
            || isW(k, "q")
            || (w(k) != null && Vocabulary.FREQS.containsKey(w(k)))) {
          pos = k;
          return true;
        }
        return false;
      }
      case "sos" -> {
        return prn(pos + 1); // si opus sit: if needed
      }
      case "ut" -> {
        if (isW(pos + 1, "dict") || isW(pos + 1, "dictum")) {
          advice(pos, pos + 2);
          pos += 2;
          return true;
        }
        return false;
      }
      case "prn" -> {
        return prn(pos + 1);
      }
      case "as" -> {
        j = prnPhrase(pos);
        if (j > 0) {
          return prn(j);
        }
        j = phrase(pos, "as", "directed");
        if (j < 0) {
          j = phrase(pos, "as", "dir");
        }
        if (j < 0) {
          j = phrase(pos, "as", "instructed");
        }
        if (j > 0) {
          advice(pos, j);
          pos = j;
          return true;
        }
        j = phrase(pos, "as", "a", "single", "dose");
        if (j < 0) {
          j = phrase(pos, "as", "one", "dose");
        }
        if (j > 0) {
          setCount(1, pos, j);
          pos = j;
          return true;
        }
        return earAbbreviation(Site.LEFT_EAR);
      }
      case "when", "if" -> {
        j = prnPhrase(pos);
        if (j > 0) {
          return prn(j);
        }
        // "if no relief in 5 minutes, call 911": a condition that is advice, not an indication
        return condition(pos + 1) || (w.equals("if") && adviceClause());
      }
      case "ud" -> {
        advice(pos, pos + 1);
        pos++;
        return true;
      }
      case "sig" -> {
        pos++;
        return true;
      }
      case "max", "maximum", "mdd", "nte" -> {
        return max(pos);
      }
      case "do", "dont", "not", "no" -> {
        if (maxLead(pos) > 0) {
          return max(pos);
        }
        if (w.equals("no") && (isW(pos + 1, "refills") || isW(pos + 1, "repeats"))) {
          note("Refills", new SigNote("Refills", "No refills", SigNote.INFO));
          pos += 2;
          return true;
        }
        return adviceClause();
      }
      case "up" -> {
        if (isW(pos + 1, "to")) {
          return upTo(pos + 2);
        }
        return false;
      }
      case "disp", "dispense", "dispensed", "qty", "quantity", "mitte" -> {
        return dispense(pos + 1);
      }
      case "m" -> {
        if (isNum(pos + 1)) {
          return dispense(pos + 1);
        }
        return false;
      }
      case "t", "tk" -> {
        return shorthandT(w);
      }
      case "od" -> {
        return od();
      }
      case "ad" -> {
        return ad();
      }
      case "x" -> {
        return timesLed(pos + 1);
      }
      case "q" -> {
        return qLed(pos + 1);
      }
      case "every", "each" -> {
        return every(pos + 1);
      }
      case "once" -> {
        return once();
      }
      case "twice" -> {
        return timesPerPeriod(2, null, pos + 1);
      }
      case "thrice" -> {
        return timesPerPeriod(3, null, pos + 1);
      }
      case "for" -> {
        return forLed(pos + 1);
      }
      case "during" -> {
        return during();
      }
      case "over" -> {
        return over();
      }
      case "until", "till", "while" -> {
        return adviceClause();
      }
      case "stat", "now", "immediately" -> {
        cur.immediate = true;
        pos++;
        return true;
      }
      case "single" -> {
        j = phrase(pos, "single", "dose");
        if (j > 0) {
          setCount(1, pos, j);
          pos = j;
          return true;
        }
        return false;
      }
      case "at" -> {
        return atLed(pos + 1);
      }
      case "with" -> {
        return withLed();
      }
      case "before", "after", "ac", "pc" -> {
        return mealRelation();
      }
      case "upon",
          "on",
          "in",
          "into",
          "onto",
          "to",
          "under",
          "around",
          "behind",
          "below",
          "above",
          "between",
          "inside",
          "near",
          "along",
          "throughout" -> {
        return preposition();
      }
      case "by", "per", "via" -> {
        return routePhrase();
      }
      case "of" -> {
        return ofLed();
      }
      case "the", "a", "an", "thin", "small", "generous", "pea", "layer" -> {
        return article();
      }
      case "early" -> {
        j = phrase(pos, "early", "morning");
        if (j > 0) {
          whenEvent(EventTiming.MORN_EARLY);
          pos = j;
          return true;
        }
        return false;
      }
      case "mid" -> {
        j = phrase(pos, "mid", "-", "day");
        if (j > 0) {
          whenEvent(EventTiming.NOON);
          pos = j;
          return true;
        }
        return false;
      }
      case "weekdays", "weekday" -> {
        addDays(DayOfWeek.MON, DayOfWeek.FRI);
        pos++;
        return true;
      }
      case "weekends", "weekend" -> {
        addDays(DayOfWeek.SAT, DayOfWeek.SUN);
        pos++;
        return true;
      }
      case "swish" -> {
        j = phrase(pos, "swish", "and", "swallow");
        if (j > 0) {
          setMethod(Method.SWISH_AND_SWALLOW);
          pos = j;
          return true;
        }
        j = phrase(pos, "swish", "and", "spit");
        if (j > 0) {
          setMethod(Method.SWISH);
          cur.addAdvice("spit out, do not swallow");
          pos = isW(j, "out") ? j + 1 : j;
          return true;
        }
      }
      case "chew" -> {
        j = phrase(pos, "chew", "and", "swallow");
        if (j > 0 && cur.method == null) {
          setMethod(Method.CHEW);
          pos = j;
          return true;
        }
      }
      case "bolus", "push", "infusion" -> {
        // "iv bolus", "iv push": how an intravenous dose is given
        if (cur.method == null) {
          cur.method = w.equals("infusion") ? Method.INFUSE : Method.PUSH;
        }
        pos++;
        return true;
      }
      case "and", "please", "also", "plus" -> {
        pos++;
        return true;
      }
      case "times", "time" -> {
        // a redundant "times" after a frequency: "qd times"
        if (cur.hasFrequency()) {
          pos++;
          return true;
        }
        return false;
      }
      case "poc", "popc", "poac", "pohs" -> {
        setRoute(Route.ORAL, pos, pos + 1);
        whenEvent(
            w.equals("poc")
                ? EventTiming.C
                : w.equals("popc")
                    ? EventTiming.PC
                    : w.equals("poac") ? EventTiming.AC : EventTiming.HS);
        pos++;
        return true;
      }
      case "increase", "decrease", "reduce", "taper", "titrate" -> {
        if (isW(pos + 1, "to")) {
          pos += 2; // "then increase to 1 tab bid": the new dose follows
          return true;
        }
        return adviceClause(); // "decrease by 10 mg every 5 days", kept word for word
      }
      case "except", "excluding" -> {
        return exceptDays();
      }
      case "refill", "refills", "repeat", "repeats", "rpt", "rf" -> {
        return refills(pos + 1);
      }
      case "only" -> {
        // "x 3 days only", "for 5 days only": emphasis on what was just read
        if (cur.hasDosingContent()) {
          pos++;
          return true;
        }
        return false;
      }
      case "atc" -> {
        cur.addAdvice("around the clock");
        pos++;
        return true;
      }
      case "aaa" -> {
        // "aaa": apply to affected area
        if (cur.method == null) {
          setMethod(Method.APPLY);
        }
        setSite(Site.skin("affected area"), pos, pos + 1);
        pos++;
        return true;
      }
      case "contents" -> {
        // "inhale the contents of 1 capsule": the dose is the capsule
        if (isW(pos + 1, "of")) {
          pos += 2;
          return true;
        }
        return false;
      }
      case "ivtod", "vod", "ivtos", "vos", "ivtou", "vou" -> {
        setRoute(Route.INTRAVITREAL, pos, pos + 1);
        setSite(
            w.endsWith("od") ? Site.RIGHT_EYE : w.endsWith("os") ? Site.LEFT_EYE : Site.BOTH_EYES,
            pos,
            pos + 1);
        pos++;
        return true;
      }
      default -> {}
    }
    Vocabulary.Freq f = Vocabulary.FREQS.get(w);
    if (f != null) {
      return fixedFrequency(f);
    }
    if (adviceLead(pos) > 0
        && (w.equals("use")
            || w.equals("may")
            || w.equals("can")
            || w.equals("swallow")
            || w.equals("rinse"))) {
      return adviceClause();
    }
    Method m = Vocabulary.VERBS.get(w);
    if (m != null) {
      return verb(m);
    }
    Route r = Vocabulary.ROUTES.get(w);
    if (r != null) {
      return routeWord(r);
    }
    DoseUnit u = Vocabulary.UNITS.get(w);
    if (u != null) {
      return unitFirst(u);
    }
    Site s = Vocabulary.EYE_EAR.get(w);
    if (s != null) {
      setSite(s, pos, pos + 1);
      pos++;
      return true;
    }
    if (Vocabulary.WHEN.containsKey(w) || Vocabulary.MEALS.containsKey(w)) {
      return when();
    }
    if (Vocabulary.DAYS.containsKey(w)) {
      return days(pos);
    }
    if (Vocabulary.FORMS.containsKey(w)) {
      return form();
    }
    if (isNumberWord(pos) || (roman(w) > 0 && isRomanBeforeUnit(pos))) {
      return numberLed();
    }
    if (Vocabulary.SKIN_NOUNS.contains(w) || Vocabulary.SITE_MODIFIERS.contains(w)) {
      return bareSite();
    }
    if (adviceLead(pos) > 0) {
      return adviceClause();
    }
    return false;
  }

  // ---------------------------------------------------------------- numbers and doses

  /** A component that starts with a number. */
  private boolean numberLed() {
    int start = pos;
    double[] q = new double[2];
    boolean roman = isRomanBeforeUnit(pos);
    int j = quantity(pos, q, roman);
    if (j < 0) {
      return false;
    }
    double low = q[0];
    Double high = Double.isNaN(q[1]) ? null : q[1];
    // clock times: "8:00", "9 am", "10:30 pm"
    if (t.get(start).isNumber() && (isP(j, ':') || isW(j, "am") || isW(j, "pm")) && high == null) {
      int k = clockTimes(start);
      if (k > 0) {
        pos = k;
        return true;
      }
    }
    if (isTimeUnit(j)) {
      UnitsOfTime unit = timeUnit(j);
      int k = j + 1;
      int around = emptyStomachTiming(k);
      if (around > 0) {
        advice(start, around); // "1 hour before or 2 hours after meals"
        pos = around;
        return true;
      }
      if (isW(k, "prior") && isW(k + 1, "to")) {
        // "1 hr prior to procedure": when to take it, kept word for word
        int r = reasonEnd(k + 2, false);
        if (r > k + 2) {
          advice(start, r);
          pos = r;
          return true;
        }
        return false;
      }
      // "10 minutes before breakfast": an offset from a meal; before another event it is advice
      if (isW(k, "before") || isW(k, "after") || isW(k, "ac") || isW(k, "pc")) {
        int events = cur.when == null ? 0 : cur.when.size();
        int save = pos;
        pos = k;
        int m = isW(k + 1, "each") || isW(k + 1, "the") || isW(k + 1, "a") ? k + 2 : k + 1;
        String event = w(m);
        boolean meal =
            event != null
                && (Vocabulary.MEALS.containsKey(event)
                    || event.equals("bedtime")
                    || event.equals("bed")
                    || event.equals("sleep")
                    || event.equals("waking"));
        if (meal
            && mealRelation()
            && cur.when != null
            && cur.when.size() == events + 1
            && high == null) {
          cur.offsetMinutes = (int) Math.round(Units.days(low, unit) * 1440);
          return true;
        }
        pos = save;
        if (cur.when != null && cur.when.size() > events) {
          return false;
        }
        int r = reasonEnd(k + 1, false);
        if (r > k + 1) {
          advice(start, r);
          pos = r;
          return true;
        }
        return false;
      }
      if (unit == UnitsOfTime.MIN || unit == UnitsOfTime.H || unit == UnitsOfTime.S) {
        return false; // a bare "30 min" is not a course length
      }
      if (isW(k, "more") || isW(k, "total")) {
        k++;
      }
      setBounds(low, unit, start, k);
      pos = k;
      return true;
    }
    if (isW(j, "x") || isP(j, '*')) {
      return multiplier(low, high, start, j + 1);
    }
    // "3/day", "2/week", and after a dose "5 a day", "3 per day": times per period
    if ((isP(j, '/') || (cur.doseLow != null && (isW(j, "a") || isW(j, "per"))))
        && low == Math.rint(low)) {
      int e = periodPhrase(j, periodOut);
      if (e > 0) {
        return countPerPeriod(low, high, start, e);
      }
    }
    if (isW(j, "times") || isW(j, "time")) {
      if (low == 1 && high == null && isW(j, "time") && periodPhrase(j + 1, null) < 0) {
        setCount(1, start, j + 1); // "one time"
        pos = j + 1;
        return true;
      }
      if (!cur.hasFrequency() || periodPhrase(j + 1, null) > 0) {
        return timesPerPeriod(low, high, j + 1);
      }
      return false;
    }
    if (isP(j, '%')) {
      setStrength(low, "%", j + 1);
      pos = j + 1;
      return true;
    }
    if ((isW(j, "m") || isW(j, "million") || isW(j, "mu")) && unitAt(j + 1) == DoseUnit.UNIT) {
      int k = unitEnd(j + 1, DoseUnit.UNIT);
      unitNote(j + 1);
      dose(low * 1e6, high == null ? null : high * 1e6, DoseUnit.UNIT, start, k);
      return true;
    }
    DoseUnit unit = unitAt(j);
    if (unit != null) {
      int k = unitEnd(j, unit);
      unitNote(j);
      if (unit.isStrength() && isP(k, '/')) {
        int c = concentration(low, unit, k);
        if (c > 0) {
          pos = c;
          return true;
        }
        DoseUnit per = perUnit(unit, k);
        if (per != null) {
          dose(low, high, per, start, perUnitEnd(k));
          return true;
        }
      }
      dose(low, high, unit, start, k);
      return true;
    }
    if (isW(j, "st") || isW(j, "nd") || isW(j, "rd") || isW(j, "th")) {
      return bareSite();
    }
    if (isW(j, "-") || (isP(j, '-') && isNum(j + 1))) {
      return false;
    }
    // a bare count: "2 in the morning", "1 po qd"
    dose(low, high, null, start, j);
    return true;
  }

  /**
   * After "1 hour": "before or 2 hours after meals" (on an empty stomach); returns the index after
   * it, or -1.
   */
  private int emptyStomachTiming(int k) {
    if (!isW(k, "before") || !isW(k + 1, "or")) {
      return -1;
    }
    int after = isNum(k + 2) && isTimeUnit(k + 3) ? k + 4 : k + 2; // "2 hours before or after"
    if (!isW(after, "after")) {
      return -1;
    }
    String what = w(after + 1);
    if (what != null
        && (Vocabulary.MEALS.containsKey(what)
            || what.equals("food")
            || what.equals("eating")
            || what.equals("meal"))) {
      return after + 2;
    }
    return isW(after + 1, "a") && isW(after + 2, "meal") ? after + 3 : -1;
  }

  /** "1x3" (dose times a day), "2x/d", "2x daily", "3x weekly", "1xHS". */
  private boolean multiplier(double low, Double high, int start, int k) {
    if (isNum(k)) {
      double[] r = new double[2];
      int e = quantity(k, r, false);
      if (e < 0) {
        return false;
      }
      if (isTimeUnit(e)) {
        dose(low, high, null, start, k - 1);
        setBounds(r[0], timeUnit(e), k - 1, e + 1);
        pos = e + 1;
        return true;
      }
      if (isW(e, "doses") || isW(e, "dose") || isW(e, "times")) {
        dose(low, high, null, start, k - 1);
        setCount((int) r[0], k - 1, e + 1);
        pos = e + 1;
        return true;
      }
      dose(low, high, null, start, k - 1);
      setFrequency(
          (int) r[0],
          Double.isNaN(r[1]) ? null : (int) r[1],
          1.0,
          null,
          UnitsOfTime.D,
          TimingCodes.dailyCode((int) r[0]),
          k - 1,
          e);
      pos = e;
      return true;
    }
    int e = periodPhrase(k, periodOut);
    if (e > 0) {
      return countPerPeriod(low, high, start, e);
    }
    // "1xHS": a dose at an event
    if (w(k) != null && (Vocabulary.WHEN.containsKey(w(k)) || Vocabulary.MEALS.containsKey(w(k)))) {
      dose(low, high, null, start, k - 1);
      pos = k;
      return true;
    }
    return false;
  }

  private final double[] periodOut = new double[1];
  private final UnitsOfTime[] unitOut = new UnitsOfTime[1];

  /**
   * Sets a frequency of {@code low} (to {@code high}) per the period {@link #periodPhrase} read and
   * moves past it to {@code end}.
   */
  private boolean countPerPeriod(double low, Double high, int start, int end) {
    setFrequency(
        (int) low,
        high == null ? null : high.intValue(),
        periodOut[0],
        null,
        unitOut[0],
        TimingCodes.codeFor((int) low, periodOut[0], unitOut[0]),
        start,
        end);
    pos = end;
    return true;
  }

  /** "once nightly", "twice nightly": a count a day at night, with no timing code. */
  private boolean nightly(int times, int start, int end) {
    setFrequency(times, null, 1, null, UnitsOfTime.D, null, start, end);
    whenEvent(EventTiming.NIGHT);
    pos = end;
    return true;
  }

  /** "N times a day", "twice weekly", "3 times every week", "2 times every 3 days". */
  private boolean timesPerPeriod(double low, Double high, int k) {
    int e = periodPhrase(k, periodOut);
    if (e < 0) {
      // "once nightly", "twice at bedtime"? only nightly reads as a period
      if (isW(k, "nightly")) {
        return nightly((int) low, pos, k + 1);
      }
      return false;
    }
    return countPerPeriod(low, high, pos, e);
  }

  /**
   * A period after a count: "a day", "daily", "per day", "/d", "every day", "weekly", "a week",
   * "every 3 days", "in 24 hours", "q week". Writes the period into {@code out} (when not null) and
   * {@link #unitOut}; returns the index after it, or -1.
   */
  private int periodPhrase(int k, double[] out) {
    String w = w(k);
    double per = 1;
    UnitsOfTime unit = null;
    int e = -1;
    if (isP(k, '/')) {
      int j = k + 1;
      double[] q = new double[2];
      if (isNum(j)) {
        j = quantity(j, q, false);
        per = q[0];
      }
      if (j > 0 && isTimeUnit(j)) {
        unit = timeUnit(j);
        e = j + 1;
      }
    } else if (w != null) {
      switch (w) {
        case "daily", "dly", "day", "d" -> {
          unit = UnitsOfTime.D;
          e = k + 1;
        }
        case "weekly", "week", "wk" -> {
          unit = UnitsOfTime.WK;
          e = k + 1;
        }
        case "monthly", "month" -> {
          unit = UnitsOfTime.MO;
          e = k + 1;
        }
        case "hourly" -> {
          unit = UnitsOfTime.H;
          e = k + 1;
        }
        case "yearly" -> {
          unit = UnitsOfTime.A;
          e = k + 1;
        }
        case "a", "an", "per", "each", "every", "in", "q", "x" -> {
          {
            int j = k + 1;
            if (isW(j, "the")) {
              j++;
            }
            double[] q = new double[2];
            if (isNum(j) || (isNumberWord(j) && !w.equals("a"))) {
              int qj = quantity(j, q, false);
              if (qj > 0) {
                per = q[0];
                j = qj;
              }
            } else if (isW(j, "other") || isW(j, "second") || isW(j, "alternate")) {
              per = 2;
              j++;
            }
            if (isTimeUnit(j)) {
              unit = timeUnit(j);
              e = j + 1;
            }
          }
        }
        default -> {}
      }
    }
    if (e < 0 || unit == null) {
      return -1;
    }
    if (out != null) {
      out[0] = per;
      unitOut[0] = unit;
    }
    return e;
  }

  /** A dose read from the sig: assigns it to the current part (or a new concurrent part). */
  private void dose(double low, Double high, DoseUnit unit, int start, int end) {
    Token first = t.get(start);
    if (unit != null && first.isNumber()) {
      numberNotes(first, unit, end);
    }
    if (unit != null && unit.isStrength() && isStrengthPosition(start)) {
      setStrength(low, unit.strengthUnit(), end);
      pos = end;
      return;
    }
    if (cur.doseLow != null) {
      if (unit != null && cur.unit != null && cur.unit.isStrength() && !unit.isStrength()) {
        // "250mg 1 cap": the first amount was the strength
        setStrength(cur.doseLow, cur.unit.strengthUnit(), end);
      } else if (unit != null && unit.isStrength() && cur.unit != null && !cur.unit.isStrength()) {
        setStrength(low, unit.strengthUnit(), end);
        pos = end;
        return;
      } else if ((cur.hasTiming() || cur.route != null || cur.site != null)
          && unit != null
          && unit.kind == DoseUnit.Kind.COUNT
          && unit != DoseUnit.DOSE) {
        // "2 tabs qam 3 tabs qhs": a second counted dose starts a concurrent part
        cur = newPart(cur.sequence, start);
      } else {
        throw new UnparseableSigException(
            sig, t.get(start).start, t.get(end - 1).end, "a second dose in the same part");
      }
    } else if (unit != null && unit.isStrength() && cur.unit != null && !cur.unit.isStrength()) {
      // "tab 250mg": a form word and then the strength
      setStrength(low, unit.strengthUnit(), end);
      pos = end;
      return;
    }
    cur.doseLow = low;
    cur.doseHigh = high;
    if (unit != null) {
      cur.unit = unit;
    }
    cur.doseToken = end - 1;
    pos = end;
  }

  /** Whether an amount in mg at {@code start} is a product strength by its position. */
  private boolean isStrengthPosition(int start) {
    if (start == drugEnd) {
      return true; // "amoxicillin 500mg"
    }
    if (cur.shorthandTake && start > 0 && (isW(start - 1, "t") || isW(start - 1, "tk"))) {
      return true; // "t 250mg": take the 250 mg product
    }
    return false;
  }

  private void numberNotes(Token number, DoseUnit unit, int end) {
    String written = sig.substring(number.start, t.get(end - 1).end);
    if ((number.flags & Token.TRAILING_ZERO) != 0) {
      note(
          "TrailingZero:" + written,
          new SigNote(
              "ErrorProneAbbreviation",
              "Trailing zero in '"
                  + written
                  + "' is on ISMP Canada's Do Not Use list (read as ten times the dose); write '"
                  + format(number.value)
                  + " "
                  + unit.singular
                  + "'",
              SigNote.WARNING));
    }
    if ((number.flags & Token.NO_LEADING_ZERO) != 0) {
      note(
          "LeadingZero:" + written,
          new SigNote(
              "ErrorProneAbbreviation",
              "Missing leading zero in '"
                  + written
                  + "' is on ISMP Canada's Do Not Use list (read as ten times the dose); write '0"
                  + number.text
                  + " "
                  + unit.singular
                  + "'",
              SigNote.WARNING));
    }
  }

  private void unitNote(int i) {
    String w = w(i);
    if (w == null) {
      return;
    }
    switch (w) {
      case "u" -> {
        ismp(
            "u", "'U' is on ISMP Canada's Do Not Use list (mistaken for 0, 4 or cc); write 'unit'");
      }
      case "iu", "ius" -> {
        ismp(
            "iu", "'IU' is on ISMP Canada's Do Not Use list (mistaken for IV or 10); write 'unit'");
      }
      case "cc" -> {
        ismp("cc", "'cc' is on ISMP Canada's Do Not Use list (mistaken for U); write 'mL'");
      }
      case "\u00b5g", "\u03bcg", "ug" -> {
        ismp("ug", "'\u00b5g' is on ISMP Canada's Do Not Use list (mistaken for mg); write 'mcg'");
      }
      default -> {}
    }
  }

  private void ismp(String key, String message) {
    note("ISMP:" + key, new SigNote("ErrorProneAbbreviation", message, SigNote.WARNING));
  }

  /** "250mg/5ml": a concentration, which is a strength. */
  private int concentration(double amount, DoseUnit unit, int slash) {
    int k = slash + 1;
    double per = 1;
    if (isNum(k)) {
      per = t.get(k).value;
      k++;
    }
    DoseUnit vol = unitAt(k);
    if (vol == null || vol.kind != DoseUnit.Kind.VOLUME) {
      return -1;
    }
    String u = unit.strengthUnit() + "/" + (per == 1 ? "" : format(per)) + vol.singular;
    setStrength(amount, u, k + 1);
    return k + 1;
  }

  private DoseUnit perUnit(DoseUnit unit, int slash) {
    String w = w(slash + 1);
    if ("kg".equals(w)) {
      if (unit == DoseUnit.MG) {
        return DoseUnit.MG_PER_KG;
      }
      if (unit == DoseUnit.MCG) {
        return DoseUnit.MCG_PER_KG;
      }
    }
    if ("m".equals(w) && isNum(slash + 2) && t.get(slash + 2).value == 2 && unit == DoseUnit.MG) {
      return DoseUnit.MG_PER_M2;
    }
    return null;
  }

  private int perUnitEnd(int slash) {
    return "m".equals(w(slash + 1)) ? slash + 3 : slash + 2;
  }

  private void setStrength(double value, String unit, int end) {
    if (strength == null) {
      strength = new Strength(value, unit);
      strengthPart = cur;
      strengthUnit = null;
      for (DoseUnit u : DoseUnit.values()) {
        if (u.isStrength() && u.strengthUnit().equals(unit)) {
          strengthUnit = u;
        }
      }
    }
    pos = end;
  }

  /** "tab ii", "gtt i", "caps 2": a unit written before its count, or a form word alone. */
  private boolean unitFirst(DoseUnit unit) {
    int start = pos;
    String w = w(pos);
    if (w.equals("suppository") || w.equals("suppo") || w.equals("supp")) {
      if (cur.unit != null && cur.unit != DoseUnit.SUPPOSITORY) {
        setRoute(Route.RECTAL, pos, pos + 1); // "1 tab suppository"
        pos++;
        return true;
      }
    }
    if (w.equals("u") || w.equals("iu") || w.equals("cc")) {
      return false;
    }
    if (w.equals("cm") && !isNum(pos + 1)) {
      whenEvent(EventTiming.CM); // "cm": with breakfast (cum mane)
      pos++;
      return true;
    }
    int j = unitEnd(pos, unit);
    double[] q = new double[2];
    int k = -1;
    if (isNum(j) || isNumberWord(j) || roman(wOr(j)) > 0 || isW(j, "ss")) {
      k = quantity(j, q, true);
      if (k > 0 && (isTimeUnit(k) || isP(k, ':') || isW(k, "x") || isW(k, "times"))) {
        k = -1;
      }
    }
    if (k > 0) {
      dose(q[0], Double.isNaN(q[1]) ? null : q[1], unit, start, k);
      return true;
    }
    if (unit.isStrength()) {
      return false;
    }
    if (cur.doseLow != null && cur.unit == null) {
      cur.unit = unit; // "1x3 suppository"
    } else if (cur.unit == null) {
      cur.unit = unit; // "tab po bid": the form, without a count
    } else if (cur.unit != unit) {
      return false;
    }
    pos = j;
    return true;
  }

  // ---------------------------------------------------------------- verbs, routes, forms

  private boolean verb(Method m) {
    int start = pos;
    int end = pos + 1;
    String w = w(pos);
    // "spray" and "shampoo" are also nouns: "use shampoo", "1 spray"
    if ((w.equals("shampoo") || w.equals("spray") || w.equals("wash")) && cur.method != null) {
      if (w.equals("spray")) {
        return unitFirst(DoseUnit.SPRAY);
      }
      cur.form = w;
      cur.formRoute = w.equals("shampoo") ? Route.TOPICAL : null;
      pos++;
      return true;
    }
    if (cur.method != null && cur.method != m) {
      if (cur.hasDosingContent()) {
        cur = newPart(cur.sequence, start);
      } else {
        return false;
      }
    }
    setMethod(m);
    pos = end;
    return true;
  }

  private void setMethod(Method m) {
    cur.method = m;
  }

  /** "t", "tk": take, or tablet right after a count ("t1t", "1 t"). */
  private boolean shorthandT(String w) {
    if (w.equals("t")
        && cur.doseLow != null
        && cur.unit == null
        && cur.doseToken == pos - 1
        && pos > 0
        && t.get(pos - 1).isNumber()) {
      cur.unit = DoseUnit.TABLET;
      pos++;
      return true;
    }
    if (cur.method == null) {
      cur.method = Method.TAKE;
      cur.shorthandTake = true;
      pos++;
      return true;
    }
    if (cur.method == Method.TAKE && cur.hasDosingContent()) {
      cur = newPart(cur.sequence, pos);
      cur.method = Method.TAKE;
      cur.shorthandTake = true;
      pos++;
      return true;
    }
    return false;
  }

  private boolean routeWord(Route r) {
    int start = pos;
    int end = pos + 1;
    String w = w(pos);
    if (w.equals("inhalation") && cur.doseLow != null && cur.unit == null) {
      cur.unit = DoseUnit.INHALATION;
      pos++;
      return true;
    }
    if (w.equals("top") && isW(pos + 1, "of")) {
      return bareSite();
    }
    if ((w.equals("vaginal") || w.equals("rectal")) && (isW(end, "area") || isW(end, "region"))) {
      return bareSite();
    }
    if (isW(end, "route")) {
      end++;
    }
    // "nasal spray", "eye drops": a form that states the route
    setRoute(r, start, end);
    pos = end;
    return true;
  }

  private void setRoute(Route r, int start, int end) {
    if (cur.route != null && cur.route != r && !compatible(cur.route, r)) {
      throw new UnparseableSigException(
          sig,
          t.get(start).start,
          t.get(end - 1).end,
          "a second route (" + cur.route.text + " already read)");
    }
    cur.route = r;
  }

  /** Sets route {@code r} for the component from {@link #pos} and moves past it to {@code end}. */
  private boolean routeThrough(Route r, int end) {
    setRoute(r, pos, end);
    pos = end;
    return true;
  }

  private static boolean compatible(Route a, Route b) {
    return (a == Route.TOPICAL && b == Route.CUTANEOUS)
        || (a == Route.CUTANEOUS && b == Route.TOPICAL);
  }

  /** "by mouth", "per os", "per rectum", "via g-tube", "by inhalation", "via intravenous route". */
  private boolean routePhrase() {
    int start = pos;
    String w = w(pos);
    int k = pos + 1;
    if (isW(k, "the")) {
      k++;
    }
    String next = w(k);
    if (next == null) {
      return false;
    }
    if (w.equals("per") && (next.equals("nostril") || next.equals("eye") || next.equals("ear"))) {
      Site each =
          next.equals("nostril")
              ? Site.EACH_NOSTRIL
              : next.equals("eye") ? Site.BOTH_EYES : Site.BOTH_EARS;
      setSite(each, start, k + 1); // "2 sprays per nostril"
      pos = k + 1;
      return true;
    }
    Route r = null;
    int end = k + 1;
    switch (next) {
      case "mouth", "os" -> {
        r = Route.ORAL;
      }
      case "rectum" -> {
        r = Route.RECTAL;
      }
      case "vagina" -> {
        r = Route.VAGINAL;
      }
      case "inhalation", "inhaler", "nebulizer", "nebuliser", "neb" -> {
        r = Route.INHALATION;
      }
      case "spacer", "aerochamber", "chamber", "mask" -> {
        r = Route.INHALATION;
        advice(start, end); // the device is part of the instruction: "via spacer"
      }
      case "injection" -> {
        r = null;
      }
      case "tube", "peg", "gt", "g", "gtube" -> {
        r = Route.GASTROSTOMY;
        if (next.equals("g") && isP(end, '-') && isW(end + 1, "tube")) {
          end += 2;
        } else if (next.equals("g") && isW(end, "tube")) {
          end++;
        } else if (next.equals("peg") && isW(end, "tube")) {
          end++;
        }
      }
      case "ng", "nasogastric" -> {
        r = Route.NASOGASTRIC;
        if (isW(end, "tube")) {
          end++;
        }
      }
      default -> {
        r = Vocabulary.ROUTES.get(next);
        if (r == null && !w.equals("per")) {
          return false;
        }
        if (isW(end, "route")) {
          end++;
        }
      }
    }
    if (r == null) {
      if (w.equals("per")) {
        // "per day" after a dose: once a day ("1 tablet per day")
        int e = periodPhrase(pos, periodOut);
        if (e > 0) {
          return countPerPeriod(1, null, start, e);
        }
      }
      return false;
    }
    if (r == Route.ORAL
        && (cur.method == Method.INHALE
            || cur.unit == DoseUnit.PUFF
            || cur.unit == DoseUnit.INHALATION)) {
      r = Route.INHALATION; // "inhale 2 puffs by mouth": inhaled through the mouth
    }
    setRoute(r, start, end);
    pos = end;
    return true;
  }

  private boolean form() {
    String w = w(pos);
    Route r = Vocabulary.FORMS.get(w);
    cur.form = w;
    if (r != null) {
      cur.formRoute = r;
    }
    pos++;
    return true;
  }

  // ---------------------------------------------------------------- frequency

  private boolean fixedFrequency(Vocabulary.Freq f) {
    int start = pos;
    int end = pos + 1;
    if (f.discouraged() != null) {
      discouraged(f.discouraged());
    }
    // "bid-tid": a range of daily frequencies
    if (isP(end, '-') && w(end + 1) != null) {
      Vocabulary.Freq g = Vocabulary.FREQS.get(w(end + 1));
      if (g != null
          && g.unit() == f.unit()
          && g.period() == f.period()
          && g.frequency() > f.frequency()
          && g.when() == null) {
        setFrequency(
            f.frequency(), g.frequency(), f.period(), null, f.unit(), null, start, end + 2);
        pos = end + 2;
        return true;
      }
    }
    setFrequency(f.frequency(), null, f.period(), null, f.unit(), f.code(), start, end);
    if (f.when() != null) {
      whenEvent(f.when());
    }
    pos = end;
    return true;
  }

  private void discouraged(String token) {
    switch (token) {
      case "qd" -> {
        ismp("qd", "'qd' is on ISMP Canada's Do Not Use list (mistaken for qid); write 'daily'");
      }
      case "qod" -> {
        ismp(
            "qod",
            "'qod' is on ISMP Canada's Do Not Use list (mistaken for qd or qid); write 'every"
                + " other day'");
      }
      default -> {}
    }
  }

  private void setFrequency(
      int frequency,
      Integer frequencyMax,
      double period,
      Double periodMax,
      UnitsOfTime unit,
      String code,
      int start,
      int end) {
    // sub-hour periods in minutes: q0.5h is every 30 minutes
    if (unit == UnitsOfTime.H && period < 1) {
      period = Math.round(period * 60 * 1e6) / 1e6;
      periodMax = periodMax == null ? null : periodMax * 60;
      unit = UnitsOfTime.MIN;
    }
    if (cur.hasFrequency()) {
      Part probe = new Part();
      probe.frequency = frequency;
      probe.period = period;
      probe.periodUnit = unit;
      boolean same =
          Math.abs(probe.ratePerDay() - cur.ratePerDay()) < 1e-9
              && java.util.Objects.equals(frequencyMax, cur.frequencyMax)
              && java.util.Objects.equals(periodMax, cur.periodMax);
      if (same) {
        note(
            "Restated:" + start,
            new SigNote(
                "RestatedFrequency",
                "The frequency is written twice ('"
                    + sig.substring(t.get(start).start, t.get(end - 1).end)
                    + "' restates it)",
                SigNote.INFO));
        return;
      }
      throw new UnparseableSigException(
          sig, t.get(start).start, t.get(end - 1).end, "a second, different frequency");
    }
    cur.frequency = frequency;
    cur.frequencyMax = frequencyMax;
    cur.period = period;
    cur.periodMax = periodMax;
    cur.periodUnit = unit;
    // "2-3 times daily" is no one GTS code: BID would say exactly twice
    cur.timingCode = frequencyMax == null && periodMax == null ? code : null;
  }

  /** After "q": "q4h", "q 4-6 h", "q1/2hr", "q30min", "q2wk", "q am", "q monday", "q week". */
  private boolean qLed(int k) {
    int start = pos;
    if (isNum(k) || isNumberWord(k)) {
      double[] q = new double[2];
      int e = quantity(k, q, false);
      if (e < 0) {
        return false;
      }
      UnitsOfTime unit = timeUnit(e);
      if (unit == null && isW(e, "m")) {
        unit = UnitsOfTime.MIN;
      }
      if (unit == null) {
        return false;
      }
      return interval(q, unit, start, e + 1);
    }
    if (isTimeUnit(k)) {
      return interval(1, null, timeUnit(k), start, k + 1);
    }
    String w = w(k);
    if (w == null) {
      return false;
    }
    EventTiming ev = Vocabulary.WHEN.get(w);
    if (ev != null) {
      return dailyAt(ev, start, k + 1);
    }
    UnitsOfTime every =
        switch (w) {
          case "daily", "day" -> UnitsOfTime.D;
          case "weekly", "week", "wk" -> UnitsOfTime.WK;
          case "monthly", "month" -> UnitsOfTime.MO;
          default -> null;
        };
    if (every != null) {
      return interval(1, null, every, start, k + 1); // "q weekly", "q day"
    }
    if (Vocabulary.DAYS.containsKey(w)) {
      setFrequency(1, null, 1, null, UnitsOfTime.WK, "WK", start, k + 1);
      pos = k;
      return days(k);
    }
    if (isW(k, "other") && isTimeUnit(k + 1)) {
      return interval(2, null, timeUnit(k + 1), start, k + 2);
    }
    return false;
  }

  /** Sets once every {@code q[0]} (to {@code q[1]}, NaN when no range) {@code unit}s. */
  private boolean interval(double[] q, UnitsOfTime unit, int start, int end) {
    return interval(q[0], Double.isNaN(q[1]) ? null : q[1], unit, start, end);
  }

  /**
   * Sets once every {@code every} (to {@code max}) {@code unit}s and moves past it to {@code end}.
   */
  private boolean interval(double every, Double max, UnitsOfTime unit, int start, int end) {
    setFrequency(
        1,
        null,
        every,
        max,
        unit,
        max == null ? TimingCodes.codeFor(1, every, unit) : null,
        start,
        end);
    pos = end;
    return true;
  }

  /**
   * Sets once a day at event {@code ev} ("q am", "every morning") and moves past it to {@code end}.
   */
  private boolean dailyAt(EventTiming ev, int start, int end) {
    setFrequency(1, null, 1, null, UnitsOfTime.D, TimingCodes.eventCode(ev), start, end);
    whenEvent(ev);
    pos = end;
    return true;
  }

  /** After "every"/"each": "every 4 to 6 hours", "every other day", "every morning", "each day". */
  private boolean every(int k) {
    int start = pos;
    // "each eye", "each nostril", "each ear": a site
    if (isW(pos, "each") && !isTimeUnit(k)) {
      int s = siteAt(pos, parsedSite);
      if (s > 0 && parsedSite[0].route != null) {
        setSite(parsedSite[0], pos, s);
        pos = s;
        return true;
      }
    }
    if (isW(k, "other") || isW(k, "second") || isW(k, "alternate")) {
      if (isTimeUnit(k + 1)) {
        return interval(2, null, timeUnit(k + 1), start, k + 2);
      }
      return false;
    }
    if (isNum(k) || isNumberWord(k)) {
      double[] q = new double[2];
      int e = quantity(k, q, false);
      if (e > 0 && isTimeUnit(e)) {
        return interval(q, timeUnit(e), start, e + 1);
      }
      return false;
    }
    if (isTimeUnit(k)) {
      return interval(1, null, timeUnit(k), start, k + 1);
    }
    String w = w(k);
    if (w == null) {
      return false;
    }
    EventTiming ev = Vocabulary.WHEN.get(w);
    if (ev != null && ev != EventTiming.C) {
      return dailyAt(ev, start, k + 1);
    }
    if (Vocabulary.DAYS.containsKey(w)) {
      setFrequency(1, null, 1, null, UnitsOfTime.WK, "WK", start, k + 1);
      return days(k);
    }
    if (Vocabulary.MEALS.containsKey(w)) {
      whenEvent(Vocabulary.MEALS.get(w)[0]);
      pos = k + 1;
      return true;
    }
    return false;
  }

  private boolean once() {
    int start = pos;
    int k = pos + 1;
    int e = periodPhrase(k, periodOut);
    if (e > 0) {
      return countPerPeriod(1, null, start, e);
    }
    if (isW(k, "nightly")) {
      return nightly(1, start, k + 1);
    }
    if (isW(k, "only")) {
      k++;
    }
    setCount(1, start, k);
    pos = k;
    return true;
  }

  /** After "x" or "*": "x10d", "x 2 wk", "x 8 doses", "x3 times", "x1". */
  private boolean timesLed(int k) {
    int start = pos;
    if (!(isNum(k) || isNumberWord(k))) {
      return false;
    }
    int british = britishDuration(k);
    if (british > 0) {
      pos = british;
      return true;
    }
    double[] q = new double[2];
    int e = quantity(k, q, false);
    if (e < 0) {
      return false;
    }
    if (courseUnit(e) != null) {
      int end = e + 1;
      if (isW(end, "more") || isW(end, "total")) {
        end++;
      }
      setBounds(q[0], courseUnit(e), start, end);
      pos = end;
      return true;
    }
    if (isW(e, "doses") || isW(e, "dose") || isW(e, "times") || isW(e, "time")) {
      setCount((int) q[0], start, e + 1);
      pos = e + 1;
      return true;
    }
    // a bare "x1" is one dose; a bare "x4" after an hourly or shorter interval counts doses
    boolean subDaily = cur.periodUnit == UnitsOfTime.H || cur.periodUnit == UnitsOfTime.MIN;
    if ((q[0] == 1 || subDaily) && Double.isNaN(q[1])) {
      setCount((int) q[0], start, e);
      pos = e;
      return true;
    }
    return false;
  }

  /**
   * "x 10/7", "for 2/52", "x 1/12": a course length in days, weeks or months as British and
   * Canadian prescribers write it (N/7 days, N/52 weeks, N/12 months); returns the index after it
   * or -1.
   */
  private int britishDuration(int k) {
    if (!isNum(k) || !isP(k + 1, '/') || !isNum(k + 2) || t.get(k + 2).spaceBefore) {
      return -1;
    }
    if (isTimeUnit(k + 3) || t.get(k).value != Math.rint(t.get(k).value)) {
      return -1;
    }
    double per = t.get(k + 2).value;
    UnitsOfTime unit =
        per == 7 ? UnitsOfTime.D : per == 52 ? UnitsOfTime.WK : per == 12 ? UnitsOfTime.MO : null;
    if (unit == null) {
      return -1;
    }
    setBounds(t.get(k).value, unit, k, k + 3);
    return k + 3;
  }

  /** After "for": a course length ("for 10 days"), a count ("for 3 doses") or a reason. */
  private boolean forLed(int k) {
    int start = pos;
    int british = britishDuration(k);
    if (british > 0) {
      pos = british;
      return true;
    }
    int j = k;
    int fixed = phrase(j, "up", "to");
    if (fixed > 0) {
      j = fixed;
    }
    if (isW(j, "the") && isW(j + 1, "next")) {
      j += 2;
    } else if (isW(j, "next") || isW(j, "another") || isW(j, "further")) {
      j++;
    } else if (isW(j, "a") && isW(j + 1, "further")) {
      j += 2;
    } else if (isW(j, "a") && isW(j + 1, "total") && isW(j + 2, "of")) {
      j += 3;
    }
    double[] q = new double[2];
    int e = -1;
    if (isNum(j) || isNumberWord(j)) {
      e = quantity(j, q, false);
    } else if ((isW(j, "a") || isW(j, "an")) && isTimeUnit(j + 1)) {
      q[0] = 1;
      e = j + 1;
    }
    if (e > 0) {
      if (courseUnit(e) != null) {
        int end = e + 1;
        if (isW(end, "more") || isW(end, "total") || isW(end, "only")) {
          end++;
        }
        setBounds(q[0], courseUnit(e), start, end);
        pos = end;
        return true;
      }
      if (isW(e, "doses")
          || isW(e, "dose")
          || isW(e, "times")
          || isW(e, "cycles")
          || isW(e, "cycle")
          || isW(e, "time")) {
        setCount((int) q[0], start, e + 1);
        pos = e + 1;
        return true;
      }
      return false;
    }
    if (phrase(k, "external", "use") > 0 || phrase(k, "topical", "use") > 0) {
      return adviceClause();
    }
    // "for pain": the reason for as-needed use, or an indication
    int r = reasonEnd(k, false);
    if (r <= k) {
      return false;
    }
    String reason = text(k, r);
    if (cur.asNeeded && cur.asNeededFor == null) {
      cur.asNeededFor = reason;
    } else if (cur.indication == null) {
      cur.indication = reason;
    } else {
      return false;
    }
    pos = r;
    return true;
  }

  private boolean during() {
    int k = pos + 1;
    if (isW(k, "the") && isW(k + 1, "next")) {
      k += 2;
    }
    double[] q = new double[2];
    int e = quantity(k, q, false);
    if (e > 0 && isTimeUnit(e)) {
      setBounds(q[0], timeUnit(e), pos, e + 1);
      pos = e + 1;
      return true;
    }
    return false;
  }

  /** "over 30 minutes", "over 2-5 minutes": how long one administration takes. */
  private boolean over() {
    int k = pos + 1;
    if (isW(k, "the") && isW(k + 1, "next")) {
      double[] q = new double[2];
      int e = quantity(k + 2, q, false);
      if (e > 0 && isTimeUnit(e)) {
        setBounds(q[0], timeUnit(e), pos, e + 1);
        pos = e + 1;
        return true;
      }
      return false;
    }
    double[] q = new double[2];
    int e = quantity(k, q, false);
    if (e > 0 && isTimeUnit(e)) {
      cur.adminDuration = q[0];
      cur.adminDurationMax = Double.isNaN(q[1]) ? null : q[1];
      cur.adminDurationUnit = timeUnit(e);
      pos = e + 1;
      return true;
    }
    return preposition();
  }

  private void setBounds(double value, UnitsOfTime unit, int start, int end) {
    if (cur.boundsValue != null) {
      if (cur.boundsValue == value && cur.boundsUnit == unit) {
        return;
      }
      throw new UnparseableSigException(
          sig, t.get(start).start, t.get(end - 1).end, "a second course length");
    }
    cur.boundsValue = value;
    cur.boundsUnit = unit;
  }

  private void setCount(int count, int start, int end) {
    if (cur.count != null && cur.count != count) {
      throw new UnparseableSigException(
          sig, t.get(start).start, t.get(end - 1).end, "a second dose count");
    }
    cur.count = count;
  }

  /** "up to 4 times a day" (frequency range), "up to 8 tablets a day" (maximum). */
  private boolean upTo(int k) {
    double[] q = new double[2];
    int e = quantity(k, q, false);
    if (e < 0) {
      return false;
    }
    if (isW(e, "times") || isW(e, "time")) {
      int p = periodPhrase(e + 1, periodOut);
      if (p > 0) {
        setFrequency(1, (int) q[0], periodOut[0], null, unitOut[0], null, pos, p);
        pos = p;
        return true;
      }
      return false;
    }
    return max(pos);
  }

  // ---------------------------------------------------------------- maximum dose

  /** Index after a maximum lead ("max", "do not exceed", "to a maximum of"), or -1. */
  private int maxLead(int i) {
    String w = w(i);
    if (w == null) {
      return -1;
    }
    int j;
    switch (w) {
      case "max", "maximum", "nte", "mdd" -> {
        j = i + 1;
        if (isP(j, '.')) {
          j++;
        }
        if (isW(j, "daily") && isW(j + 1, "dose")) {
          j += 2;
        } else if (isW(j, "dose")) {
          j++;
        }
        if (isW(j, "of")) {
          j++;
        }
        return j;
      }
      case "do" -> {
        j = phrase(i, "do", "not", "exceed");
      }
      case "dont" -> {
        j = phrase(i, "dont", "exceed");
      }
      case "not" -> {
        j = phrase(i, "not", "to", "exceed");
        if (j < 0) {
          j = phrase(i, "not", "more", "than");
        }
        if (j < 0) {
          j = phrase(i, "not", "exceeding");
        }
      }
      case "no" -> {
        j = phrase(i, "no", "more", "than");
      }
      case "to" -> {
        j = phrase(i, "to", "a", "maximum", "of");
        if (j < 0) {
          j = phrase(i, "to", "a", "max", "of");
        }
        if (j < 0) {
          j = phrase(i, "to", "max");
        }
        if (j < 0 && isW(i + 1, "a") && isW(i + 3, "of")) {
          String fixed = w(i + 2) == null ? null : TypoCorrector.correct(w(i + 2));
          if ("maximum".equals(fixed)) {
            j = i + 4;
          }
        }
      }
      case "at" -> {
        j = phrase(i, "at", "most");
      }
      default -> {
        return -1;
      }
    }
    if (j > 0 && isW(j, "more") && isW(j + 1, "than")) {
      j += 2;
    }
    return j;
  }

  private boolean max(int i) {
    int start = i;
    boolean daily = isW(i, "mdd") || (isW(i + 1, "daily") && isW(i + 2, "dose"));
    int j = maxLead(i);
    if (j < 0) {
      j = phrase(i, "up", "to");
    }
    if (j < 0) {
      return false;
    }
    if (isP(j, ':') || isP(j, '=')) {
      j++;
    }
    double[] q = new double[2];
    int e;
    if (isNum(j) && isP(j + 1, '/') && periodPhrase(j + 1, null) > 0) {
      // "max 8/24h": a count over a period, not the fraction 8/24
      q[0] = t.get(j).value;
      q[1] = Double.NaN;
      e = j + 1;
    } else {
      e = quantity(j, q, false);
    }
    if (e < 0) {
      return false;
    }
    double value = Double.isNaN(q[1]) ? q[0] : q[1];
    DoseUnit unit = unitAt(e);
    boolean inDoses = false;
    if (unit == DoseUnit.DOSE) {
      inDoses = true;
      unit = null;
      e++;
    } else if (unit != null) {
      unitNote(e);
      e = unitEnd(e, unit);
    }
    double per = 1;
    UnitsOfTime perUnit = null;
    int p = periodPhrase(e, periodOut);
    if (p < 0 && (isW(e, "in") || isW(e, "per") || isW(e, "every"))) {
      p = periodPhrase(e, periodOut);
    }
    if (p > 0) {
      per = periodOut[0];
      perUnit = unitOut[0];
      e = p;
    } else if (daily) {
      perUnit = UnitsOfTime.D;
    } else {
      // "max 3 doses": no period to structure, so it is kept word for word
      advice(start, e);
      pos = e;
      return true;
    }
    cur.maxValue = value;
    cur.maxUnit = unit;
    cur.maxInDoses = inDoses;
    cur.maxPer = per;
    cur.maxPerUnit = perUnit;
    pos = e;
    return true;
  }

  // ---------------------------------------------------------------- dispense

  private boolean dispense(int k) {
    while (isP(k, ':') || isP(k, '#') || isP(k, '.') || isP(k, '=')) {
      k++;
    }
    if (!isNum(k)) {
      return false;
    }
    double value = t.get(k).value;
    int e = k + 1;
    DoseUnit u = unitAt(e);
    if (u != null) {
      e = unitEnd(e, u);
    } else if (isW(e, "day") || isW(e, "days")) {
      return false;
    }
    if (dispense != null && dispense != value) {
      throw new UnparseableSigException(
          sig, t.get(pos).start, t.get(e - 1).end, "a second dispense quantity");
    }
    dispense = value;
    pos = e;
    // "#90 (90 days)": the days the quantity lasts, not a course length
    if (isP(e, '(') && isNum(e + 1) && (isW(e + 2, "days") || isW(e + 2, "day"))) {
      int close = isW(e + 3, "supply") ? e + 4 : e + 3;
      if (isP(close, ')')) {
        note(
            "DaysSupply",
            new SigNote(
                "DaysSupply",
                "The dispense quantity is written to last " + text(e + 1, e + 3),
                SigNote.INFO));
        pos = close + 1;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- as needed

  /** Index after "as needed", "as required", "when required", "if needed", ...; or -1. */
  private int prnPhrase(int i) {
    String w = w(i);
    if (w == null) {
      return -1;
    }
    if (w.equals("prn")) {
      return i + 1;
    }
    if (w.equals("as") || w.equals("when") || w.equals("if")) {
      String next = w(i + 1);
      if ("needed".equals(next)
          || "required".equals(next)
          || "necessary".equals(next)
          || "need".equals(next)
          || "req".equals(next)
          || "reqd".equals(next)) {
        return i + 2;
      }
    }
    return -1;
  }

  private boolean prn(int k) {
    cur.asNeeded = true;
    int j = k;
    // connector: "prn for pain", "prn if pain", "as needed due to pain"
    int c = -1;
    String w = w(j);
    if (w != null) {
      switch (w) {
        case "for", "if", "when", "upon", "to", "with", "in", "of" -> {
          c = j + 1;
        }
        case "due" -> {
          c = isW(j + 1, "to") ? j + 2 : -1;
        }
        default -> {}
      }
    }
    if (c > 0 && !(isNum(c) || (w.equals("for") && (isNumberWord(c) || isW(c, "a"))))) {
      int r = reasonEnd(c, true);
      if (r > c) {
        cur.asNeededFor = condition(text(c, r));
        pos = r;
        return true;
      }
    }
    int r = reasonEnd(j, true);
    if (r > j) {
      cur.asNeededFor = condition(text(j, r));
      pos = r;
      return true;
    }
    if (cur.asNeededFor == null && cur.indication != null) {
      cur.asNeededFor = cur.indication;
      cur.indication = null;
    }
    pos = k;
    return true;
  }

  /** "when dizzy", "if itchy", "when pain": as needed, with the condition as the reason. */
  private boolean condition(int k) {
    int r = reasonEnd(k, false);
    if (r <= k || r - k > 4) {
      return false;
    }
    cur.asNeeded = true;
    cur.asNeededFor = condition(text(k, r));
    pos = r;
    return true;
  }

  private static String condition(String reason) {
    String noun = Vocabulary.CONDITIONS.get(reason);
    return noun == null ? reason : noun;
  }

  /**
   * The end of a reason that starts at {@code k}: words up to the next component a sig cannot have
   * inside an indication (a frequency, a meal or clock time, a route abbreviation, a course length,
   * a maximum, a separator, a verb, advice). {@code prn} reasons may carry a body site ("pain at
   * abdomen"); conditions ("when dizzy") stop at a site preposition.
   */
  private int reasonEnd(int k, boolean prn) {
    int j = k;
    int words = 0;
    while (j < n && words < MAX_REASON_WORDS) {
      Token tk = t.get(j);
      if (tk.isPunct()) {
        char c = tk.text.charAt(0);
        if ((c == '/' || c == '-')
            && j > k
            && j + 1 < n
            && t.get(j + 1).isWord()
            && !isReasonStop(j + 1, prn)) {
          j++;
          continue;
        }
        if (c == ','
            && prn
            && j > k
            && j + 1 < n
            && t.get(j + 1).isWord()
            && !isReasonStop(j + 1, prn)
            && !startsNewPart(j + 1)
            && !Vocabulary.KNOWN.contains(w(j + 1))) {
          j++;
          continue;
        }
        break;
      }
      if (!tk.isWord() || isReasonStop(j, prn)) {
        break;
      }
      j++;
      words++;
    }
    // a reason never ends in a connector
    while (j > k && (isW(j - 1, "or") || isW(j - 1, "and") || isW(j - 1, "of"))) {
      j--;
    }
    return j;
  }

  private boolean isReasonStop(int j, boolean prn) {
    String w = w(j);
    if (w == null) {
      return true;
    }
    if ((w.equals("or") || w.equals("and")) && (isNum(j + 1) || startsNewPart(j + 1))) {
      return true;
    }
    if (thenPhrase(j) > 0 || prnPhrase(j) > 0 || maxLead(j) > 0 || adviceLead(j) > 0) {
      return true;
    }
    if (w.equals("up") && isW(j + 1, "to")) {
      return true;
    }
    switch (w) {
      case "po",
          "pr",
          "pv",
          "sl",
          "im",
          "iv",
          "sc",
          "sq",
          "subq",
          "subcut",
          "top",
          "td",
          "inh",
          "neb",
          "q",
          "every",
          "each",
          "once",
          "twice",
          "thrice",
          "x",
          "daily",
          "nightly",
          "weekly",
          "monthly",
          "hourly",
          "ac",
          "pc",
          "hs",
          "am",
          "pm",
          "morning",
          "evening",
          "bedtime",
          "before",
          "after",
          "until",
          "from",
          "stat",
          "ud",
          "then",
          "disp",
          "dispense",
          "qty",
          "mitte",
          "od",
          "ou",
          "os",
          "au" -> {
        return true;
      }
      case "for" -> {
        return isNum(j + 1) || isNumberWord(j + 1) || isW(j + 1, "a") || isW(j + 1, "the");
      }
      case "at" -> {
        return atIsTiming(j + 1);
      }
      case "with" -> {
        return withIsTiming(j + 1);
      }
      case "in" -> {
        return phrase(j, "in", "the", "morning") > 0
            || phrase(j, "in", "the", "evening") > 0
            || phrase(j, "in", "the", "afternoon") > 0
            || phrase(j, "in", "morning") > 0
            || phrase(j, "in", "each") > 0
            || phrase(j, "in", "both") > 0;
      }
      case "to", "into", "on", "onto" -> {
        if (!prn) {
          return true;
        }
        return siteAt(j + 1, null) > 0 || isW(j + 1, "a") || isW(j + 1, "max");
      }
      case "by", "per", "via" -> {
        return phrase(j, "by", "mouth") > 0
            || phrase(j, "per", "os") > 0
            || phrase(j, "per", "rectum") > 0
            || (w.equals("per") && periodPhrase(j, null) > 0)
            || w.equals("via");
      }
      default -> {}
    }
    if (Vocabulary.FREQS.containsKey(w)
        || Vocabulary.VERBS.containsKey(w)
        || (Vocabulary.DAYS.containsKey(w) && w.length() > 3)) {
      return true;
    }
    if (!prn && (w.equals("t") || w.equals("tk"))) {
      return true;
    }
    return false;
  }

  private boolean atIsTiming(int i) {
    if (isNum(i)) {
      return true;
    }
    String w = w(i);
    if (w == null) {
      return false;
    }
    return w.equals("bedtime")
        || w.equals("night")
        || w.equals("noon")
        || w.equals("hs")
        || w.equals("wake")
        || w.equals("waking")
        || Vocabulary.MEALS.containsKey(w);
  }

  private boolean withIsTiming(int i) {
    String w = w(i);
    if (w == null) {
      return false;
    }
    if (w.equals("a") || w.equals("each") || w.equals("every")) {
      w = w(i + 1);
    }
    return w != null && Vocabulary.MEALS.containsKey(w);
  }

  // ---------------------------------------------------------------- when, clock times, days

  private void whenEvent(EventTiming ev) {
    cur.addWhen(ev);
  }

  /** A meal or time-of-day word: "hs", "morning", "breakfast", "ac", "with meals" words. */
  private boolean when() {
    String w = w(pos);
    if (w.equals("am") || w.equals("pm")) {
      EventTiming ev = w.equals("am") ? EventTiming.MORN : EventTiming.EVE;
      whenEvent(ev);
      pos++;
      return true;
    }
    if (w.equals("ac") || w.equals("pc")) {
      return mealRelation();
    }
    EventTiming[] meal = Vocabulary.MEALS.get(w);
    if (meal != null) {
      // a bare meal list: "breakfast lunch dinner" (with), maybe followed by "ac"/"pc"
      if (mealListEnd != pos) {
        mealListStart = cur.when == null ? 0 : cur.when.size();
      }
      whenEvent(meal[0]);
      pos++;
      while (isP(pos, ',') && w(pos + 1) != null && Vocabulary.MEALS.containsKey(w(pos + 1))) {
        pos++;
      }
      mealListEnd = pos;
      if (isW(pos, "time") || isW(pos, "times")) {
        pos++;
      }
      return true;
    }
    EventTiming ev = Vocabulary.WHEN.get(w);
    if (ev == null) {
      return false;
    }
    return eventWord(ev, pos);
  }

  /** Reads the event word at {@code i}, with "time" after "night" ("night time") as part of it. */
  private boolean eventWord(EventTiming ev, int i) {
    int end = i + 1;
    if (ev == EventTiming.NIGHT && isW(end, "time")) {
      end++;
    }
    whenEvent(ev);
    pos = end;
    return true;
  }

  /** "before meals", "after breakfast and dinner", "ac", "pc breakfast lunch", "breakfast ac". */
  private boolean mealRelation() {
    String w = w(pos);
    int rel = w.equals("before") || w.equals("ac") ? 1 : 2;
    int k = pos + 1;
    boolean abbrev = w.equals("ac") || w.equals("pc");
    // "breakfast lunch ac": the relation follows the list
    if (abbrev && mealListEnd == pos && cur.when != null) {
      for (int i = mealListStart; i < cur.when.size(); i++) {
        cur.when.set(i, relate(cur.when.get(i), rel));
      }
      pos++;
      return true;
    }
    if (!abbrev && (isW(k, "bed") || isW(k, "bedtime") || isW(k, "sleep") || isW(k, "sleeping"))) {
      if (rel == 1) {
        whenEvent(EventTiming.HS);
        pos = k + 1;
        return true;
      }
      return eventClause();
    }
    if (!abbrev && (isW(k, "waking") || isW(k, "wake"))) {
      whenEvent(EventTiming.WAKE);
      pos = k + 1;
      return true;
    }
    int added = 0;
    int j = k;
    while (j < n) {
      int m = j;
      if (isW(m, "each") || isW(m, "every") || isW(m, "a") || isW(m, "the") || isW(m, "your")) {
        m++;
      }
      EventTiming[] meal = w(m) == null ? null : Vocabulary.MEALS.get(w(m));
      if (meal == null) {
        break;
      }
      whenEvent(meal[rel]);
      added++;
      j = m + 1;
      if (isW(j, "time") || isW(j, "times")) {
        j++;
      }
      if ((isP(j, ',') || isW(j, "and") || isP(j, '&') || isP(j, '/') || isW(j, "or"))
          && w(j + 1) != null
          && (Vocabulary.MEALS.containsKey(w(j + 1))
              || ((isW(j + 1, "each") || isW(j + 1, "a"))
                  && w(j + 2) != null
                  && Vocabulary.MEALS.containsKey(w(j + 2))))) {
        j++;
      }
    }
    if (added > 0) {
      pos = j;
      return true;
    }
    if (abbrev) {
      whenEvent(rel == 1 ? EventTiming.AC : EventTiming.PC);
      pos++;
      return true;
    }
    return eventClause();
  }

  private static EventTiming relate(EventTiming with, int rel) {
    for (EventTiming[] meal : Vocabulary.MEALS.values()) {
      if (meal[0] == with) {
        return meal[rel];
      }
    }
    return with;
  }

  /** "after showering", "before sun exposure", "after each bowel movement": kept as advice. */
  private boolean eventClause() {
    int k = pos + 1;
    if (isW(k, "each") || isW(k, "every") || isW(k, "the") || isW(k, "a")) {
      k++;
    }
    String first = w(k);
    if (first == null
        || (Vocabulary.KNOWN.contains(first) && !Vocabulary.ADVICE_WORDS.contains(first))) {
      return false; // "after at", "before or": not an event
    }
    int r = reasonEnd(k, false);
    if (r <= k) {
      return false;
    }
    advice(pos, r);
    pos = r;
    return true;
  }

  /** After "at" or "@": clock times, "bedtime", "night", "noon", a meal, or a body site. */
  private boolean atLed(int k) {
    if (isNum(k)) {
      int e = clockTimes(k);
      if (e > 0) {
        pos = e;
        return true;
      }
      return false;
    }
    String w = w(k);
    if (w == null) {
      return false;
    }
    if (isP(pos, '@') && (w.equals("m") || Vocabulary.MEALS.containsKey(w))) {
      EventTiming[] meal = w.equals("m") ? Vocabulary.MEALS.get("meals") : Vocabulary.MEALS.get(w);
      whenEvent(meal[0]);
      pos = k + 1;
      return true;
    }
    int j = maxLead(pos);
    if (j > 0) {
      return max(pos);
    }
    if (w.equals("the") && isW(k + 1, "same")) {
      return adviceClause(); // "at the same time each day"
    }
    if (w.equals("once")) {
      cur.immediate = true; // "two tablets at once"
      pos = k + 1;
      return true;
    }
    if (w.equals("the")) {
      k++;
      w = w(k);
      if (w == null) {
        return false;
      }
    }
    EventTiming ev = Vocabulary.WHEN.get(w);
    if (ev != null && !w.equals("c") && !w.equals("cc")) {
      return eventWord(ev, k);
    }
    EventTiming[] meal = Vocabulary.MEALS.get(w);
    if (meal != null) {
      int save = pos;
      pos = k;
      boolean ok = when();
      if (!ok) {
        pos = save;
      }
      return ok;
    }
    return siteFrom(k);
  }

  /**
   * Clock times from {@code i}: "8:00", "9 am", "10:30 pm", "14.00", in a list ("9:00, 12:00 and
   * 18:00"). Returns the index after the list, or -1 when {@code i} is not a clock time.
   */
  private int clockTimes(int i) {
    int j = i;
    int count = 0;
    while (true) {
      int e = clockTime(j);
      if (e < 0) {
        break;
      }
      count++;
      j = e;
      int next = j;
      if (isP(next, ',') || isW(next, "and") || isP(next, '&')) {
        next++;
        if (isW(next, "at") || isP(next, '@')) {
          next++;
        }
        if (clockTime(next) > 0) {
          j = next;
          continue;
        }
      } else if (clockTime(next) > 0) {
        continue;
      }
      break;
    }
    return count == 0 ? -1 : j;
  }

  private int clockTime(int i) {
    if (!isNum(i)) {
      return -1;
    }
    Token h = t.get(i);
    int hour;
    int minute = 0;
    int j = i + 1;
    if (h.text.indexOf('.') > 0 && h.text.length() - h.text.indexOf('.') == 3) {
      // "14.00", "16.30"
      hour = (int) h.value;
      minute = (int) Math.round((h.value - hour) * 100);
    } else if (h.text.length() == 4 && h.text.chars().allMatch(Character::isDigit)) {
      // "0800", "2000h": the 24-hour clock as hospital charts write it
      hour = (int) h.value / 100;
      minute = (int) h.value % 100;
      if (isW(j, "h") || isW(j, "hr") || isW(j, "hrs")) {
        j++;
      }
    } else if (h.value == Math.rint(h.value)) {
      hour = (int) h.value;
      if (isP(j, ':') && isNum(j + 1) && t.get(j + 1).text.length() == 2) {
        minute = (int) t.get(j + 1).value;
        j += 2;
      } else if (!(isW(j, "am") || isW(j, "pm"))) {
        return -1;
      }
    } else {
      return -1;
    }
    if (isW(j, "am")) {
      if (hour == 12) {
        hour = 0;
      }
      j++;
    } else if (isW(j, "pm")) {
      if (hour < 12) {
        hour += 12;
      }
      j++;
    }
    if (hour > 23 || minute > 59) {
      return -1;
    }
    cur.addTime(String.format(Locale.ROOT, "%02d:%02d:00", hour, minute));
    return j;
  }

  /** Days of the week: "mon-fri", "monday and friday", "sat/sun", "tuesday to thursday". */
  private boolean days(int i) {
    int j = i;
    DayOfWeek first = Vocabulary.DAYS.get(w(j));
    if (first == null) {
      return false;
    }
    j++;
    while (true) {
      if ((isP(j, '-') || isW(j, "to") || isW(j, "through") || isW(j, "thru"))
          && w(j + 1) != null
          && Vocabulary.DAYS.containsKey(w(j + 1))) {
        addDays(first, Vocabulary.DAYS.get(w(j + 1)));
        j += 2;
      } else {
        cur.addDay(first);
      }
      if ((isP(j, ',') || isW(j, "and") || isP(j, '&') || isP(j, '/') || isW(j, "or"))
          && w(j + 1) != null
          && Vocabulary.DAYS.containsKey(w(j + 1))) {
        first = Vocabulary.DAYS.get(w(j + 1));
        j += 2;
        continue;
      }
      if (w(j) != null && Vocabulary.DAYS.containsKey(w(j))) {
        first = Vocabulary.DAYS.get(w(j));
        j++;
        continue;
      }
      break;
    }
    // "on Monday of each week"
    int e = phrase(j, "of", "each", "week");
    if (e < 0) {
      e = phrase(j, "of", "every", "week");
    }
    if (e > 0) {
      j = e;
    }
    pos = j;
    return true;
  }

  private void addDays(DayOfWeek from, DayOfWeek to) {
    int a = WEEK.indexOf(from);
    int b = WEEK.indexOf(to);
    for (int i = 0; i < 7; i++) {
      int d = (a + i) % 7;
      cur.addDay(WEEK.get(d));
      if (d == b) {
        break;
      }
    }
  }

  /** "daily except Sunday": every day of the week but those named. */
  private boolean exceptDays() {
    String next = w(pos + 1);
    if (next == null || !Vocabulary.DAYS.containsKey(next)) {
      return false;
    }
    List<DayOfWeek> before = cur.days;
    cur.days = null;
    days(pos + 1);
    List<DayOfWeek> excluded = cur.days;
    cur.days = null;
    for (DayOfWeek d : WEEK) {
      if (!excluded.contains(d) && (before == null || before.contains(d))) {
        cur.addDay(d);
      }
    }
    return true;
  }

  /**
   * "refills: 2", "repeat x2", "no refills": the refills of the prescription, not a direction; kept
   * as an info note so that nothing the sig says is lost.
   */
  private boolean refills(int k) {
    while (isP(k, ':') || isP(k, '#') || isP(k, '=') || isW(k, "x") || isP(k, '*')) {
      k++;
    }
    double[] q = new double[2];
    int e = isNum(k) || isNumberWord(k) ? quantity(k, q, false) : -1;
    if (e < 0) {
      return false;
    }
    if (isW(e, "times") || isW(e, "time")) {
      e++;
    }
    String written = text(pos, e);
    note(
        "Refills",
        new SigNote(
            "Refills", "Refills (" + written + ") belong to the prescription", SigNote.INFO));
    pos = e;
    return true;
  }

  // ---------------------------------------------------------------- sites and prepositions

  private final Site[] parsedSite = new Site[1];

  /** After a preposition: a time of day, a route, an eye or ear, a body site, or days. */
  private boolean preposition() {
    String w = w(pos);
    int k = pos + 1;
    if (w.equals("in") || w.equals("on") || w.equals("upon")) {
      int j = k;
      if (isW(j, "the")) {
        j++;
      }
      String next = w(j);
      if (next != null) {
        EventTiming ev = Vocabulary.WHEN.get(next);
        if (ev != null
            && (ev == EventTiming.MORN
                || ev == EventTiming.EVE
                || ev == EventTiming.AFT
                || ev == EventTiming.NIGHT
                || ev == EventTiming.WAKE)
            && !next.equals("am")
            && !next.equals("pm")) {
          whenEvent(ev);
          pos = j + 1;
          return true;
        }
        if ((next.equals("am") || next.equals("pm")) && (isW(k, "the") || w.equals("in"))) {
          whenEvent(next.equals("am") ? EventTiming.MORN : EventTiming.EVE);
          pos = j + 1;
          return true;
        }
      }
    }
    if (w.equals("in") || w.equals("into")) {
      int mixed = vehicleEnd(k);
      if (mixed > 0) {
        advice(pos, mixed); // "in 250 mL water", "in a glass of juice": what to mix it in
        pos = mixed;
        return true;
      }
    }
    if (w.equals("on")) {
      int e = phrase(k, "the", "first", "day");
      if (e < 0) {
        e = phrase(k, "day", "one");
      }
      if (e > 0) {
        setBounds(1, UnitsOfTime.D, pos, e); // "2 tablets on the first day, then ..."
        pos = e;
        return true;
      }
    }
    if (w.equals("on") && (isW(k, "day") || isW(k, "days")) && isNum(k + 1)) {
      // "on day 1", "on days 2 through 5": a course length in days
      int e = k + 2;
      double days = 1;
      if ((isP(e, '-') || isW(e, "to") || isW(e, "through") || isW(e, "thru")) && isNum(e + 1)) {
        days = t.get(e + 1).value - t.get(k + 1).value + 1;
        e += 2;
      }
      if (days < 1) {
        return false;
      }
      setBounds(days, UnitsOfTime.D, pos, e);
      pos = e;
      return true;
    }
    if ((w.equals("on") || w.equals("at")) && isW(k, "the") && isW(k + 1, "same")) {
      return adviceClause(); // "at the same time each day"
    }
    if (w.equals("on") || w.equals("upon")) {
      if (w(k) != null && Vocabulary.DAYS.containsKey(w(k))) {
        return days(k);
      }
      if (isW(k, "weekdays") || isW(k, "weekends") || isW(k, "weekend") || isW(k, "weekday")) {
        pos = k;
        return wordComponent(w(k));
      }
      if (isW(k, "alternate") && isW(k + 1, "days")) {
        setFrequency(1, null, 2, null, UnitsOfTime.D, "QOD", pos, k + 2);
        pos = k + 2;
        return true;
      }
      if (phrase(k, "an", "empty", "stomach") > 0 || phrase(k, "empty", "stomach") > 0) {
        int e = phrase(k, "an", "empty", "stomach");
        if (e < 0) {
          e = phrase(k, "empty", "stomach");
        }
        advice(pos, e);
        pos = e;
        return true;
      }
    }
    if (w.equals("under")) {
      int j = k;
      if (isW(j, "the")) {
        j++;
      }
      if (isW(j, "tongue")) {
        return routeThrough(Route.SUBLINGUAL, j + 1);
      }
      if (isW(j, "skin")) {
        return routeThrough(Route.SUBCUTANEOUS, j + 1);
      }
    }
    if (w.equals("to")) {
      int j = maxLead(pos);
      if (j > 0) {
        return max(pos);
      }
    }
    if (w.equals("in") || w.equals("into") || w.equals("to")) {
      int j = k;
      if (isW(j, "the")) {
        j++;
      }
      if (isW(j, "rectum") || isW(j, "anus")) {
        return routeThrough(Route.RECTAL, j + 1);
      }
      if (isW(j, "vagina")) {
        return routeThrough(Route.VAGINAL, j + 1);
      }
      if (isW(j, "muscle")) {
        return routeThrough(Route.INTRAMUSCULAR, j + 1);
      }
      if (isW(j, "vein")) {
        return routeThrough(Route.INTRAVENOUS, j + 1);
      }
    }
    int s = siteAt(k, parsedSite);
    if (s > 0) {
      Site site = parsedSite[0];
      if (site.skin
          && !w.equals("to")
          && !w.equals("on")
          && !w.equals("onto")
          && !w.equals("in")
          && !w.equals("into")
          && !w.equals("at")) {
        // "around nostrils", "behind left ear", "below ear": skin near an organ
        site = Site.skin(text(pos, s));
      } else if (!site.skin && isRelational(w)) {
        site = Site.skin(text(pos, s));
      } else if (w.equals("inside") && site.route != null) {
        site = site.withText(text(pos + 1, s), "inside the " + text(pos + 1, s));
      }
      setSite(site, pos, s);
      pos = s;
      return true;
    }
    return false;
  }

  /** The index after a drink or food to mix a dose in ("250 mL water", "a glass of juice"). */
  private int vehicleEnd(int k) {
    for (int j = k; j < n && j < k + 6; j++) {
      String w = w(j);
      if (w == null) {
        if (isNum(j) || isP(j, '-')) {
          continue;
        }
        return -1;
      }
      switch (w) {
        case "water", "juice", "liquid", "fluid", "milk", "applesauce", "pudding", "beverage" -> {
          return j + 1;
        }
        case "a", "of", "glass", "cup", "full", "half", "ml", "oz", "ounces", "cold", "warm" -> {}
        default -> {
          return -1;
        }
      }
    }
    return -1;
  }

  private static boolean isRelational(String prep) {
    switch (prep) {
      case "around", "behind", "below", "under", "above", "near", "along" -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** A site written without a preposition: "left arm", "both ears", "right eye", "scalp". */
  private boolean bareSite() {
    return siteFrom(pos);
  }

  /** Reads a site from {@code i} as part of the component that began at {@link #pos}. */
  private boolean siteFrom(int i) {
    int s = siteAt(i, parsedSite);
    if (s > 0) {
      setSite(parsedSite[0], pos, s);
      pos = s;
      return true;
    }
    return false;
  }

  private void setSite(Site s, int start, int end) {
    if (cur.site != null) {
      if (cur.site.text.equals(s.text)) {
        return;
      }
      if (cur.hasDosingContent() && cur.doseLow != null && cur.hasTiming()) {
        cur = newPart(cur.sequence, start);
      } else {
        throw new UnparseableSigException(
            sig, t.get(start).start, t.get(end - 1).end, "a second site");
      }
    }
    cur.site = s;
  }

  /**
   * A body site at {@code i} (after any preposition): eye and ear abbreviations, "each eye", "left
   * ear", "each nostril", "affected area", "back of left hand", "scalp and forehead", "2nd toe".
   * Writes the site into {@code out[0]} (when not null) and returns the index after it, or -1.
   */
  private int siteAt(int i, Site[] out) {
    int j = i;
    if (isW(j, "the") || isW(j, "your") || isW(j, "a")) {
      j++;
    }
    String w = w(j);
    if (w == null) {
      if (isNum(j)
          && (isW(j + 1, "st") || isW(j + 1, "nd") || isW(j + 1, "rd") || isW(j + 1, "th"))) {
        w = "";
      } else {
        return -1;
      }
    }
    // abbreviations: "to OD", "in OU", "AU"
    if (w.equals("od")) {
      return found(out, Site.RIGHT_EYE, j + 1);
    }
    if (w.equals("ad")) {
      return found(out, Site.RIGHT_EAR, j + 1);
    }
    if (w.equals("as") && !isW(j + 1, "needed") && !isW(j + 1, "directed")) {
      return found(out, Site.LEFT_EAR, j + 1);
    }
    Site abbrev = Vocabulary.EYE_EAR.get(w);
    if (abbrev != null) {
      return found(out, abbrev, j + 1);
    }
    // laterality and the organ
    int k = j;
    String side = null;
    if (isW(k, "left")
        || isW(k, "right")
        || isW(k, "both")
        || isW(k, "each")
        || isW(k, "affected")
        || isW(k, "the")
        || (isW(k, "one") && (isW(k + 1, "nostril") || isW(k + 1, "eye") || isW(k + 1, "ear")))) {
      side = w(k);
      k++;
      if (isW(k, "affected")) {
        k++;
        side = side.equals("each") || side.equals("both") ? side : "affected";
      }
    }
    String organ = w(k);
    if (organ != null) {
      Site s = SiteNames.organ(side, organ);
      if (s != null) {
        int e = k + 1;
        if ((organ.equals("ear") || organ.equals("ears")) && isW(e, "canal")) {
          e++;
          s = s.withText(s.text + " canal", s.phrase + " canal");
        }
        if (isW(e, "and") && siteAt(e + 1, null) > 0 && !startsNewPart(e + 1)) {
          int e2 = siteAt(e + 1, parsedSite);
          Site s2 = parsedSite[0];
          if (s2.route == s.route && s.route != null && s.code != null) {
            Site both = SiteNames.combine(s, s2);
            if (both != null) {
              return found(out, both, e2);
            }
          }
          return found(out, Site.skin(text(j, e2)), e2);
        }
        return found(out, s, e);
      }
    }
    // a body-surface site: modifiers, nouns, "of"/"on"/"between" chains, "and" lists
    int e = skinPhrase(j);
    if (e > j) {
      String text = text(j, e);
      Site s = SiteNames.organText(text);
      return found(out, s, e);
    }
    return -1;
  }

  private static int found(Site[] out, Site s, int end) {
    if (out != null) {
      out[0] = s;
    }
    return end;
  }

  /** The end of a body-surface phrase starting at {@code j}, or {@code j} when there is none. */
  private int skinPhrase(int j) {
    int k = j;
    int nouns = 0;
    while (k < n) {
      String w = w(k);
      if (w == null) {
        // ordinal: "2nd toe"
        if (isNum(k)
            && (isW(k + 1, "st") || isW(k + 1, "nd") || isW(k + 1, "rd") || isW(k + 1, "th"))) {
          k += 2;
          continue;
        }
        if (isP(k, '-') && nouns == 0 && k > j) {
          k++;
          continue;
        }
        break;
      }
      if (Vocabulary.SITE_MODIFIERS.contains(w)) {
        if (nouns > 0) {
          break;
        }
        k++;
        continue;
      }
      if (Vocabulary.SKIN_NOUNS.contains(w) || (w.equals("vaginal") && isW(k + 1, "area"))) {
        if (w.equals("top") && !isW(k + 1, "of")) {
          break;
        }
        if ((w.equals("back")
                || w.equals("side")
                || w.equals("sides")
                || w.equals("front")
                || w.equals("bottom")
                || w.equals("tip")
                || w.equals("tips"))
            && !isW(k + 1, "of")) {
          if (nouns == 0 && !w.equals("back")) {
            break;
          }
        }
        nouns++;
        k++;
        // chains: "back of hand", "mole on scalp", "area between fingers"
        if ((isW(k, "of")
                || isW(k, "on")
                || isW(k, "between")
                || isW(k, "around")
                || isW(k, "near"))
            && skinPhrase(k + 1 + (isW(k + 1, "the") ? 1 : 0))
                > k + 1 + (isW(k + 1, "the") ? 1 : 0)) {
          int skip = isW(k + 1, "the") ? 2 : 1;
          k = skinPhrase(k + skip);
          continue;
        }
        // lists: "scalp and forehead"
        if ((isW(k, "and") || isP(k, ',') || isP(k, '&'))
            && w(k + 1) != null
            && (Vocabulary.SKIN_NOUNS.contains(w(k + 1))
                || Vocabulary.SITE_MODIFIERS.contains(w(k + 1)))
            && !startsNewPart(k + 1)
            && skinPhrase(k + 1) > k + 1) {
          k = skinPhrase(k + 1);
          continue;
        }
        continue;
      }
      if ((w.equals("between") || w.equals("around") || w.equals("behind"))
          && nouns == 0
          && k == j) {
        int e = skinPhrase(k + 1);
        if (e > k + 1) {
          return e;
        }
      }
      break;
    }
    if (nouns == 0) {
      return j;
    }
    return k;
  }

  private boolean earAbbreviation(Site ear) {
    if (isEarContext() || isDropsOutsideEye()) {
      setSite(ear, pos, pos + 1);
      pos++;
      return true;
    }
    return false;
  }

  /** "2 gtts AD": drops that are not for the eye, where AD and AS name an ear. */
  private boolean isDropsOutsideEye() {
    if (cur.unit != DoseUnit.DROP || (cur.route != null && cur.route != Route.OTIC)) {
      return false;
    }
    if (cur.site != null || cur.route == Route.OPHTHALMIC) {
      return false;
    }
    for (int i = cur.firstToken; i < n; i++) {
      if (i > pos && isPartBoundary(i)) {
        break;
      }
      String w = w(i);
      if (w != null
          && (w.equals("ou")
              || w.equals("os")
              || w.equals("eye")
              || w.equals("eyes")
              || w.startsWith("oph"))) {
        return false;
      }
    }
    return true;
  }

  private boolean isEarContext() {
    if (cur.site != null && cur.site.isEar()) {
      return true;
    }
    if (cur.route == Route.OTIC) {
      return true;
    }
    for (int i = cur.firstToken; i < n; i++) {
      String w = w(i);
      if (w == null) {
        if (isP(i, ',') || isP(i, ';') || isP(i, '/') || isP(i, '+') || isP(i, '|')) {
          if (i > pos) {
            break;
          }
        }
        continue;
      }
      if (i > pos && thenPhrase(i) > 0) {
        break;
      }
      if (w.equals("otic") || w.equals("ear") || w.equals("ears") || w.equals("au")) {
        return true;
      }
    }
    return false;
  }

  /** "od": once daily, or the right eye when the part is about eye drops. */
  private boolean od() {
    boolean eye;
    if (cur.site != null) {
      eye = false;
    } else if (cur.hasFrequency()) {
      eye = true; // "1x3 OD": the frequency is already there
    } else if (siteLater()) {
      eye = false; // "1 drop od to left eye"
    } else {
      eye = isEyeContext();
    }
    if (eye) {
      setSite(Site.RIGHT_EYE, pos, pos + 1);
    } else {
      ismp(
          "od",
          "'od' for once daily is on ISMP Canada's Do Not Use list (mistaken for right eye);"
              + " write 'daily'");
      setFrequency(1, null, 1, null, UnitsOfTime.D, "QD", pos, pos + 1);
    }
    pos++;
    return true;
  }

  /** "ad": the right ear in an ear context, otherwise alternate days. */
  private boolean ad() {
    if (cur.site == null && (isEarContext() || isDropsOutsideEye())) {
      setSite(Site.RIGHT_EAR, pos, pos + 1);
    } else {
      note(
          "ad",
          new SigNote(
              "ErrorProneAbbreviation",
              "'ad' for alternate days is error-prone (mistaken for right ear); write 'every other"
                  + " day'",
              SigNote.WARNING));
      setFrequency(1, null, 2, null, UnitsOfTime.D, "QOD", pos, pos + 1);
    }
    pos++;
    return true;
  }

  /** Whether another site comes later in the current part. */
  private boolean siteLater() {
    for (int i = pos + 1; i < n; i++) {
      if (isPartBoundary(i)) {
        return false;
      }
      String w = w(i);
      if (w == null) {
        continue;
      }
      if (Vocabulary.EYE_EAR.containsKey(w)) {
        return true;
      }
      if ((w.equals("to") || w.equals("in") || w.equals("into") || w.equals("on"))
          && siteAt(i + 1, null) > 0) {
        return true;
      }
      if ((w.equals("left") || w.equals("right") || w.equals("both") || w.equals("each"))
          && siteAt(i, null) > 0) {
        return true;
      }
    }
    return false;
  }

  private boolean isPartBoundary(int i) {
    if (thenPhrase(i) > 0) {
      return true;
    }
    if (isP(i, ',') || isP(i, ';') || isP(i, '/') || isP(i, '+') || isP(i, '|') || isW(i, "and")) {
      return startsNewPart(i + 1);
    }
    return false;
  }

  private boolean isEyeContext() {
    if (cur.route != null && cur.route != Route.OPHTHALMIC && cur.route != Route.INTRAVITREAL) {
      return false; // "1 drop sc od": a route that is not the eye's
    }
    if (cur.unit == DoseUnit.DROP
        || cur.method == Method.INSTILL
        || cur.route == Route.OPHTHALMIC) {
      return true;
    }
    for (int i = cur.firstToken; i < n; i++) {
      if (i > pos && isPartBoundary(i)) {
        break;
      }
      String w = w(i);
      if (w == null) {
        continue;
      }
      switch (w) {
        case "gtt",
            "gtts",
            "drop",
            "drops",
            "ou",
            "os",
            "eye",
            "eyes",
            "ophthalmic",
            "oph",
            "ophth",
            "instill",
            "instil",
            "ivt",
            "intravitreal" -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- "of", drug names, articles

  private boolean ofLed() {
    int k = pos + 1;
    if (isW(k, "the") || isW(k, "a") || isW(k, "your")) {
      k++;
    }
    String w = w(k);
    if (w == null) {
      return false;
    }
    if (Vocabulary.FORMS.containsKey(w)) {
      pos = k;
      return form();
    }
    // "2 tabs of amoxicillin 500mg": a drug name
    int e = unknownRun(k);
    if (e > k) {
      setDrugName(k, e);
      pos = e;
      return true;
    }
    return false;
  }

  /** Unknown words at the start of a part, before the dose or verb: "cephalexin t1t". */
  private boolean drugNameAtStart() {
    boolean afterVerb =
        cur.method != null
            && drugName == null
            && pos > 0
            && w(pos - 1) != null
            && (Vocabulary.VERBS.containsKey(w(pos - 1)) || isW(pos - 1, "t"))
            && isNum(pos + 1);
    if (cur.hasDosingContent() || (cur.method != null && !afterVerb) || cur.form != null) {
      return false; // "take prednisone 50 mg daily" names the drug after the verb
    }
    // in verb position before a dose, a word one letter off a verb is that verb: "takr 1 tab"
    String verb = TypoCorrector.correctVerb(w(pos));
    if (verb != null && (isNum(pos + 1) || isNumberWord(pos + 1))) {
      note(
          "TypoCorrected:" + w(pos),
          new SigNote("TypoCorrected", "Read '" + w(pos) + "' as '" + verb + "'", SigNote.INFO));
      t.get(pos).text = verb;
      return verb(Vocabulary.VERBS.get(verb));
    }
    int e = unknownRun(pos);
    if (e <= pos) {
      return false;
    }
    // the drug name must be followed by the dose, a strength or a verb
    if (e < n) {
      Token next = t.get(e);
      String w = next.isWord() ? next.text : null;
      boolean ok =
          next.isNumber()
              || (w != null
                  && (Vocabulary.VERBS.containsKey(w)
                      || w.equals("t")
                      || w.equals("tk")
                      || Vocabulary.UNITS.containsKey(w)
                      || isNumberWord(e)));
      if (!ok) {
        return false;
      }
    } else {
      return false;
    }
    setDrugName(pos, e);
    pos = e;
    return true;
  }

  private int unknownRun(int k) {
    int e = k;
    int words = 0;
    while (e < n && words < 3) {
      Token tk = t.get(e);
      if (tk.isWord()
          && tk.text.length() >= 2
          && !Vocabulary.KNOWN.contains(tk.text)
          && isLatin(tk.text)
          && TypoCorrector.correct(tk.text) == null) {
        e++;
        words++;
        if (isP(e, '-')
            && e + 1 < n
            && t.get(e + 1).isWord()
            && !Vocabulary.KNOWN.contains(t.get(e + 1).text)) {
          e++;
        }
        continue;
      }
      break;
    }
    if (e > k && isP(e - 1, '-')) {
      e--;
    }
    return words == 0 ? k : e;
  }

  private static boolean isLatin(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  private void setDrugName(int start, int end) {
    String name = text(start, end);
    if (drugName != null && !drugName.equals(name)) {
      throw new UnparseableSigException(
          sig, t.get(start).start, t.get(end - 1).end, "a second drug name");
    }
    drugName = name;
    drugEnd = end;
  }

  private boolean article() {
    int k = pos + 1;
    // amounts in words: "a thin layer", "a small amount"
    int e = amountPhrase(pos);
    if (e > 0) {
      cur.amountText = text(pos, e);
      pos = e;
      if (isW(pos, "of")) {
        ofLed();
      }
      return true;
    }
    String w = w(k);
    if (w == null) {
      return false;
    }
    if (isW(pos, "the")
        && (Vocabulary.FORMS.containsKey(w)
            || Vocabulary.SKIN_NOUNS.contains(w)
            || Vocabulary.SITE_MODIFIERS.contains(w))) {
      int s = siteAt(pos, parsedSite);
      if (s > 0 && !Vocabulary.FORMS.containsKey(w)) {
        setSite(parsedSite[0], pos, s);
        pos = s;
        return true;
      }
      pos = k;
      return form();
    }
    if (isNumberWord(pos)) {
      return numberLed();
    }
    if ((isW(pos, "a") || isW(pos, "an")) && Vocabulary.UNITS.containsKey(w)) {
      dose(1, null, Vocabulary.UNITS.get(w), pos, k + 1);
      return true;
    }
    return false;
  }

  private int amountPhrase(int i) {
    int j = i;
    if (isW(j, "a") || isW(j, "an")) {
      j++;
    }
    int e = phrase(j, "thin", "layer");
    if (e < 0) {
      e = phrase(j, "thin", "film");
    }
    if (e < 0) {
      e = phrase(j, "small", "amount");
    }
    if (e < 0) {
      e = phrase(j, "generous", "amount");
    }
    if (e < 0) {
      e = phrase(j, "pea", "-", "sized", "amount");
    }
    if (e < 0) {
      e = phrase(j, "pea", "sized", "amount");
    }
    if (e < 0) {
      e = phrase(j, "layer");
    }
    return e;
  }

  // ---------------------------------------------------------------- advice

  /** Index after an advice lead ("do not", "may cause", "with water", ...), or -1. */
  private int adviceLead(int i) {
    String w = w(i);
    if (w == null) {
      return -1;
    }
    switch (w) {
      case "do", "dont" -> {
        return maxLead(i) > 0 ? -1 : i + 1;
      }
      case "swallow" -> {
        return isW(i + 1, "whole") ? i + 2 : -1;
      }
      case "rinse" -> {
        // "rinse mouth after use" after an inhaled steroid; "rinse with 15 mL" is a dose
        return isW(i + 1, "mouth") || (isW(i + 1, "your") && isW(i + 2, "mouth")) ? i + 1 : -1;
      }
      case "avoid",
          "caution",
          "shake",
          "keep",
          "store",
          "refrigerate",
          "discard",
          "protect",
          "slowly",
          "sparingly",
          "liberally",
          "thinly",
          "gently",
          "using",
          "leave",
          "allow",
          "wait",
          "continue",
          "stop",
          "discontinue",
          "adjust",
          "resume",
          "hold",
          "withhold",
          "remove",
          "wipe",
          "warning",
          "until",
          "till",
          "while",
          "must",
          "should",
          "empty",
          "whole",
          "call",
          "see",
          "remain",
          "stay",
          "reassess",
          "reevaluate",
          "monitor",
          "notify" -> {
        return i + 1;
      }
      case "may", "can", "might", "could", "will" -> {
        return isW(i + 1, "be")
                || isW(i + 1, "cause")
                || isW(i + 1, "repeat")
                || isW(i + 1, "drowsy")
                || isW(i + 1, "make")
                || isW(i + 1, "take")
                || isW(i + 1, "use")
                || isW(i + 1, "not")
            ? i + 1
            : -1;
      }
      case "no" -> {
        return isNum(i + 1) || maxLead(i) > 0 ? -1 : i + 1;
      }
      case "use" -> {
        return isW(i + 1, "caution") ? i + 2 : -1;
      }
      case "for" -> {
        return phrase(i, "for", "external", "use") > 0 ? i + 1 : -1;
      }
      case "external" -> {
        return isW(i + 1, "use") ? i + 1 : -1;
      }
      default -> {
        return -1;
      }
    }
  }

  /** Advice up to the end of its clause: "do not crush or chew", "may cause drowsiness". */
  private boolean adviceClause() {
    int start = pos;
    String w = w(pos);
    int end;
    if (w.equals("slowly")
        || w.equals("sparingly")
        || w.equals("liberally")
        || w.equals("thinly")
        || w.equals("gently")
        || w.equals("whole")) {
      end = pos + 1;
      if (w.equals("sparingly") || w.equals("liberally") || w.equals("thinly")) {
        cur.amountText = w;
        pos = end;
        return true;
      }
    } else {
      end = pos + 1;
      int depth = 0;
      while (end < n) {
        if (isP(end, '(')) {
          depth++;
        } else if (isP(end, ')') && depth > 0) {
          depth--;
        } else if (depth == 0 && (isClauseEnd(end) || startsDosingComponent(end))) {
          break;
        }
        end++;
      }
    }
    advice(start, end);
    pos = end;
    return true;
  }

  /**
   * Whether a frequency, an as-needed phrase or a course length in days or longer starts at {@code
   * i}: advice stops there, so "use caution bid" still reads bid.
   */
  private boolean startsDosingComponent(int i) {
    String w = w(i);
    if (w == null) {
      // advice is words; a dispense mark or stray symbol is not part of it
      return isP(i, '#')
          || isP(i, '*')
          || isP(i, '@')
          || isP(i, '+')
          || isP(i, '&')
          || isP(i, '{')
          || isP(i, '}');
    }
    if (Vocabulary.FREQS.containsKey(w) || prnPhrase(i) > 0) {
      return true;
    }
    if (w.equals("q") && (isNum(i + 1) || isTimeUnit(i + 1))) {
      return true;
    }
    UnitsOfTime course = courseUnit(i + 2);
    // "x 10 days" is a course length; "leave on for 10 minutes" is part of the advice
    return (w.equals("x") || w.equals("for"))
        && isNum(i + 1)
        && (course == UnitsOfTime.D || course == UnitsOfTime.WK || course == UnitsOfTime.MO);
  }

  private boolean isClauseEnd(int i) {
    Token tk = t.get(i);
    if (tk.isPunct()) {
      char c = tk.text.charAt(0);
      if (c == ',' || c == ';' || c == ')' || c == '|') {
        return true;
      }
      if (c == '.' && (i + 1 >= n || t.get(i + 1).spaceBefore)) {
        return true;
      }
    }
    return false;
  }

  private void advice(int start, int end) {
    cur.addAdvice(text(start, end));
  }

  /** A clause of advice introduced by "with": "with water", "with a full glass of water". */
  private boolean withLed() {
    int k = pos + 1;
    if (withIsTiming(k)) {
      int j = k;
      if (isW(j, "a") || isW(j, "each") || isW(j, "every")) {
        j++;
      }
      EventTiming[] meal = Vocabulary.MEALS.get(w(j));
      whenEvent(meal[0]);
      pos = j + 1;
      // "with breakfast and dinner"
      while ((isW(pos, "and") || isP(pos, ',') || isP(pos, '&'))
          && w(pos + 1) != null
          && Vocabulary.MEALS.containsKey(w(pos + 1))) {
        whenEvent(Vocabulary.MEALS.get(w(pos + 1))[0]);
        pos += 2;
      }
      return true;
    }
    if (isW(k, "or") && isW(k + 1, "without")) {
      return adviceClause();
    }
    if (isW(k, "hold")) {
      return adviceClause(); // "with hold": withhold, written apart
    }
    int j = k;
    while (isW(j, "a")
        || isW(j, "an")
        || isW(j, "full")
        || isW(j, "large")
        || isW(j, "each")
        || isW(j, "plenty")
        || isW(j, "of")
        || isW(j, "some")
        || isW(j, "lots")) {
      j++;
    }
    String object = w(j);
    if (object != null && WITH_OBJECTS.contains(object)) {
      return adviceClause(); // "with a full glass of water", "with each dressing change"
    }
    return false;
  }

  /** What a dose is taken with, when that is advice rather than a meal time. */
  private static final java.util.Set<String> WITH_OBJECTS =
      java.util.Set.of(
          "water",
          "milk",
          "juice",
          "fluid",
          "fluids",
          "glass",
          "grapefruit",
          "orange",
          "apple",
          "applesauce",
          "pudding",
          "yogurt",
          "yoghurt",
          "snack",
          "dressing",
          "alcohol",
          "caution",
          "liquid",
          "liquids",
          "drink",
          "drinks",
          "formula",
          "feeds",
          "feed",
          "jam",
          "honey");

  // ---------------------------------------------------------------- parentheses

  /**
   * "(6 mg)" after a dose is its equivalent; "(every 12 hours)" restates; others are read inside.
   */
  private boolean openParen() {
    int k = pos + 1;
    // "area(s)": a plural marker
    if ((isW(k, "s") || isW(k, "es")) && isP(k + 1, ')') && !t.get(pos).spaceBefore) {
      pos = k + 2;
      return true;
    }
    if (cur.doseLow != null && cur.unit != null && (isNum(k) || isW(k, "="))) {
      int j = isW(k, "=") || isP(k, '=') ? k + 1 : k;
      double[] q = new double[2];
      int e = quantity(j, q, false);
      if (e > 0) {
        DoseUnit u = unitAt(e);
        if (u != null && u != cur.unit) {
          int close = unitEnd(e, u);
          if (isP(close, ')') || isP(close, ']')) {
            cur.calcValue = q[0];
            cur.calcUnit = u;
            pos = close + 1;
            return true;
          }
        }
      }
    }
    if (isP(k, '#') || isW(k, "disp") || isW(k, "dispense") || isW(k, "qty")) {
      pos = k;
      return true;
    }
    pos = k;
    return true;
  }

  // ---------------------------------------------------------------- token helpers

  private void note(String key, SigNote note) {
    notes.putIfAbsent(key, note);
  }

  private UnparseableSigException unreadable(int i) {
    int j = i + 1;
    // extend over following tokens that are just as unknown
    while (j < n
        && t.get(j).isWord()
        && !Vocabulary.KNOWN.contains(t.get(j).text)
        && !t.get(j).spaceBefore) {
      j++;
    }
    Token first = t.get(i);
    Token last = t.get(j - 1);
    String why = first.isWord() && !Vocabulary.KNOWN.contains(first.text) ? "unknown word" : "";
    return new UnparseableSigException(sig, first.start, last.end, why);
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = Double.toString(v);
    if (s.contains("E")) {
      s = java.math.BigDecimal.valueOf(v).toPlainString();
    }
    return s;
  }
}
