package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.TextEvent;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TextTopologyTest extends TopologyTestSupport {

  private TestInputTopic<String, TextEvent> text;
  private TestOutputTopic<String, TextEvent> normalized;

  @Override
  protected Map<String, String> overrides() {
    return Map.of("text.max.chars", "200");
  }

  @BeforeEach
  void topics() {
    text = input(topics.text());
    normalized = output(topics.normalizedText());
  }

  private static TextEvent event(String id, String body) {
    return TextEvent.newBuilder()
        .setEventId(id)
        .setSourceId("terminal-1")
        .setCaptureTime(START)
        .setText(body)
        .setKind("order")
        .setLanguage("en")
        .build();
  }

  @Test
  void shouldNormaliseUnicodeAndWhitespaceAndKeepTheRest() {
    text.pipeInput(
        "terminal-1", event("t1", "\uFEFF amoxicillin\u00a0250mg \u200bt\ttid\n x10d  "));
    text.pipeInput("terminal-1", event("t2", "Cafe\u0301 \u00bd tab"));

    var out = normalized.readValuesToList();
    assertThat(out)
        .extracting(TextEvent::getText)
        .containsExactly("amoxicillin 250mg t tid x10d", "Caf\u00e9 \u00bd tab");
    assertThat(out.get(0).getEventId()).isEqualTo("t1");
    assertThat(out.get(0).getKind()).isEqualTo("order");
    assertThat(out.get(0).getLanguage()).isEqualTo("en");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldDeadLetterEmptyAndOversizeTextAndGoOn() {
    text.pipeInput("terminal-1", event("blank", " \u200b\u00a0 "));
    text.pipeInput("terminal-1", event("long", "x".repeat(201)));
    text.pipeInput("terminal-1", event("fine", "take 1 tablet"));

    assertThat(normalized.readValuesToList())
        .extracting(TextEvent::getEventId)
        .containsExactly("fine");
    assertThat(deadLetters.readRecordsToList())
        .extracting(r -> errorHeader(r, "exception"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e).endsWith("RejectedInputException"));
  }
}
