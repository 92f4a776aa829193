package io.streamsight.models.fetch;

import io.streamsight.models.fetch.FetchOutcome.Result;
import java.util.List;

/** What a fetch did, entry by entry, in catalogue order. */
public record FetchReport(List<FetchOutcome> outcomes) {

  public FetchReport {
    outcomes = List.copyOf(outcomes);
  }

  /** True when every entry's files are in the cache. */
  public boolean ok() {
    return outcomes.stream().allMatch(FetchOutcome::ok);
  }

  /** The outcomes with one of these results. */
  public List<FetchOutcome> withResult(Result... results) {
    List<Result> wanted = List.of(results);
    return outcomes.stream().filter(o -> wanted.contains(o.result())).toList();
  }

  /** The outcome of the entry with that name. */
  public FetchOutcome of(String name) {
    return outcomes.stream()
        .filter(o -> o.entry().name().equals(name))
        .findAny()
        .orElseThrow(() -> new IllegalArgumentException("no outcome for " + name));
  }
}
