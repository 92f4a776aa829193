package io.streamsight.topology.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsight.events.FormularyProduct;
import io.streamsight.processors.medication.formulary.Dins;
import io.streamsight.processors.medication.formulary.DpdReader;
import io.streamsight.processors.medication.formulary.FormularyPublisher;
import io.streamsight.processors.medication.formulary.InMemoryFormulary;
import io.streamsight.processors.medication.formulary.NameMatch;
import io.streamsight.processors.medication.formulary.SampleFormulary;
import io.streamsight.schemas.Topics;
import io.streamsight.topology.config.StreamsightConfig;
import io.streamsight.topology.runtime.TopicCreator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The formulary of pharmacy order validation (Health Canada Drug Product Database): imports an
 * extract, or the built-in sample, into the {@code formulary} topics, and looks products up. Both
 * print the DPD's Open Government Licence attribution on stderr.
 */
@Command(
    name = "formulary",
    mixinStandardHelpOptions = true,
    description = {
      "The drug formulary orders are validated against: Health Canada's Drug Product Database"
          + " (DPD). "
          + DpdReader.ATTRIBUTION
    },
    subcommands = {FormularyCommand.Import.class, FormularyCommand.Lookup.class})
final class FormularyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Where the products come from: an extract folder, or the sample. */
  static final class Source {
    @Option(
        names = "--dpd",
        paramLabel = "DIR",
        description = "DPD extract folder with marketed/, approved/ and dormant/ subfolders.")
    Path dpd;

    @Option(names = "--sample", description = "The built-in sample of real products instead.")
    boolean sample;
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Publishes the products of a DPD extract (or the sample) to the compacted topic"
            + " formulary (key DIN) and their name index to formulary.names (key name),"
            + " creating the two topics compacted when they are missing.",
        "The topics then hold exactly that source: every DIN and name on them that the source"
            + " no longer carries is removed with a tombstone (--upsert keeps them).",
        "Prints the counts as one JSON object."
      })
  static final class Import implements Callable<Integer> {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    @Spec CommandSpec spec;

    @Mixin ConfigOptions options = new ConfigOptions();

    @Option(names = "--bootstrap-server", description = "Overrides bootstrap.servers.")
    String bootstrap;

    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(
        names = "--upsert",
        description =
            "Only add and update: leave DINs and names the source does not carry on the topics.")
    boolean upsert;

    @Override
    public Integer call() throws IOException, InterruptedException {
      PrintWriter err = spec.commandLine().getErr();
      err.println(DpdReader.ATTRIBUTION);
      err.flush();
      List<FormularyProduct> products = load(source.dpd, err);
      StreamsightConfig config = options.load();
      Topics topics = Topics.create(config.deadLetterTopic());
      String servers = Cli.bootstrap(bootstrap, config);
      Map<String, Object> clientProps = config.kafkaClientProperties(servers);
      if (config.createTopics()) {
        Set<String> formularyTopics =
            Set.of(topics.formulary().name(), topics.formularyNames().name());
        List<NewTopic> missing =
            TopicCreator.newTopics(
                    topics, config.topicPartitions(), config.topicReplicationFactor())
                .stream()
                .filter(t -> formularyTopics.contains(t.name()))
                .toList();
        TopicCreator.createMissing(clientProps, missing);
      }
      Set<String> liveDins = Set.of();
      Set<String> liveNames = Set.of();
      if (!upsert) {
        liveDins = LiveKeys.read(clientProps, topics.formulary(), READ_TIMEOUT);
        liveNames = LiveKeys.read(clientProps, topics.formularyNames(), READ_TIMEOUT);
      }
      FormularyPublisher.Publication publication;
      try (RecordPublisher publisher = new RecordPublisher(clientProps)) {
        publication =
            new FormularyPublisher(publisher::publishRaw, topics)
                .replace(products, liveDins, liveNames);
        publisher.flush();
        publication.await();
      }
      ObjectNode counts = JsonRecords.MAPPER.createObjectNode();
      counts.put("source", source.dpd == null ? SampleFormulary.SOURCE : DpdReader.SOURCE);
      if (source.dpd != null) {
        counts.put("dpd", source.dpd.toString());
      }
      counts.put("products", publication.products());
      Map<String, Integer> perStatus = new TreeMap<>();
      products.forEach(p -> perStatus.merge(p.getMarketingStatus(), 1, Integer::sum));
      perStatus.forEach(counts::put);
      counts.put("names", publication.names());
      counts.put("removedProducts", publication.removedProducts());
      counts.put("removedNames", publication.removedNames());
      counts.put("productTopic", topics.formulary().name());
      counts.put("nameTopic", topics.formularyNames().name());
      PrintWriter out = spec.commandLine().getOut();
      out.println(counts);
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "lookup",
      mixinStandardHelpOptions = true,
      description = {
        "Looks a DIN or a drug name up: one JSON object per product found, best first. A query of"
            + " 1 to 8 digits is a DIN; anything else a brand or ingredient name (exact, prefix or"
            + " fuzzy; strength and form words are ignored). Exit code 1 when nothing is found.",
        "Without --dpd, searches the built-in sample formulary."
      })
  static final class Lookup implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--dpd",
        paramLabel = "DIR",
        description = "DPD extract folder (default: the built-in sample).")
    Path dpd;

    @Option(
        names = "--max",
        defaultValue = "20",
        description = "Print at most this many products. Default: ${DEFAULT-VALUE}.")
    int max;

    @Parameters(arity = "1..*", paramLabel = "DIN|NAME", description = "Words are joined.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      err.println(DpdReader.ATTRIBUTION);
      err.flush();
      InMemoryFormulary formulary = InMemoryFormulary.of(load(dpd, err));
      String query = String.join(" ", words);
      List<ObjectNode> lines = new ArrayList<>();
      Optional<String> din = Dins.normalize(query);
      if (din.isPresent()) {
        formulary.byDin(din.get()).ifPresent(p -> lines.add(line(query, "DIN", null, 0, p)));
      } else {
        for (NameMatch m : formulary.byName(query)) {
          if (lines.size() >= max) {
            break;
          }
          lines.add(line(query, m.kind().name(), m.matchedName(), m.distance(), m.product()));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      lines.forEach(out::println);
      out.flush();
      if (lines.isEmpty()) {
        err.println("no product found for " + query);
        err.flush();
        return 1;
      }
      return 0;
    }

    private static ObjectNode line(
        String query, String kind, String matchedName, int distance, FormularyProduct product) {
      ObjectNode node = JsonRecords.MAPPER.createObjectNode();
      node.put("query", query);
      node.put("match", kind);
      if (matchedName != null) {
        node.put("matchedName", matchedName);
        node.put("distance", distance);
      }
      try {
        // Avro renders a record as plain JSON (unions without their type wrapper).
        node.set("product", JsonRecords.MAPPER.readTree(product.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return node;
    }
  }

  private static List<FormularyProduct> load(Path dpd, PrintWriter err) throws IOException {
    if (dpd == null) {
      return SampleFormulary.products();
    }
    long start = System.nanoTime();
    List<FormularyProduct> products = DpdReader.read(dpd);
    err.printf(
        "read %d products from %s in %d ms%n",
        products.size(), dpd, (System.nanoTime() - start) / 1_000_000);
    err.flush();
    return products;
  }
}
