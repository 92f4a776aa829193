package io.streamsight.topology.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsight.processors.medication.Finding;
import io.streamsight.processors.medication.OrderInput;
import io.streamsight.processors.medication.OrderValidator;
import io.streamsight.processors.medication.ValidationResult;
import io.streamsight.processors.medication.formulary.DpdReader;
import io.streamsight.processors.medication.formulary.Formulary;
import io.streamsight.processors.medication.formulary.InMemoryFormulary;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import io.streamsight.processors.medication.sig.SigParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Validates orders from stdin, one JSON object per line, with the same validator as the stream. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Reads one JSON order per line on stdin ({\"din\", \"drugName\", \"sig\", \"quantity\","
          + " \"quantityUnit\"}) and prints one JSON result per line, in the same order:",
      "{\"status\", \"issues\": [{\"type\", \"message\", \"level\"}], \"expectedSupplyDays\","
          + " \"patientInstruction\", \"medicationRequest\": {FHIR R4}}.",
      "Without --dpd the built-in sample formulary (a dozen products) is used."
    })
final class ValidateCommand implements Callable<Integer> {

  static final String OGL =
      "Contains information licensed under the Open Government Licence – Canada.";

  @Option(
      names = "--dpd",
      paramLabel = "DIR",
      description =
          "A Health Canada Drug Product Database extract (marketed/, approved/, dormant/).")
  Path dpd;

  @Override
  public Integer call() throws IOException {
    Formulary formulary = formulary(dpd);
    OrderValidator validator = new OrderValidator(new SigParser(), formulary);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        out.println(render(validator, line, number));
      }
    }
    out.flush();
    return 0;
  }

  static Formulary formulary(Path dpd) throws IOException {
    if (dpd == null) {
      return InMemoryFormulary.of(SampleFormulary.products());
    }
    System.err.println("formulary: Health Canada Drug Product Database in " + dpd + ". " + OGL);
    return InMemoryFormulary.of(DpdReader.read(dpd));
  }

  static ObjectNode render(OrderValidator validator, String json, int lineNumber) {
    JsonNode order;
    try {
      order = JsonRecords.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      ObjectNode error = JsonRecords.MAPPER.createObjectNode();
      error.put("error", "MalformedOrder");
      error.put(
          "message", "line " + lineNumber + " is not a JSON object: " + e.getOriginalMessage());
      return error;
    }
    OrderInput input =
        new OrderInput(
            text(order, "orderId", "line-" + lineNumber),
            text(order, "sourceId", "cli"),
            text(order, "din", null),
            text(order, "drugName", null),
            text(order, "sig", null),
            order.hasNonNull("quantity") ? order.get("quantity").asDouble() : null,
            text(order, "quantityUnit", null),
            text(order, "patientRef", null),
            text(order, "prescriberRef", null));
    return render(validator.validate(input));
  }

  static ObjectNode render(ValidationResult result) {
    ObjectNode node = JsonRecords.MAPPER.createObjectNode();
    node.put("status", result.status().name());
    ArrayNode issues = node.putArray("issues");
    for (Finding f : result.findings()) {
      issues
          .addObject()
          .put("type", f.type())
          .put("message", f.message())
          .put("level", f.level().name().toLowerCase(Locale.ROOT));
    }
    if (result.expectedSupplyDays() == null) {
      node.putNull("expectedSupplyDays");
    } else {
      node.put("expectedSupplyDays", result.expectedSupplyDays());
    }
    node.put("patientInstruction", result.sig() == null ? null : result.sig().patientInstruction());
    try {
      node.set("medicationRequest", JsonRecords.MAPPER.readTree(result.medicationRequestJson()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("HAPI wrote JSON that Jackson cannot read", e);
    }
    return node;
  }

  private static String text(JsonNode node, String field, String fallback) {
    return node.hasNonNull(field) ? node.get(field).asText() : fallback;
  }
}
