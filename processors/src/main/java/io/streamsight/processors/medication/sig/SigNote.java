package io.streamsight.processors.medication.sig;

import static java.util.Objects.requireNonNull;

/**
 * Something a pharmacist should see about how a sig was written, not about what it means: an
 * error-prone abbreviation, a typo the parser corrected, a redundant restatement.
 *
 * @param type a stable code, e.g. {@code ErrorProneAbbreviation} or {@code TypoCorrected}
 * @param message one sentence for a person; may quote sig tokens, so it is health data
 * @param level {@code critical}, {@code warning} or {@code info}
 */
public record SigNote(String type, String message, String level) {

  /** A note that can lead to a tenfold or similar dosing error. */
  public static final String CRITICAL = "critical";

  /** A note about a practice that regularly causes errors. */
  public static final String WARNING = "warning";

  /** A note for information only. */
  public static final String INFO = "info";

  public SigNote {
    requireNonNull(type, "type");
    requireNonNull(message, "message");
    requireNonNull(level, "level");
  }
}
