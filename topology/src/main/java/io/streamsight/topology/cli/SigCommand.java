package io.streamsight.topology.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsight.processors.medication.FhirJson;
import io.streamsight.processors.medication.sig.ParsedSig;
import io.streamsight.processors.medication.sig.SigNote;
import io.streamsight.processors.medication.sig.SigParser;
import io.streamsight.processors.medication.sig.UnparseableSigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Parses sigs from stdin, one per line, into FHIR R4 Dosage JSON, one object per line. */
@Command(
    name = "sig",
    mixinStandardHelpOptions = true,
    description = {
      "Reads one sig per line on stdin and prints one JSON object per line:",
      "{\"sig\", \"dosage\": [FHIR R4 Dosage...], \"dispenseQuantity\", \"patientInstruction\","
          + " \"issues\": [{\"type\", \"message\", \"level\"}]}, or {\"sig\", \"error\":"
          + " \"UnparseableSigError\", \"message\"} when the sig cannot be read."
    })
final class SigCommand implements Callable<Integer> {

  @Override
  public Integer call() throws IOException {
    SigParser parser = new SigParser();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(render(parser, line));
      }
    }
    out.flush();
    return 0;
  }

  static ObjectNode render(SigParser parser, String sig) {
    ObjectNode node = JsonRecords.MAPPER.createObjectNode();
    node.put("sig", sig);
    try {
      ParsedSig parsed = parser.parse(sig);
      ArrayNode dosage = node.putArray("dosage");
      FhirJson.dosageNodes(parsed.dosages()).forEach(dosage::add);
      if (parsed.dispenseQuantity() == null) {
        node.putNull("dispenseQuantity");
      } else {
        node.put("dispenseQuantity", parsed.dispenseQuantity());
      }
      node.put("patientInstruction", parsed.patientInstruction());
      ArrayNode issues = node.putArray("issues");
      for (SigNote note : parsed.notes()) {
        issues
            .addObject()
            .put("type", note.type())
            .put("message", note.message())
            .put("level", note.level().toLowerCase(Locale.ROOT));
      }
    } catch (UnparseableSigException e) {
      node.put("error", "UnparseableSigError");
      node.put("message", e.getMessage());
    }
    return node;
  }
}
