package io.streamsight.models.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TF.js graph model's {@code modelTopology}: its name, op, data inputs (control
 * inputs {@code ^name} dropped) and attributes in TensorFlow's JSON form of {@code AttrValue}.
 */
record TfNode(String name, String op, List<String> inputs, JsonNode attr) {

  static TfNode fromJson(JsonNode node) throws ConversionException {
    String name = node.path("name").asText("");
    String op = node.path("op").asText("");
    if (name.isEmpty() || op.isEmpty()) {
      throw new ConversionException("graph node without name or op: " + node);
    }
    List<String> inputs = new ArrayList<>();
    for (JsonNode input : node.path("input")) {
      if (!input.asText().startsWith("^")) {
        inputs.add(input.asText());
      }
    }
    return new TfNode(name, op, List.copyOf(inputs), node.path("attr"));
  }

  /** Input {@code i}, failing with the node's name when it has fewer. */
  String input(int i) throws ConversionException {
    if (i >= inputs.size()) {
      throw new ConversionException(this + " needs at least " + (i + 1) + " inputs");
    }
    return inputs.get(i);
  }

  boolean has(String key) {
    return attr.has(key);
  }

  /** A string attribute ({@code s}, base64 in JSON), or {@code fallback} when absent. */
  String string(String key, String fallback) {
    JsonNode s = attr.path(key).path("s");
    return s.isMissingNode() ? fallback : decode(s.asText());
  }

  /** A list-of-strings attribute; empty when absent. */
  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : attr.path(key).path("list").path("s")) {
      out.add(decode(s.asText()));
    }
    return out;
  }

  /** A list-of-ints attribute (int64 values are JSON strings); {@code fallback} when absent. */
  long[] ints(String key, long... fallback) {
    JsonNode list = attr.path(key).path("list").path("i");
    if (!list.isArray() || list.isEmpty()) {
      return fallback;
    }
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i).asLong();
    }
    return out;
  }

  long integer(String key, long fallback) {
    JsonNode i = attr.path(key).path("i");
    return i.isMissingNode() ? fallback : i.asLong();
  }

  float real(String key, float fallback) {
    JsonNode f = attr.path(key).path("f");
    return f.isMissingNode() ? fallback : (float) f.asDouble();
  }

  boolean bool(String key, boolean fallback) {
    JsonNode b = attr.path(key).path("b");
    return b.isMissingNode() ? fallback : b.asBoolean();
  }

  /** A type attribute such as {@code DT_FLOAT}, or {@code fallback}. */
  String type(String key, String fallback) {
    return attr.path(key).path("type").asText(fallback);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return op + " node '" + name + "'";
  }
}
