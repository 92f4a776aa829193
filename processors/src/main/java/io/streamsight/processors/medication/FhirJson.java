package io.streamsight.processors.medication;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;

/**
 * FHIR R4 JSON through HAPI. The context is built once per JVM (it is expensive and thread-safe);
 * parsers are cheap and made per call, since they are not thread-safe.
 */
public final class FhirJson {

  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FhirJson() {}

  public static FhirContext context() {
    return R4;
  }

  public static IParser parser() {
    return R4.newJsonParser();
  }

  public static String encode(MedicationRequest request) {
    return parser().encodeResourceToString(request);
  }

  /**
   * Each Dosage as a JSON object. HAPI encodes resources, not datatypes, so the dosages are carried
   * in a MedicationRequest and taken back out of its {@code dosageInstruction} array.
   */
  public static List<JsonNode> dosageNodes(List<Dosage> dosages) {
    MedicationRequest carrier = new MedicationRequest();
    dosages.forEach(carrier::addDosageInstruction);
    try {
      JsonNode node = MAPPER.readTree(encode(carrier));
      List<JsonNode> result = new ArrayList<>();
      JsonNode array = node.get("dosageInstruction");
      if (array instanceof ArrayNode items) {
        items.forEach(result::add);
      }
      return result;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("HAPI wrote JSON that Jackson cannot read", e);
    }
  }

  public static List<String> dosageJson(List<Dosage> dosages) {
    return dosageNodes(dosages).stream().map(JsonNode::toString).toList();
  }
}
