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

  private static final FhirContext R4 = context(FhirContext.forR4());
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Our resources are built in memory with no references to contain, so HAPI's search for reference
   * targets to contain (a walk of the whole resource per encode) is switched off.
   */
  private static FhirContext context(FhirContext context) {
    context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
    return context;
  }

  private FhirJson() {}

  public static FhirContext context() {
    return R4;
  }

  public static IParser parser() {
    return R4.newJsonParser();
  }

  /**
   * Compact JSON. Narratives are not suppressed: ours have none, and suppressing them makes HAPI
   * tag the resource SUBSETTED, which tells a FHIR server it is incomplete and must not be stored.
   */
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
}
