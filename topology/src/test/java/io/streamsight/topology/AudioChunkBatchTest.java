package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsight.events.AudioEvent;
import io.streamsight.events.Transcript;
import io.streamsight.topology.samples.SampleMedia;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;

/**
 * Chunks of one call in the same micro-batch: a chunk sent twice (a producer retry) is analysed
 * alone and never appended to the call twice. Voice activity only (no recogniser).
 */
class AudioChunkBatchTest extends TopologyTestSupport {

  @Override
  protected Map<String, String> overrides() {
    return Map.of("audio.recognizer", "none", "audio.batch.max.size", "4");
  }

  private static long speechMs(Transcript t) {
    return t.getSegments().stream().mapToLong(s -> s.getEndMs() - s.getStartMs()).sum();
  }

  @Test
  void shouldAnalyseAChunkSentTwiceInOneBatchAloneAndKeepTheCallWhole() throws Exception {
    byte[] call = AudioTopologyTest.call();
    TestInputTopic<String, AudioEvent> audio = input(topics.audio());
    TestOutputTopic<String, Transcript> transcripts = output(topics.transcripts());
    int[] cuts = {0, 40_001 * 2, 90_007 * 2, call.length};
    byte[][] pieces = new byte[3][];
    for (int i = 0; i < 3; i++) {
      pieces[i] = Arrays.copyOfRange(call, cuts[i], cuts[i + 1]);
    }

    // Batch 1: the whole call, and three tones of another line to fill the batch.
    audio.pipeInput("call-7", AudioTopologyTest.chunk("whole", call, 0, true));
    for (int i = 0; i < 3; i++) {
      audio.pipeInput("line-1", AudioTopologyTest.wav("tone-" + i, SampleMedia.toneWav()));
    }
    // Batch 2: the call in three chunks, the second one twice.
    audio.pipeInput("call-9", AudioTopologyTest.chunk("a", pieces[0], 0, false));
    audio.pipeInput("call-9", AudioTopologyTest.chunk("b", pieces[1], 1, false));
    audio.pipeInput("call-9", AudioTopologyTest.chunk("b-again", pieces[1], 1, false));
    audio.pipeInput("call-9", AudioTopologyTest.chunk("c", pieces[2], 2, true));

    List<Transcript> out = transcripts.readValuesToList();
    assertThat(out)
        .extracting(t -> t.getSource().getEventId())
        .containsExactly("whole", "tone-0", "tone-1", "tone-2", "a", "b", "b-again", "c");
    Transcript whole = out.get(0);
    assertThat(whole.getSegments()).isNotEmpty();
    // a, b and c hold the call's speech once, as the whole does; twice b's audio would add its
    // speech (about 3 s) again.
    long chunked = speechMs(out.get(4)) + speechMs(out.get(5)) + speechMs(out.get(7));
    assertThat(chunked).isBetween(speechMs(whole) - 2, speechMs(whole) + 2);
    // The retry, analysed on its own, finds speech in b's audio.
    assertThat(speechMs(out.get(6))).isGreaterThan(1000);
    assertThat(deadLetters.isEmpty()).isTrue();
  }
}
