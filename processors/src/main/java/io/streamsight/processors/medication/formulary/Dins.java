package io.streamsight.processors.medication.formulary;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drug Identification Numbers: 8 digits assigned by Health Canada, often written without their
 * leading zeros ({@code 2243616} for {@code 02243616}).
 */
public final class Dins {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,8}");

  private Dins() {}

  /**
   * The 8-digit form of a DIN: spaces around it dropped, leading zeros restored; empty when {@code
   * din} is null or not 1 to 8 ASCII digits.
   */
  public static Optional<String> normalize(String din) {
    if (din == null) {
      return Optional.empty();
    }
    String digits = din.strip();
    if (!DIGITS.matcher(digits).matches()) {
      return Optional.empty();
    }
    return Optional.of("0".repeat(8 - digits.length()) + digits);
  }
}
