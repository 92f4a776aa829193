package io.streamsight.topology;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.streamsight.events.FormularyProduct;
import io.streamsight.events.MedicationOrder;
import io.streamsight.events.MedicationValidation;
import io.streamsight.events.TextEvent;
import io.streamsight.events.ValidationStatus;
import io.streamsight.processors.medication.formulary.FormularyNames;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PharmacyTopologyTest extends TopologyTestSupport {

  private TestInputTopic<String, MedicationOrder> orders;
  private TestOutputTopic<String, MedicationValidation> validations;
  private FormularyProduct amoxicillin;

  @BeforeEach
  void loadFormulary() {
    List<FormularyProduct> sample = SampleFormulary.products();
    TestInputTopic<String, FormularyProduct> products = input(topics.formulary());
    sample.forEach(p -> products.pipeInput(p.getDin(), p));
    var names = input(topics.formularyNames());
    FormularyNames.index(sample).forEach(e -> names.pipeInput(e.getName(), e));
    orders = input(topics.orders());
    validations = output(topics.validations());
    // Novamoxin 500 mg capsules.
    amoxicillin =
        sample.stream().filter(p -> p.getDin().equals("00406716")).findFirst().orElseThrow();
  }

  private static MedicationOrder order(String id, String din, String name, String sig) {
    return MedicationOrder.newBuilder()
        .setOrderId(id)
        .setSourceId("pharmacy-1")
        .setOrderTime(START)
        .setDin(din)
        .setDrugName(name)
        .setSig(sig)
        .setQuantity(30.0)
        .setPatientRef("Patient/SENTINEL-PATIENT")
        .setPrescriberRef("Practitioner/SENTINEL-PRESCRIBER")
        .build();
  }

  @Test
  void shouldValidateOrdersAgainstTheFormularyGlobalTables() {
    orders.pipeInput("o-1", order("o-1", amoxicillin.getDin(), "amoxicillin", "1 cap po tid x10d"));
    orders.pipeInput("o-2", order("o-2", "99999999", null, "1 cap po tid x10d"));

    var out = validations.readKeyValuesToMap();
    assertThat(out.get("o-1").getStatus()).isEqualTo(ValidationStatus.ACCEPTED);
    assertThat(out.get("o-1").getExpectedSupplyDays()).isEqualTo(10);
    assertThat(out.get("o-1").getFormularyMatch().getDin()).isEqualTo(amoxicillin.getDin());
    assertThat(out.get("o-1").getMedicationRequestJson()).contains("ca-hc-din");
    assertThat(out.get("o-2").getStatus()).isEqualTo(ValidationStatus.REJECTED);
    assertThat(out.get("o-2").getFindings().get(0).getType()).isEqualTo("DinNotFoundError");
  }

  @Test
  void shouldValidateTypedOrdersFromNormalisedText() {
    TestInputTopic<String, TextEvent> text = input(topics.text());
    text.pipeInput(
        "terminal-1",
        TextEvent.newBuilder()
            .setEventId("typed-1")
            .setSourceId("terminal-1")
            .setCaptureTime(START)
            .setText("amoxicillin  500mg\u00a01 cap po tid x10d #30")
            .setKind("order")
            .build());
    text.pipeInput(
        "terminal-1",
        TextEvent.newBuilder()
            .setEventId("note-1")
            .setSourceId("terminal-1")
            .setCaptureTime(START)
            .setText("call the patient back")
            .setKind("note")
            .build());

    var out = validations.readKeyValuesToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).key).isEqualTo("typed-1");
    assertThat(out.get(0).value.getDispenseQuantity()).isEqualTo(30.0);
    assertThat(out.get(0).value.getExpectedSupplyDays()).isEqualTo(10);
  }

  @Test
  void shouldNeverLogSigPatientOrPrescriber() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger ours = (Logger) LoggerFactory.getLogger("io.streamsight");
    Level before = ours.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    ours.setLevel(Level.DEBUG);
    try {
      orders.pipeInput(
          "o-3",
          order("o-3", amoxicillin.getDin(), "amoxicillin", "1 cap po tid SENTINELSIG x10d"));
      orders.pipeInput(
          "o-4", order("o-4", amoxicillin.getDin(), "amoxicillin", "1 cap po tid x10d"));
      orders.pipeInput("o-5", (MedicationOrder) null);
      rawInput(topics.orders())
          .pipeInput(
              "o-6".getBytes(StandardCharsets.UTF_8),
              "garbage SENTINELSIG".getBytes(StandardCharsets.UTF_8));
    } finally {
      root.detachAppender(logs);
      ours.setLevel(before);
    }

    assertThat(validations.readKeyValuesToMap()).containsKeys("o-3", "o-4");
    assertThat(logs.list).as("the run logged something to check").isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      String text = event.getFormattedMessage() + throwableText(event.getThrowableProxy());
      assertThat(text).doesNotContain("SENTINEL");
    }
    assertThat(deadLetters.readRecordsToList()).hasSize(2);
  }

  private static String throwableText(IThrowableProxy t) {
    StringBuilder s = new StringBuilder();
    for (IThrowableProxy p = t; p != null; p = p.getCause()) {
      s.append(' ').append(p.getClassName()).append(": ").append(p.getMessage());
    }
    return s.toString();
  }

  @Override
  protected Map<String, String> overrides() {
    return Map.of();
  }
}
