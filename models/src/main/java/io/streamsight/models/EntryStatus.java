package io.streamsight.models;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the cache holds of one catalogue entry, file by file.
 *
 * @param entry the entry
 * @param state the worst state of its files
 * @param files every source file, then the converted file for a converted entry
 */
public record EntryStatus(ModelEntry entry, State state, List<FileStatus> files) {

  /** States from best to worst; an entry takes its worst file's. */
  public enum State {
    /** Present with the pinned sha256. */
    VERIFIED,
    /** A converted file that is present, but whose sha256 is not pinned yet. */
    UNPINNED,
    /** Not in the cache: {@code fetch} brings it. */
    MISSING,
    /** The converted file is missing and no converter of that name is installed. */
    CONVERTER_MISSING,
    /** Present with another sha256 than the pinned one. */
    MISMATCH
  }

  /**
   * One file of an entry.
   *
   * @param path where the file is (or would be) in the cache
   * @param expected the pinned sha256; null for an unpinned converted file
   * @param actual the sha256 found; null when the file is absent
   */
  public record FileStatus(Path path, String expected, String actual, State state) {

    public String fileName() {
      return path.getFileName().toString();
    }
  }

  public EntryStatus {
    files = List.copyOf(files);
  }

  /** True when the model can be loaded: every file verified (a converted one maybe unpinned). */
  public boolean usable() {
    return state == State.VERIFIED || state == State.UNPINNED;
  }

  /**
   * True when {@code verify} must fail for this entry: a mismatch always, anything unusable unless
   * the entry is optional.
   */
  public boolean failsVerify() {
    return state == State.MISMATCH || (!usable() && !entry.optional());
  }

  /** One line saying what is wrong, or that all is well, naming the files concerned. */
  public String describe() {
    return switch (state) {
      case VERIFIED -> "verified";
      case UNPINNED ->
          filesIn(State.UNPINNED, f -> f.fileName() + " has sha256 " + f.actual())
              + ", not pinned in the catalogue yet (pinned when the converter lands)";
      case MISSING ->
          "missing "
              + filesIn(State.MISSING, FileStatus::fileName)
              + (entry.optional() ? " (optional model)" : "")
              + ": run `streamsight models fetch`";
      case CONVERTER_MISSING ->
          "converter "
              + entry.conversion().converter()
              + " is not installed, so "
              + entry.model()
              + " cannot be made";
      case MISMATCH ->
          filesIn(
                  State.MISMATCH,
                  f -> f.path() + " has sha256 " + f.actual() + ", catalogue pins " + f.expected())
              + ": delete it and run `streamsight models fetch`";
    };
  }

  private String filesIn(State which, java.util.function.Function<FileStatus, String> text) {
    return files.stream()
        .filter(f -> f.state() == which)
        .map(text)
        .collect(Collectors.joining(", "));
  }
}
