package io.streamsight.processors.medication.sig;

/**
 * Where on the body a dose goes. Eye, ear, rectal and vaginal sites are SNOMED CT coded and imply
 * their route; other body sites are free text ("left forearm", "affected area") and imply the
 * topical route only when the verb applies something to the skin.
 */
final class Site {

  static final Site RIGHT_EYE =
      organ("right eye", "18944008", "Right eye structure", Route.OPHTHALMIC, "in the right eye");
  static final Site LEFT_EYE =
      organ("left eye", "8966001", "Left eye structure", Route.OPHTHALMIC, "in the left eye");
  static final Site BOTH_EYES =
      organ("both eyes", "40638003", "Structure of both eyes", Route.OPHTHALMIC, "in both eyes");
  static final Site EYE = organ("eye", "81745001", "Eye structure", Route.OPHTHALMIC, "in the eye");
  static final Site AFFECTED_EYE =
      organ("affected eye", "81745001", "Eye structure", Route.OPHTHALMIC, "in the affected eye");
  static final Site RIGHT_EAR =
      organ("right ear", "25577004", "Right ear structure", Route.OTIC, "in the right ear");
  static final Site LEFT_EAR =
      organ("left ear", "89644007", "Left ear structure", Route.OTIC, "in the left ear");
  static final Site BOTH_EARS =
      organ("both ears", "34338003", "Both ears", Route.OTIC, "in both ears");
  static final Site EAR = organ("ear", "117590005", "Ear structure", Route.OTIC, "in the ear");
  static final Site AFFECTED_EAR =
      organ("affected ear", "117590005", "Ear structure", Route.OTIC, "in the affected ear");
  static final Site EACH_NOSTRIL =
      organ("each nostril", null, null, Route.NASAL, "in each nostril");
  static final Site NOSTRIL = organ("nostril", null, null, Route.NASAL, "in the nostril");
  static final Site NOSE = organ("nose", null, null, Route.NASAL, "in the nose");
  static final Site RECTUM =
      organ("rectum", "34402009", "Rectum structure", Route.RECTAL, "rectally");
  static final Site VAGINA =
      organ("vagina", "76784001", "Vaginal structure", Route.VAGINAL, "vaginally");
  static final Site MOUTH = organ("mouth", null, null, Route.OROMUCOSAL, "in the mouth");

  /** As FHIR {@code site.text}. */
  final String text;

  /** SNOMED CT body structure, or null for free-text sites. */
  final String code;

  final String display;

  /** The route the site itself implies (an eye site is ophthalmic), or null. */
  final Route route;

  /** Whether the site is on the body surface, so that applying something there is topical. */
  final boolean skin;

  /** The patient phrase: "in both eyes", "to the left forearm". */
  final String phrase;

  private Site(String text, String code, String display, Route route, boolean skin, String phrase) {
    this.text = text;
    this.code = code;
    this.display = display;
    this.route = route;
    this.skin = skin;
    this.phrase = phrase;
  }

  private static Site organ(String text, String code, String display, Route route, String phrase) {
    return new Site(text, code, display, route, false, phrase);
  }

  /** A body-surface site described in words, such as "left forearm" or "affected area". */
  static Site skin(String text) {
    boolean noArticle =
        text.startsWith("both ")
            || text.startsWith("each ")
            || text.startsWith("all ")
            || text.startsWith("around ")
            || text.startsWith("behind ")
            || text.startsWith("below ")
            || text.startsWith("under ")
            || text.startsWith("above ")
            || text.startsWith("between ")
            || text.startsWith("inside ")
            || text.startsWith("skin ");
    String phrase = noArticle ? "to " + text : "to the " + text;
    if (text.startsWith("inside ") || text.startsWith("between ") || text.startsWith("around ")) {
      phrase = text;
    }
    return new Site(text, null, null, null, true, phrase);
  }

  /** A non-skin site described in words ("larynx"), implying no route. */
  static Site other(String text) {
    return new Site(text, null, null, null, false, "to the " + text);
  }

  /** The same organ site with a different free text (e.g. "inside ear canal"), keeping its code. */
  Site withText(String newText, String newPhrase) {
    return new Site(newText, code, display, route, skin, newPhrase);
  }

  /** The same site implying {@code newRoute} ("eyelid" is ophthalmic). */
  Site withRoute(Route newRoute) {
    return new Site(text, code, display, newRoute, false, phrase);
  }

  boolean isEye() {
    return route == Route.OPHTHALMIC;
  }

  boolean isEar() {
    return route == Route.OTIC;
  }
}
