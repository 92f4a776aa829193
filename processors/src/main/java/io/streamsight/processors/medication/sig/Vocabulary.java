package io.streamsight.processors.medication.sig;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Timing.DayOfWeek;
import org.hl7.fhir.r4.model.Timing.EventTiming;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * The word tables of the sig grammar, derived (not copied) from the reference tables in {@code
 * shared/data/pharmacy/abbrev}: HL7 GTS timing abbreviations and event timing codes, SNOMED CT
 * route codes, and the Canadian and Latin shorthand a pharmacy sees. Every table is immutable after
 * class initialisation and shared by all parsers.
 */
final class Vocabulary {

  private Vocabulary() {}

  /** A complete frequency written as one word: "bid", "daily", "qod". */
  record Freq(
      int frequency,
      double period,
      UnitsOfTime unit,
      String code,
      EventTiming when,
      String discouraged) {}

  static final String GTS = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation";

  static final Map<String, DoseUnit> UNITS = new HashMap<>(256);
  static final Map<String, Route> ROUTES = new HashMap<>(128);
  static final Map<String, Method> VERBS = new HashMap<>(64);
  static final Map<String, Freq> FREQS = new HashMap<>(64);
  static final Map<String, EventTiming> WHEN = new HashMap<>(64);
  static final Map<String, EventTiming[]> MEALS = new HashMap<>(32);
  static final Map<String, DayOfWeek> DAYS = new HashMap<>(64);
  static final Map<String, Double> NUMBERS = new HashMap<>(64);
  static final Map<String, UnitsOfTime> TIME_UNITS = new HashMap<>(64);
  static final Map<String, Route> FORMS = new HashMap<>(64);
  static final Map<String, Site> EYE_EAR = new HashMap<>(32);
  static final Set<String> SKIN_NOUNS = new HashSet<>(256);
  static final Set<String> SITE_MODIFIERS = new HashSet<>(64);
  static final Set<String> ADVICE_WORDS = new HashSet<>(64);
  static final Map<String, String> CONDITIONS = new HashMap<>(32);

  /** Words the typo corrector may correct to: whole English words of the grammar, no shorthand. */
  static final Set<String> CORRECTABLE = new HashSet<>(256);

  /** Every word the grammar knows, so that anything else is unknown (drug name, typo, error). */
  static final Set<String> KNOWN = new HashSet<>(2048);

  static {
    units();
    routes();
    verbs();
    freqs();
    when();
    days();
    numbers();
    timeUnits();
    forms();
    sites();
    advice();
    correctable();
    KNOWN.addAll(UNITS.keySet());
    KNOWN.addAll(ROUTES.keySet());
    KNOWN.addAll(VERBS.keySet());
    KNOWN.addAll(FREQS.keySet());
    KNOWN.addAll(WHEN.keySet());
    KNOWN.addAll(MEALS.keySet());
    KNOWN.addAll(DAYS.keySet());
    KNOWN.addAll(NUMBERS.keySet());
    KNOWN.addAll(TIME_UNITS.keySet());
    KNOWN.addAll(FORMS.keySet());
    KNOWN.addAll(EYE_EAR.keySet());
    KNOWN.addAll(SKIN_NOUNS);
    KNOWN.addAll(SITE_MODIFIERS);
    KNOWN.addAll(ADVICE_WORDS);
    KNOWN.addAll(CORRECTABLE);
    Collections.addAll(
        KNOWN,
        "t",
        "tk",
        "x",
        "q",
        "every",
        "each",
        "once",
        "twice",
        "thrice",
        "times",
        "time",
        "prn",
        "as",
        "needed",
        "required",
        "necessary",
        "for",
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "then",
        "followed",
        "by",
        "thereafter",
        "after",
        "before",
        "with",
        "at",
        "in",
        "into",
        "on",
        "onto",
        "to",
        "under",
        "over",
        "per",
        "via",
        "route",
        "max",
        "maximum",
        "mdd",
        "nte",
        "exceed",
        "disp",
        "dispense",
        "qty",
        "quantity",
        "mitte",
        "m",
        "stat",
        "now",
        "immediately",
        "single",
        "dose",
        "doses",
        "until",
        "during",
        "other",
        "alternate",
        "second",
        "half",
        "ss",
        "i",
        "ii",
        "iii",
        "am",
        "pm",
        "sig",
        "when",
        "if",
        "upon",
        "due",
        "more",
        "than",
        "up",
        "next",
        "another",
        "total",
        "please",
        "also",
        "od",
        "ad",
        "cc",
        "u",
        "iu",
        "c",
        "around",
        "behind",
        "below",
        "above",
        "between",
        "inside",
        "throughout",
        "through",
        "thru",
        "weekdays",
        "weekday",
        "weekends",
        "weekend",
        "nd",
        "st",
        "rd",
        "th",
        "early",
        "late",
        "mid",
        "day",
        "ud",
        "dir",
        "directed",
        "bolus",
        "push",
        "infusion",
        "cycles",
        "cycle",
        "of",
        "daily",
        "o",
        "clock",
        "nightly",
        "hourly",
        "from",
        "till");
  }

  /** Maps each of {@code words} to {@code value}. */
  private static <V> void putAll(Map<String, V> map, V value, String... words) {
    for (String w : words) {
      map.put(w, value);
    }
  }

  private static void unit(DoseUnit unit, String... words) {
    putAll(UNITS, unit, words);
  }

  private static void units() {
    unit(DoseUnit.TABLET, "tab", "tabs", "tablet", "tablets", "tbl", "tabl", "tbls");
    unit(DoseUnit.CAPSULE, "cap", "caps", "capsule", "capsules", "cp");
    unit(DoseUnit.CAPLET, "caplet", "caplets");
    unit(DoseUnit.PILL, "pill", "pills");
    unit(DoseUnit.PUFF, "puff", "puffs", "actuation", "actuations");
    unit(DoseUnit.INHALATION, "inhalations");
    unit(DoseUnit.DROP, "gt", "gtt", "gtts", "drop", "drops");
    unit(DoseUnit.SPRAY, "spray", "sprays", "squirt", "squirts");
    unit(DoseUnit.PATCH, "patch", "patches");
    unit(DoseUnit.APPLICATION, "application", "applications", "app", "apps");
    unit(
        DoseUnit.APPLICATORFUL,
        "applicatorful",
        "applicatorfuls",
        "applicator",
        "applicators",
        "applicatorsful");
    unit(DoseUnit.SUPPOSITORY, "supp", "supps", "suppository", "suppositories", "suppos", "suppo");
    unit(DoseUnit.PESSARY, "pessary", "pessaries");
    unit(DoseUnit.OVULE, "ovule", "ovules");
    unit(DoseUnit.ENEMA, "enema", "enemas");
    unit(DoseUnit.LOZENGE, "lozenge", "lozenges", "loz", "pastille", "pastilles");
    unit(DoseUnit.TROCHE, "troche", "troches");
    unit(DoseUnit.PUMP, "pump", "pumps");
    unit(DoseUnit.SQUEEZE, "squeeze", "squeezes");
    unit(DoseUnit.SCOOP, "scoop", "scoops", "scoopful", "scoopfuls");
    unit(DoseUnit.CAPFUL, "capful", "capfuls");
    unit(DoseUnit.SACHET, "sachet", "sachets", "satchet", "satchets", "sach");
    unit(DoseUnit.PACKET, "packet", "packets", "pkt", "pkts");
    unit(DoseUnit.AMPOULE, "ampoule", "ampoules", "ampule", "ampules", "amp", "amps");
    unit(DoseUnit.VIAL, "vial", "vials");
    unit(DoseUnit.SYRINGE, "syringe", "syringes");
    unit(DoseUnit.PEN, "pen", "pens");
    unit(DoseUnit.WAFER, "wafer", "wafers");
    unit(DoseUnit.FILM, "film", "films");
    unit(DoseUnit.STRIP, "strip", "strips");
    unit(DoseUnit.IMPLANT, "implant", "implants");
    unit(DoseUnit.RING, "ring", "rings");
    unit(DoseUnit.DOSE, "dose", "doses");
    unit(DoseUnit.RIBBON_CM, "cm");
    unit(DoseUnit.INCH, "inch", "inches");
    unit(
        DoseUnit.TSP,
        "tsp",
        "tsps",
        "teaspoon",
        "teaspoons",
        "teaspoonful",
        "teaspoonfuls",
        "teaspoonsful");
    unit(
        DoseUnit.TBSP,
        "tbsp",
        "tbsps",
        "tbs",
        "tablespoon",
        "tablespoons",
        "tablespoonful",
        "tablespoonfuls");
    unit(DoseUnit.ML, "ml", "mls", "milliliter", "milliliters", "millilitre", "millilitres");
    unit(DoseUnit.MCL, "mcl", "microliter", "microliters", "microlitre", "microlitres");
    unit(DoseUnit.L, "l", "liter", "liters", "litre", "litres");
    unit(DoseUnit.MG, "mg", "mgs", "milligram", "milligrams", "milligramme", "milligrammes");
    unit(
        DoseUnit.MCG,
        "mcg",
        "mcgs",
        "microgram",
        "micrograms",
        "microgramme",
        "microgrammes",
        "\u00b5g",
        "\u03bcg",
        "ug");
    unit(DoseUnit.NG, "ng", "nanogram", "nanograms");
    unit(DoseUnit.G, "g", "gm", "gms", "gram", "grams", "gramme", "grammes", "gr");
    unit(DoseUnit.MEQ, "meq", "milliequivalent", "milliequivalents");
    unit(DoseUnit.MMOL, "mmol", "millimole", "millimoles");
    unit(DoseUnit.UNIT, "unit", "units", "u", "iu", "ius", "unt");
  }

  private static void route(Route route, String... words) {
    putAll(ROUTES, route, words);
  }

  private static void routes() {
    route(Route.ORAL, "po", "oral", "orally", "os");
    route(Route.SUBLINGUAL, "sl", "sublingual", "sublingually", "subling");
    route(Route.BUCCAL, "buccal", "buccally");
    route(Route.TOPICAL, "top", "topical", "topically", "tp");
    route(Route.CUTANEOUS, "cutaneous", "cutaneously");
    route(Route.TRANSDERMAL, "td", "transdermal", "transdermally");
    route(Route.RECTAL, "pr", "rectal", "rectally", "intrarectal", "intrarectally");
    route(Route.VAGINAL, "pv", "vag", "vaginal", "vaginally", "intravaginal", "intravaginally");
    route(Route.INHALATION, "inh", "inhaled", "inhalation", "neb", "nebulized", "nebulised");
    route(Route.NASAL, "intranasal", "intranasally", "nasal", "nasally");
    route(Route.OPHTHALMIC, "oph", "ophth", "ophthalmic", "ocular");
    route(Route.OTIC, "otic");
    route(Route.SUBCUTANEOUS, "sc", "sq", "subq", "subcut", "subcutaneous", "subcutaneously");
    route(Route.INTRAMUSCULAR, "im", "intramuscular", "intramuscularly");
    route(Route.INTRAVENOUS, "iv", "ivp", "ivpb", "intravenous", "intravenously");
    route(Route.INTRADERMAL, "intradermal", "intradermally");
    route(Route.INTRAVITREAL, "ivt", "intravitreal", "intravitreally");
    route(Route.GASTROSTOMY, "gastrostomy");
    route(Route.NASOGASTRIC, "nasogastric");
    route(Route.URETHRAL, "urethral");
    route(Route.DENTAL, "dental");
    route(Route.OROMUCOSAL, "oromucosal");
    ROUTES.remove("os"); // "os" alone is the left eye; "per os" is read as a phrase
  }

  private static void verb(Method method, String... words) {
    putAll(VERBS, method, words);
  }

  private static void verbs() {
    verb(Method.TAKE, "take", "takes");
    verb(Method.GIVE, "give");
    verb(Method.ADMINISTER, "administer");
    verb(Method.USE, "use");
    verb(Method.APPLY, "apply", "aply");
    verb(Method.REAPPLY, "reapply");
    verb(Method.RUB, "rub");
    verb(Method.MASSAGE, "massage");
    verb(Method.INSTILL, "instill", "instil");
    verb(Method.INHALE, "inhale", "nebulize", "nebulise");
    verb(Method.INSERT, "insert");
    verb(Method.INJECT, "inject");
    verb(Method.INFUSE, "infuse");
    verb(Method.SPRAY, "spray");
    verb(Method.SNIFF, "sniff");
    verb(Method.CHEW, "chew");
    verb(Method.SWALLOW, "swallow");
    verb(Method.DRINK, "drink");
    verb(Method.DISSOLVE, "dissolve");
    verb(Method.SUCK, "suck");
    verb(Method.PLACE, "place");
    verb(Method.PUT, "put");
    verb(Method.SPRINKLE, "sprinkle");
    verb(Method.MIX, "mix");
    verb(Method.DILUTE, "dilute");
    verb(Method.GARGLE, "gargle");
    verb(Method.RINSE, "rinse");
    verb(Method.SWISH, "swish");
    verb(Method.SHAMPOO, "shampoo");
    verb(Method.WASH, "wash");
    // "spray" and "shampoo" are also nouns; the grammar decides by position
  }

  private static void freq(
      String word,
      int frequency,
      double period,
      UnitsOfTime unit,
      String code,
      String discouraged) {
    FREQS.put(word, new Freq(frequency, period, unit, code, null, discouraged));
  }

  private static void freqs() {
    UnitsOfTime d = UnitsOfTime.D;
    freq("qd", 1, 1, d, "QD", "qd");
    freq("qday", 1, 1, d, "QD", null);
    freq("qdaily", 1, 1, d, "QD", null);
    freq("daily", 1, 1, d, "QD", null);
    freq("die", 1, 1, d, "QD", null);
    freq("dly", 1, 1, d, "QD", null);
    freq("bid", 2, 1, d, "BID", null);
    freq("bd", 2, 1, d, "BID", null);
    freq("tid", 3, 1, d, "TID", null);
    freq("tds", 3, 1, d, "TID", null);
    freq("qid", 4, 1, d, "QID", null);
    freq("qds", 4, 1, d, "QID", null);
    freq("qod", 1, 2, d, "QOD", "qod");
    freq("qad", 1, 2, d, "QOD", null);
    freq("eod", 1, 2, d, "QOD", null);
    freq("qh", 1, 1, UnitsOfTime.H, "Q1H", null);
    freq("hourly", 1, 1, UnitsOfTime.H, "Q1H", null);
    freq("weekly", 1, 1, UnitsOfTime.WK, "WK", null);
    freq("wkly", 1, 1, UnitsOfTime.WK, "WK", null);
    freq("qwk", 1, 1, UnitsOfTime.WK, "WK", null);
    freq("qw", 1, 1, UnitsOfTime.WK, "WK", null);
    freq("qweek", 1, 1, UnitsOfTime.WK, "WK", null);
    freq("qweekly", 1, 1, UnitsOfTime.WK, "WK", null);
    freq("fortnightly", 1, 2, UnitsOfTime.WK, null, null);
    freq("biw", 2, 1, UnitsOfTime.WK, null, null);
    freq("tiw", 3, 1, UnitsOfTime.WK, null, null);
    freq("qiw", 4, 1, UnitsOfTime.WK, null, null);
    freq("monthly", 1, 1, UnitsOfTime.MO, "MO", null);
    freq("qmo", 1, 1, UnitsOfTime.MO, "MO", null);
    freq("qmonth", 1, 1, UnitsOfTime.MO, "MO", null);
    freq("yearly", 1, 1, UnitsOfTime.A, null, null);
    freq("annually", 1, 1, UnitsOfTime.A, null, null);
    FREQS.put("qam", new Freq(1, 1, d, "AM", EventTiming.MORN, null));
    FREQS.put("qmorning", new Freq(1, 1, d, "AM", EventTiming.MORN, null));
    FREQS.put("qpm", new Freq(1, 1, d, "PM", EventTiming.EVE, null));
    FREQS.put("qhs", new Freq(1, 1, d, "BED", EventTiming.HS, null));
    FREQS.put("qnoon", new Freq(1, 1, d, null, EventTiming.NOON, null));
  }

  private static void when(EventTiming event, String... words) {
    putAll(WHEN, event, words);
  }

  private static void meal(EventTiming with, EventTiming before, EventTiming after, String... ws) {
    for (String w : ws) {
      MEALS.put(w, new EventTiming[] {with, before, after});
    }
  }

  private static void when() {
    when(EventTiming.AC, "ac");
    when(EventTiming.ACM, "acm");
    when(EventTiming.ACD, "acd", "acl");
    when(EventTiming.ACV, "acv");
    when(EventTiming.PC, "pc");
    when(EventTiming.PCM, "pcm");
    when(EventTiming.PCD, "pcd", "pcl");
    when(EventTiming.PCV, "pcv");
    when(EventTiming.C, "wm", "cc", "c", "bld");
    when(EventTiming.CM, "cm");
    when(EventTiming.CD, "cd");
    when(EventTiming.CV, "cv");
    when(EventTiming.HS, "hs", "bedtime", "bed", "hrs");
    when(EventTiming.MORN, "morning", "mornings", "morn", "am", "mane");
    when(EventTiming.NOON, "noon", "midday", "noontime");
    when(EventTiming.AFT, "afternoon", "afternoons", "aft");
    when(EventTiming.EVE, "evening", "evenings", "eve", "pm");
    when(EventTiming.NIGHT, "night", "nights", "nightly", "nighttime", "overnight", "nocte");
    when(EventTiming.WAKE, "wake", "waking", "awakening", "rising", "wakening");
    WHEN.remove("hrs"); // hours, not hora somni
    meal(EventTiming.CM, EventTiming.ACM, EventTiming.PCM, "breakfast", "bfast", "brkfst", "brk");
    meal(EventTiming.CD, EventTiming.ACD, EventTiming.PCD, "lunch", "lunchtime");
    meal(
        EventTiming.CV,
        EventTiming.ACV,
        EventTiming.PCV,
        "dinner",
        "dinnertime",
        "supper",
        "suppertime");
    meal(
        EventTiming.C,
        EventTiming.AC,
        EventTiming.PC,
        "meal",
        "meals",
        "food",
        "mealtime",
        "mealtimes",
        "eating");
  }

  private static void day(DayOfWeek day, String... words) {
    putAll(DAYS, day, words);
  }

  private static void days() {
    day(DayOfWeek.MON, "monday", "mondays", "mon", "mond");
    day(DayOfWeek.TUE, "tuesday", "tuesdays", "tue", "tues");
    day(DayOfWeek.WED, "wednesday", "wednesdays", "wed", "weds");
    day(DayOfWeek.THU, "thursday", "thursdays", "thu", "thur", "thurs");
    day(DayOfWeek.FRI, "friday", "fridays", "fri");
    day(DayOfWeek.SAT, "saturday", "saturdays", "sat");
    day(DayOfWeek.SUN, "sunday", "sundays", "sun");
  }

  private static void numbers() {
    String[] ones = {
      "zero",
      "one",
      "two",
      "three",
      "four",
      "five",
      "six",
      "seven",
      "eight",
      "nine",
      "ten",
      "eleven",
      "twelve",
      "thirteen",
      "fourteen",
      "fifteen",
      "sixteen",
      "seventeen",
      "eighteen",
      "nineteen",
      "twenty"
    };
    for (int i = 1; i < ones.length; i++) {
      NUMBERS.put(ones[i], (double) i);
    }
    NUMBERS.put("thirty", 30.0);
    NUMBERS.put("forty", 40.0);
    NUMBERS.put("fifty", 50.0);
    NUMBERS.put("sixty", 60.0);
    NUMBERS.put("ninety", 90.0);
    NUMBERS.put("hundred", 100.0);
    NUMBERS.put("half", 0.5);
    NUMBERS.put("quarter", 0.25);
  }

  private static void timeUnit(UnitsOfTime unit, String... words) {
    putAll(TIME_UNITS, unit, words);
  }

  private static void timeUnits() {
    timeUnit(UnitsOfTime.MIN, "min", "mins", "minute", "minutes", "mn");
    timeUnit(UnitsOfTime.H, "h", "hr", "hrs", "hour", "hours", "hrly");
    timeUnit(UnitsOfTime.D, "d", "day", "days", "dy", "dys");
    timeUnit(UnitsOfTime.WK, "w", "wk", "wks", "week", "weeks");
    timeUnit(UnitsOfTime.MO, "mo", "mos", "mth", "mths", "month", "months", "mon");
    timeUnit(UnitsOfTime.A, "y", "yr", "yrs", "year", "years");
    TIME_UNITS.remove("mon"); // Monday
  }

  private static void form(Route route, String... words) {
    putAll(FORMS, route, words);
  }

  private static void forms() {
    form(
        Route.TOPICAL,
        "cream",
        "creams",
        "ointment",
        "ointments",
        "oint",
        "ung",
        "gel",
        "gels",
        "lotion",
        "lotions",
        "foam",
        "sunscreen",
        "moisturizer",
        "moisturiser",
        "moisturizing",
        "deodorant",
        "emollient",
        "balm",
        "salve",
        "liniment");
    form(null, "shampoo", "solution", "suspension", "liquid", "powder", "paste", "medication");
    form(null, "medicine", "meds", "med", "product", "contents", "wash", "drug");
    form(Route.ORAL, "syrup", "elixir", "mixture");
    form(Route.INHALATION, "inhaler", "inhalers", "puffer", "nebule", "nebules");
    form(Route.OROMUCOSAL, "mouthwash");
  }

  private static void sites() {
    EYE_EAR.put("ou", Site.BOTH_EYES);
    EYE_EAR.put("os", Site.LEFT_EYE);
    EYE_EAR.put("re", Site.RIGHT_EYE);
    EYE_EAR.put("le", Site.LEFT_EYE);
    EYE_EAR.put("au", Site.BOTH_EARS);
    EYE_EAR.put("ien", Site.EACH_NOSTRIL);
    Collections.addAll(
        SKIN_NOUNS,
        "skin",
        "face",
        "facial",
        "forehead",
        "cheek",
        "cheeks",
        "chin",
        "scalp",
        "hair",
        "head",
        "temple",
        "temples",
        "neck",
        "shoulder",
        "shoulders",
        "arm",
        "arms",
        "forearm",
        "forearms",
        "elbow",
        "elbows",
        "wrist",
        "wrists",
        "hand",
        "hands",
        "palm",
        "palms",
        "finger",
        "fingers",
        "fingertip",
        "fingertips",
        "thumb",
        "thumbs",
        "nail",
        "nails",
        "fingernail",
        "fingernails",
        "toenail",
        "toenails",
        "chest",
        "breast",
        "breasts",
        "back",
        "abdomen",
        "abdominal",
        "belly",
        "flank",
        "flanks",
        "side",
        "sides",
        "waist",
        "hip",
        "hips",
        "buttock",
        "buttocks",
        "groin",
        "genital",
        "genitals",
        "penis",
        "scrotum",
        "testis",
        "testes",
        "testicle",
        "testicles",
        "vulva",
        "perineum",
        "perianal",
        "anus",
        "anal",
        "axilla",
        "axillae",
        "armpit",
        "armpits",
        "underarm",
        "underarms",
        "leg",
        "legs",
        "thigh",
        "thighs",
        "knee",
        "knees",
        "calf",
        "calves",
        "shin",
        "shins",
        "ankle",
        "ankles",
        "foot",
        "feet",
        "heel",
        "heels",
        "sole",
        "soles",
        "toe",
        "toes",
        "body",
        "trunk",
        "torso",
        "lip",
        "lips",
        "lesion",
        "lesions",
        "wound",
        "wounds",
        "wart",
        "warts",
        "mole",
        "moles",
        "rash",
        "ulcer",
        "ulcers",
        "scar",
        "scars",
        "sore",
        "sores",
        "blister",
        "blisters",
        "burn",
        "burns",
        "cut",
        "cuts",
        "spot",
        "spots",
        "area",
        "areas",
        "region",
        "site",
        "sites",
        "joint",
        "joints",
        "muscle",
        "muscles",
        "top",
        "bottom",
        "front",
        "tip",
        "tips",
        "surface",
        "corner",
        "corners",
        "nostrils",
        "upper",
        "lower",
        "eyelid",
        "eyelids",
        "lid",
        "lids",
        "eyebrow",
        "eyebrows",
        "larynx",
        "throat",
        "gum",
        "gums",
        "teeth",
        "tooth",
        "tongue",
        "mouth",
        "nose",
        "nostril",
        "ear",
        "ears",
        "eye",
        "eyes",
        "canal",
        "rectum",
        "vagina",
        "skinfolds",
        "folds",
        "fold",
        "underside",
        "inner",
        "outer",
        "stump",
        "scrotal",
        "nipple",
        "nipples",
        "navel",
        "umbilicus",
        "bum",
        "bottom",
        "diaper",
        "nappy",
        "cornea",
        "conjunctiva",
        "vaginal",
        "molar",
        "molars",
        "tummy",
        "deltoid",
        "deltoids",
        "gluteal",
        "gluteus",
        "glute",
        "glutes",
        "ventrogluteal",
        "dorsogluteal",
        "quadriceps");
    Collections.addAll(
        SITE_MODIFIERS,
        "left",
        "right",
        "both",
        "each",
        "affected",
        "all",
        "upper",
        "lower",
        "inner",
        "outer",
        "entire",
        "whole",
        "big",
        "little",
        "small",
        "middle",
        "index",
        "ring",
        "great",
        "bilateral",
        "dry",
        "painful",
        "itchy",
        "involved",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "infected",
        "red",
        "sore",
        "broken",
        "intact",
        "external");
  }

  private static void advice() {
    Collections.addAll(
        ADVICE_WORDS,
        "remain",
        "increase",
        "decrease",
        "reduce",
        "taper",
        "titrate",
        "stay",
        "reassess",
        "reevaluate",
        "monitor",
        "notify",
        "except",
        "excluding",
        "refill",
        "refills",
        "repeat",
        "repeats",
        "rpt",
        "rf",
        "only",
        "atc",
        "aaa",
        "contents",
        "spit",
        "do",
        "dont",
        "avoid",
        "no",
        "may",
        "can",
        "might",
        "could",
        "will",
        "must",
        "should",
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
        "whole",
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
        "empty",
        "warning",
        "crush",
        "cut",
        "call",
        "see",
        "thin",
        "layer",
        "film",
        "small",
        "amount",
        "generous",
        "pea",
        "sized",
        "external",
        "only",
        "well",
        "fully",
        "completely",
        "finished",
        "gone",
        "complete",
        "done",
        "taken",
        "tolerated",
        "instructed",
        "water",
        "milk",
        "juice",
        "glass",
        "full",
        "plenty",
        "fluids",
        "alcohol",
        "drowsiness",
        "drowsy",
        "dizziness",
        "stomach",
        "showering",
        "shower",
        "bathing",
        "exposure",
        "sun",
        "change",
        "dressing",
        "bowel",
        "movement",
        "menstruation",
        "ends");
    CONDITIONS.put("dizzy", "dizziness");
    CONDITIONS.put("nauseous", "nausea");
    CONDITIONS.put("nauseated", "nausea");
    CONDITIONS.put("feverish", "fever");
    CONDITIONS.put("febrile", "fever");
    CONDITIONS.put("itchy", "itch");
    CONDITIONS.put("anxious", "anxiety");
    CONDITIONS.put("constipated", "constipation");
    CONDITIONS.put("congested", "congestion");
    CONDITIONS.put("wheezy", "wheezing");
    CONDITIONS.put("sleepless", "insomnia");
    CONDITIONS.put("agitated", "agitation");
    CONDITIONS.put("painful", "pain");
    CONDITIONS.put("breathless", "shortness of breath");
    // indications as prescribers abbreviate them
    CONDITIONS.put("sob", "shortness of breath");
    CONDITIONS.put("n/v", "nausea and vomiting");
    CONDITIONS.put("n&v", "nausea and vomiting");
    CONDITIONS.put("nv", "nausea and vomiting");
    CONDITIONS.put("cp", "chest pain");
    CONDITIONS.put("h/a", "headache");
    CONDITIONS.put("ha", "headache");
    CONDITIONS.put("abd pain", "abdominal pain");
    CONDITIONS.put("bp", "blood pressure");
  }

  private static void correctable() {
    Collections.addAll(
        CORRECTABLE,
        "take",
        "tablet",
        "tablets",
        "capsule",
        "capsules",
        "daily",
        "twice",
        "times",
        "time",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "hours",
        "hour",
        "minutes",
        "minute",
        "morning",
        "evening",
        "night",
        "nightly",
        "bedtime",
        "needed",
        "required",
        "every",
        "other",
        "mouth",
        "apply",
        "inhale",
        "instill",
        "insert",
        "inject",
        "swallow",
        "dissolve",
        "spray",
        "sprays",
        "drops",
        "puffs",
        "patch",
        "teaspoon",
        "teaspoons",
        "tablespoon",
        "tablespoons",
        "affected",
        "area",
        "breakfast",
        "lunch",
        "dinner",
        "supper",
        "meals",
        "before",
        "after",
        "maximum",
        "exceed",
        "dispense",
        "followed",
        "thereafter",
        "weekly",
        "monthly",
        "hourly",
        "left",
        "right",
        "both",
        "each",
        "eyes",
        "ears",
        "nostril",
        "nostrils",
        "orally",
        "rectally",
        "vaginally",
        "topically",
        "suppository",
        "suppositories",
        "lozenge",
        "application",
        "inhalation",
        "ointment",
        "cream",
        "lotion",
        "until",
        "directed",
        "milliliters",
        "millilitres",
        "units",
        "three",
        "seven",
        "eight",
        "tongue",
        "with",
        "for",
        "the",
        "and",
        "tab",
        "tabs",
        "cap",
        "caps",
        "once",
        "thrice",
        "needed",
        "as");
  }
}
