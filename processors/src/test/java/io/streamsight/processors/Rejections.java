package io.streamsight.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.streamsight.processors.RejectedInputException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on {@link RejectedInputException}, also when Kafka Streams wraps it. */
public final class Rejections {

  private Rejections() {}

  /**
   * Runs {@code call}, asserts it throws a {@link RejectedInputException} (directly or as a cause)
   * with {@code reason}, and returns it for assertions on the message.
   */
  public static RejectedInputException assertRejected(ThrowingCallable call, Reason reason) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected a rejection for %s", reason).isNotNull();
    RejectedInputException rejection = find(thrown);
    assertThat(rejection)
        .as("no RejectedInputException in the cause chain of %s", thrown)
        .isNotNull();
    assertThat(rejection.reason()).as("reason of: %s", rejection.getMessage()).isEqualTo(reason);
    return rejection;
  }

  private static RejectedInputException find(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof RejectedInputException rejection) {
        return rejection;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
