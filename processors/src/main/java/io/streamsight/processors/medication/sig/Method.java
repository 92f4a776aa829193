package io.streamsight.processors.medication.sig;

/**
 * The verb of a sig, coded where SNOMED CT has a dosing-instruction imperative for it (the FHIR R4
 * administration-method example value set); the others carry text only.
 */
enum Method {
  TAKE("419652001", "Take", null),
  GIVE("419582001", "Give", null),
  ADMINISTER("418283001", "Administer", null),
  USE("419385000", "Use", null),
  APPLY("417924000", "Apply", null),
  REAPPLY(null, "Reapply", null),
  RUB(null, "Rub", null),
  MASSAGE(null, "Massage", null),
  INSTILL("421538008", "Instill", null),
  INHALE("421134003", "Inhale", Route.INHALATION),
  INSERT("421257003", "Insert", null),
  INJECT("422145002", "Inject", null),
  PUSH("420620005", "Push", null),
  INFUSE(null, "Infuse", null),
  SPRAY(null, "Spray", null),
  SNIFF("420360002", "Sniff", Route.NASAL),
  CHEW("419747000", "Chew", Route.ORAL),
  SWALLOW("421521009", "Swallow", Route.ORAL),
  DRINK(null, "Drink", Route.ORAL),
  DISSOLVE("421682005", "Dissolve", null),
  SUCK("420045007", "Suck", null),
  PLACE("421066005", "Place", null),
  PUT(null, "Put", null),
  SPRINKLE("422219000", "Sprinkle", null),
  MIX(null, "Mix", null),
  DILUTE("421399004", "Dilute", null),
  GARGLE(null, "Gargle", null),
  RINSE(null, "Rinse", null),
  SWISH("421805007", "Swish", null),
  SWISH_AND_SWALLOW("421298005", "Swish and swallow", Route.ORAL),
  SHAMPOO("420606003", "Shampoo", null),
  WASH("422152000", "Wash", null);

  /** SNOMED CT concept id, or null where SNOMED has no imperative for the verb. */
  final String code;

  /** The verb, capitalised, as patients read it. */
  final String verb;

  /** The route the verb itself states (one drinks by mouth), or null. */
  final Route impliedRoute;

  Method(String code, String verb, Route impliedRoute) {
    this.code = code;
    this.verb = verb;
    this.impliedRoute = impliedRoute;
  }

  /** Verbs after which a skin site means the topical route ("apply to the face"). */
  boolean appliesToSkin() {
    return this == APPLY
        || this == REAPPLY
        || this == RUB
        || this == MASSAGE
        || this == SHAMPOO
        || this == WASH;
  }
}
