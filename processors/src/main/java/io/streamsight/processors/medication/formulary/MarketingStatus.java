package io.streamsight.processors.medication.formulary;

/**
 * The DPD set a product comes from, the values of {@link
 * io.streamsight.events.FormularyProduct#getMarketingStatus()}, in order of precedence: a DIN found
 * in several sets keeps the first.
 */
public enum MarketingStatus {
  /** Sold in Canada now. */
  MARKETED,
  /** Approved for sale but not (yet) marketed. */
  APPROVED,
  /** Marketed before, not sold for at least 12 months; the DIN stays valid. */
  DORMANT;

  /** Precedence of a status string, lowest first; unknown strings come after every status. */
  static int rank(String status) {
    return switch (status == null ? "" : status) {
      case "MARKETED" -> 0;
      case "APPROVED" -> 1;
      case "DORMANT" -> 2;
      default -> 3;
    };
  }
}
