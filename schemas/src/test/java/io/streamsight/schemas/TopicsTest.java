package io.streamsight.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsight.events.ImageEvent;
import io.streamsight.events.TextEvent;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopicsTest {

  private final Topics topics = Topics.create();

  @Test
  void shouldListEveryTopicOnceWithTheDeadLetterQueueLast() {
    assertThat(topics.all())
        .extracting(Topic::name)
        .containsExactly(
            "images.raw",
            "video.frames",
            "images.enriched",
            "images.redacted",
            "audio.raw",
            "audio.transcripts",
            "text.raw",
            "text.normalized",
            "pharmacy.orders",
            "pharmacy.validations",
            "behavior.events",
            "behavior.counts",
            "camera-config",
            "formulary",
            "formulary.names",
            "streamsight.dlq");
  }

  @Test
  void shouldGiveEachTypedAccessorItsTopic() {
    assertThat(
            List.of(
                topics.images(),
                topics.videoFrames(),
                topics.enrichedImages(),
                topics.redactedImages(),
                topics.audio(),
                topics.transcripts(),
                topics.text(),
                topics.normalizedText(),
                topics.orders(),
                topics.validations(),
                topics.behaviorEvents(),
                topics.behaviorCounts(),
                topics.cameraConfig(),
                topics.deadLetters()))
        .extracting(Topic::name)
        .containsExactly(
            Topics.IMAGES_RAW,
            Topics.VIDEO_FRAMES,
            Topics.IMAGES_ENRICHED,
            Topics.IMAGES_REDACTED,
            Topics.AUDIO_RAW,
            Topics.AUDIO_TRANSCRIPTS,
            Topics.TEXT_RAW,
            Topics.TEXT_NORMALIZED,
            Topics.PHARMACY_ORDERS,
            Topics.PHARMACY_VALIDATIONS,
            Topics.BEHAVIOR_EVENTS,
            Topics.BEHAVIOR_COUNTS,
            Topics.CAMERA_CONFIG,
            Topics.DEAD_LETTER_QUEUE);
  }

  @Test
  void shouldFindATopicByName() {
    assertThat(topics.byName("audio.transcripts")).containsSame(topics.transcripts());
    assertThat(topics.byName("no.such.topic")).isEmpty();
  }

  @Test
  void shouldRoundTripTheSampleOfEachEventTopic() {
    assertThat(
            topics
                .images()
                .deserializeValue(topics.images().serializeValue(SampleEvents.imageEvent())))
        .isEqualTo(SampleEvents.imageEvent());
    assertThat(
            topics
                .enrichedImages()
                .deserializeValue(
                    topics.enrichedImages().serializeValue(SampleEvents.enrichedImage())))
        .isEqualTo(SampleEvents.enrichedImage());
    assertThat(
            topics
                .audio()
                .deserializeValue(topics.audio().serializeValue(SampleEvents.audioEvent())))
        .isEqualTo(SampleEvents.audioEvent());
    assertThat(
            topics
                .transcripts()
                .deserializeValue(topics.transcripts().serializeValue(SampleEvents.transcript())))
        .isEqualTo(SampleEvents.transcript());
    assertThat(
            topics.text().deserializeValue(topics.text().serializeValue(SampleEvents.textEvent())))
        .isEqualTo(SampleEvents.textEvent());
    assertThat(
            topics
                .normalizedText()
                .deserializeValue(topics.normalizedText().serializeValue(SampleEvents.textEvent())))
        .isEqualTo(SampleEvents.textEvent());
    assertThat(
            topics
                .orders()
                .deserializeValue(topics.orders().serializeValue(SampleEvents.medicationOrder())))
        .isEqualTo(SampleEvents.medicationOrder());
    assertThat(
            topics
                .validations()
                .deserializeValue(
                    topics.validations().serializeValue(SampleEvents.medicationValidation())))
        .isEqualTo(SampleEvents.medicationValidation());
    assertThat(
            topics
                .behaviorEvents()
                .deserializeValue(
                    topics.behaviorEvents().serializeValue(SampleEvents.behaviorEvent())))
        .isEqualTo(SampleEvents.behaviorEvent());
  }

  @Test
  void shouldRoundTripStringKeys() {
    assertThat(topics.orders().deserializeKey(topics.orders().serializeKey("RX-2026-000417")))
        .isEqualTo("RX-2026-000417");
  }

  @Test
  void shouldCarryDeadLettersAsUnchangedBytes() {
    byte[] raw = {(byte) 0xC3, 0x01, 0x00, 0x7F, (byte) 0xFF};

    byte[] written = topics.deadLetters().serializeValue(raw);

    assertThat(topics.deadLetters().deserializeValue(written)).containsExactly(raw);
  }

  @Test
  void shouldRejectAnImageOnTheTextTopic() {
    byte[] image = topics.images().serializeValue(SampleEvents.imageEvent());

    assertThatThrownBy(() -> topics.text().deserializeValue(image))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("text.raw: record of type " + ImageEvent.class.getName())
        .hasMessageContaining(TextEvent.class.getName() + " was expected");
  }

  @Test
  void shouldUseAConfiguredDeadLetterQueueName() {
    Topics custom = Topics.create("streamsight.prod.dlq");

    assertThat(custom.deadLetters().name()).isEqualTo("streamsight.prod.dlq");
    assertThat(custom.byName("streamsight.prod.dlq")).containsSame(custom.deadLetters());
    assertThat(custom.byName(Topics.DEAD_LETTER_QUEUE)).isEmpty();
  }

  @Test
  void shouldRejectADeadLetterQueueNamedLikeAnEventTopic() {
    assertThatThrownBy(() -> Topics.create(Topics.IMAGES_RAW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("images.raw");
  }

  @Test
  void shouldRejectAnIllegalTopicName() {
    assertThatThrownBy(() -> Topics.create("dead letters"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("illegal Kafka topic name");
    assertThatThrownBy(() -> new Topic<>("..", Serdes.String(), Serdes.String()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Topic<>("a".repeat(250), Serdes.String(), Serdes.String()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldCarryRedactedImagesAsImageEventsWithTheRawTopicsSerde() {
    assertThat(
            topics
                .redactedImages()
                .deserializeValue(
                    topics.redactedImages().serializeValue(SampleEvents.imageEvent())))
        .isEqualTo(SampleEvents.imageEvent());
    assertThat(topics.redactedImages().valueSerde()).isSameAs(topics.images().valueSerde());
  }

  @Test
  void shouldShareOneSerdeBetweenTheTwoTextTopics() {
    assertThat(topics.normalizedText().valueSerde()).isSameAs(topics.text().valueSerde());
  }
}
