package io.streamsight.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamsight.processors.medication.formulary.DpdReader;
import io.streamsight.processors.medication.formulary.DpdTestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FormularyCommandTest {

  @Test
  void shouldPrintNameMatchesFromTheSampleAsJsonLines() throws Exception {
    Run run = run("formulary", "lookup", "amoxicilin", "250mg");

    assertThat(run.code).isZero();
    assertThat(run.err).contains(DpdReader.ATTRIBUTION);
    List<JsonNode> lines = run.json();
    assertThat(lines).isNotEmpty();
    JsonNode first = lines.get(0);
    assertThat(first.get("query").asText()).isEqualTo("amoxicilin 250mg");
    assertThat(first.get("match").asText()).isEqualTo("FUZZY");
    assertThat(first.get("matchedName").asText()).isEqualTo("amoxicillin");
    assertThat(first.get("distance").asInt()).isEqualTo(1);
    assertThat(first.at("/product/source").asText()).isEqualTo("sample");
    assertThat(lines)
        .extracting(n -> n.at("/product/din").asText())
        .containsExactlyInAnyOrder("00406716", "00452130");
  }

  @Test
  void shouldLookADinUpWithoutItsLeadingZero() throws Exception {
    Run run = run("formulary", "lookup", "2212307");

    assertThat(run.code).isZero();
    JsonNode line = run.json().get(0);
    assertThat(line.get("match").asText()).isEqualTo("DIN");
    assertThat(line.at("/product/din").asText()).isEqualTo("02212307");
    assertThat(line.at("/product/brandName").asText()).isEqualTo("CEFTIN");
    assertThat(line.at("/product/ingredients/0/strength").asDouble()).isEqualTo(125.0);
  }

  @Test
  void shouldLookUpInAnExtractFolder() throws Exception {
    String dpd = DpdTestData.dpdDir().toString();

    Run run = run("formulary", "lookup", "--dpd", dpd, "2372568");

    assertThat(run.code).isZero();
    assertThat(run.err).contains(DpdReader.ATTRIBUTION).contains("read 19798 products");
    JsonNode product = run.json().get(0).get("product");
    assertThat(product.get("brandName").asText()).isEqualTo("OXYNEO");
    assertThat(product.get("marketingStatus").asText()).isEqualTo("MARKETED");
    assertThat(product.get("source").asText()).isEqualTo("dpd");

    Run limited = run("formulary", "lookup", "--dpd", dpd, "--max", "3", "amox");
    assertThat(limited.json()).hasSize(3).allMatch(n -> n.get("match").asText().equals("PREFIX"));
  }

  @Test
  void shouldExitWithOneWhenNothingMatches() {
    Run run = run("formulary", "lookup", "zzzzzz");

    assertThat(run.code).isEqualTo(1);
    assertThat(run.out).isEmpty();
    assertThat(run.err).contains("no product found for zzzzzz");
  }

  @Test
  void shouldRequireOneSourceToImport() {
    assertThat(run("formulary", "import").code).isEqualTo(2);
    assertThat(run("formulary", "import", "--sample", "--dpd", "x").code).isEqualTo(2);
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new StreamsightCommand())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {
    List<JsonNode> json() throws Exception {
      List<JsonNode> nodes = new ArrayList<>();
      for (String line : out.lines().toList()) {
        nodes.add(JsonRecords.MAPPER.readTree(line)); // every stdout line is JSON
      }
      return nodes;
    }
  }
}
