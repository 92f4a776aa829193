package io.streamsight.processors.medication.sig;

/** The {@link Site} a written organ or body-surface phrase names, with its laterality. */
final class SiteNames {

  private SiteNames() {}

  /** Both sides when {@code a} and {@code b} are the left and right of one eye or ear pair. */
  static Site combine(Site a, Site b) {
    Site eyes = PairedOrgan.EYES.bothSides(a, b);
    return eyes != null ? eyes : PairedOrgan.EARS.bothSides(a, b);
  }

  /** An eye, ear, nostril, rectal or vaginal site, with its laterality. */
  static Site organ(String side, String organ) {
    boolean plural = organ.endsWith("s");
    switch (organ) {
      case "eye", "eyes" -> {
        return PairedOrgan.EYES.site(side, plural);
      }
      case "ear", "ears" -> {
        return PairedOrgan.EARS.site(side, plural);
      }
      case "nostril", "nostrils", "nares" -> {
        if ("each".equals(side) || "both".equals(side) || (side == null && plural)) {
          return Site.EACH_NOSTRIL;
        }
        if ("left".equals(side) || "right".equals(side) || "one".equals(side)) {
          String text = side + " nostril"; // the nasal route all the same
          return Site.NOSTRIL.withText(text, "in " + ("one".equals(side) ? "" : "the ") + text);
        }
        return unsided(side, Site.NOSTRIL);
      }
      case "nose" -> {
        return unsided(side, Site.NOSE);
      }
      case "rectum" -> {
        return unsided(side, Site.RECTUM);
      }
      case "vagina" -> {
        return unsided(side, Site.VAGINA);
      }
      case "mouth" -> {
        return unsided(side, Site.MOUTH);
      }
      default -> {
        return null;
      }
    }
  }

  /** {@code site} when no side was written (or only "the"): a nose has no left or right. */
  private static Site unsided(String side, Site site) {
    return side == null || side.equals("the") ? site : null;
  }

  /** A free-text site that names an organ with a route of its own ("eyelid"), else a skin site. */
  static Site organText(String text) {
    if (text.endsWith("eyelid")
        || text.endsWith("eyelids")
        || text.endsWith("lids")
        || text.endsWith("lid")
        || text.endsWith("conjunctiva")
        || text.endsWith("cornea")) {
      return siteWithRoute(text, Route.OPHTHALMIC);
    }
    if (text.equals("larynx")
        || text.equals("throat")
        || text.equals("gums")
        || text.equals("teeth")
        || text.equals("tongue")
        || text.equals("tooth")
        || text.equals("gum")) {
      return Site.other(text);
    }
    return Site.skin(text);
  }

  private static Site siteWithRoute(String text, Route route) {
    return Site.skin(text).withRoute(route);
  }
}
