package io.streamsight.processors.medication.sig;

/** An organ that comes in a pair (eyes, ears) and the site each side word names on it. */
record PairedOrgan(Site one, Site left, Site right, Site both, Site affected) {

  static final PairedOrgan EYES =
      new PairedOrgan(Site.EYE, Site.LEFT_EYE, Site.RIGHT_EYE, Site.BOTH_EYES, Site.AFFECTED_EYE);
  static final PairedOrgan EARS =
      new PairedOrgan(Site.EAR, Site.LEFT_EAR, Site.RIGHT_EAR, Site.BOTH_EARS, Site.AFFECTED_EAR);

  /**
   * The site that {@code side} ("left", "both", "affected", ..., or null when none was written)
   * names; with no side word, the organ written in the plural means both sides.
   */
  Site site(String side, boolean plural) {
    Site unsided = plural ? both : one;
    if (side == null) {
      return unsided;
    }
    return switch (side) {
      case "left" -> left;
      case "right" -> right;
      case "both", "each" -> both;
      case "affected" -> affected;
      default -> unsided;
    };
  }

  /** Both sides when {@code a} and {@code b} are this organ's left and right, else null. */
  Site bothSides(Site a, Site b) {
    return (a == left && b == right) || (a == right && b == left) ? both : null;
  }
}
