package io.streamsight.processors.medication.formulary;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.streamsight.events.FormularyIngredient;
import io.streamsight.events.FormularyProduct;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Health Canada Drug Product Database (DPD) extract into formulary products. Contains
 * information licensed under the Open Government Licence – Canada: show {@link #ATTRIBUTION}
 * wherever the products are used.
 *
 * <p>The extract is the DPD's official format: per set, one CSV file per table (every field quoted,
 * no header row, UTF-8), joined on {@code DRUG_CODE}. The marketed set is {@code
 * marketed/drug.txt}, {@code marketed/ingred.txt}, ...; the approved and dormant sets add {@code
 * _ap} and {@code _dr} to the file names. Of the tables, this reader uses {@code drug} (DIN, brand,
 * descriptor, class), {@code ingred} (name, strength and unit, per dosage value and unit), {@code
 * form}, {@code route}, {@code status} (date of the current status), {@code schedule}, {@code ther}
 * (the ATC code) and {@code comp} (the company). Files are streamed, and only what {@link
 * FormularyProduct} holds is kept.
 *
 * <p>Rows whose DIN is not 1 to 8 digits (a few radiopharmaceuticals read "Not Applicable") are
 * skipped: the formulary is keyed by DIN. Values such as strengths that do not parse become null.
 */
public final class DpdReader {

  /** The attribution the Open Government Licence – Canada asks for. */
  public static final String ATTRIBUTION =
      "Contains information licensed under the Open Government Licence – Canada.";

  /** {@link FormularyProduct#getSource()} of products read from an extract. */
  public static final String SOURCE = "dpd";

  private static final Logger LOG = LoggerFactory.getLogger(DpdReader.class);

  private static final ObjectReader CSV =
      new CsvMapper()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .readerFor(String[].class)
          .with(CsvSchema.emptySchema());

  private DpdReader() {}

  /**
   * Reads an extract folder with {@code marketed/}, {@code approved/} and {@code dormant/}
   * subfolders (any may be missing); a DIN present in several sets keeps the MARKETED one, else
   * APPROVED, else DORMANT.
   *
   * @return the products, in DIN order, with {@code source} {@value #SOURCE}
   * @throws NoSuchFileException when {@code dpdDir} is not a folder, or a set's folder lacks one of
   *     the tables read
   * @throws IOException when a file cannot be read or a row has fewer columns than its table
   */
  public static List<FormularyProduct> read(Path dpdDir) throws IOException {
    if (!Files.isDirectory(dpdDir)) {
      throw new NoSuchFileException(dpdDir.toString(), null, "not a DPD extract folder");
    }
    long start = System.nanoTime();
    Map<String, FormularyProduct> byDin = new HashMap<>();
    Map<MarketingStatus, Integer> counts = new LinkedHashMap<>();
    for (MarketingStatus status : MarketingStatus.values()) {
      Path dir = dpdDir.resolve(folder(status));
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<FormularyProduct> products = new SetReader(dir, status).read();
      counts.put(status, products.size());
      // Sets are read in precedence order, so the first product under a DIN wins.
      products.forEach(p -> byDin.putIfAbsent(p.getDin(), p));
    }
    List<FormularyProduct> all = new ArrayList<>(byDin.values());
    all.sort(Comparator.comparing(FormularyProduct::getDin));
    LOG.info(
        "Read {} DPD products from {} in {} ms (per set: {})",
        all.size(),
        dpdDir,
        (System.nanoTime() - start) / 1_000_000,
        counts);
    return all;
  }

  private static String folder(MarketingStatus status) {
    return switch (status) {
      case MARKETED -> "marketed";
      case APPROVED -> "approved";
      case DORMANT -> "dormant";
    };
  }

  private static String suffix(MarketingStatus status) {
    return switch (status) {
      case MARKETED -> "";
      case APPROVED -> "_ap";
      case DORMANT -> "_dr";
    };
  }

  /** One set's tables, joined on DRUG_CODE. */
  private static final class SetReader {
    private final Path dir;
    private final MarketingStatus status;
    private final Map<Long, Draft> drafts = new LinkedHashMap<>();
    // Forms, routes, units and companies repeat thousands of times: keep one copy of each.
    private final Map<String, String> pool = new HashMap<>();

    SetReader(Path dir, MarketingStatus status) {
      this.dir = dir;
      this.status = status;
    }

    List<FormularyProduct> read() throws IOException {
      int[] skipped = {0};
      // drug: DRUG_CODE, PRODUCT_CATEGORIZATION, CLASS, DRUG_IDENTIFICATION_NUMBER, BRAND_NAME,
      // DESCRIPTOR, ...
      each(
          "drug",
          6,
          row -> {
            var din = Dins.normalize(row[3]);
            if (din.isEmpty()) {
              skipped[0]++;
              return;
            }
            drafts.put(
                Long.parseLong(row[0]),
                new Draft(din.get(), row[4].strip(), blankToNull(row[5]), pooled(row[2])));
          });
      // ingred: DRUG_CODE, ACTIVE_INGREDIENT_CODE, INGREDIENT, INGREDIENT_SUPPLIED_IND, STRENGTH,
      // STRENGTH_UNIT, STRENGTH_TYPE, DOSAGE_VALUE, BASE, DOSAGE_UNIT, ...
      joined(
          "ingred",
          10,
          (d, row) ->
              d.ingredients.add(
                  FormularyIngredient.newBuilder()
                      .setName(pooled(row[2]))
                      .setStrength(number(row[4]))
                      .setStrengthUnit(pooled(row[5]))
                      .setDosageValue(number(row[7]))
                      .setDosageUnit(pooled(row[9]))
                      .build()));
      // form: DRUG_CODE, PHARM_FORM_CODE, PHARMACEUTICAL_FORM, ...
      joined("form", 3, (d, row) -> addDistinct(d.forms, pooled(row[2])));
      // route: DRUG_CODE, ROUTE_OF_ADMINISTRATION_CODE, ROUTE_OF_ADMINISTRATION, ...
      joined("route", 3, (d, row) -> addDistinct(d.routes, pooled(row[2])));
      // status: DRUG_CODE, CURRENT_STATUS_FLAG, STATUS, HISTORY_DATE, ...
      joined(
          "status",
          4,
          (d, row) -> {
            if ("Y".equals(row[1])) {
              d.statusDate = blankToNull(row[3]);
            }
          });
      // schedule: DRUG_CODE, SCHEDULE, SCHEDULE_F
      joined("schedule", 2, (d, row) -> addDistinct(d.schedules, pooled(row[1])));
      // ther: DRUG_CODE, TC_ATC_NUMBER, ...
      joined(
          "ther",
          2,
          (d, row) -> {
            if (d.atcCode == null) {
              d.atcCode = blankToNull(row[1]);
            }
          });
      // comp: DRUG_CODE, MFR_CODE, COMPANY_CODE, COMPANY_NAME, ...
      joined(
          "comp",
          4,
          (d, row) -> {
            if (d.company == null) {
              d.company = pooled(row[3]);
            }
          });
      if (skipped[0] > 0) {
        LOG.info("Skipped {} {} rows without a DIN in {}", skipped[0], status, dir);
      }
      List<FormularyProduct> products = new ArrayList<>(drafts.size());
      drafts.forEach((code, draft) -> products.add(draft.build(code, status)));
      return products;
    }

    private void joined(String table, int columns, JoinedRow action) throws IOException {
      each(
          table,
          columns,
          row -> {
            Draft draft = drafts.get(Long.parseLong(row[0]));
            if (draft != null) {
              action.accept(draft, row);
            }
          });
    }

    private void each(String table, int columns, Row action) throws IOException {
      Path file = dir.resolve(table + suffix(status) + ".txt");
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          MappingIterator<String[]> rows = CSV.readValues(in)) {
        while (rows.hasNextValue()) {
          String[] row = rows.nextValue();
          if (row.length == 1 && row[0].isEmpty()) {
            continue;
          }
          if (row.length < columns) {
            throw new IOException(
                file
                    + " line "
                    + rows.getCurrentLocation().getLineNr()
                    + ": "
                    + row.length
                    + " columns, expected at least "
                    + columns);
          }
          try {
            action.accept(row);
          } catch (NumberFormatException e) {
            throw new IOException(
                file + " line " + rows.getCurrentLocation().getLineNr() + ": bad DRUG_CODE", e);
          }
        }
      }
    }

    private String pooled(String value) {
      String v = blankToNull(value);
      return v == null ? null : pool.computeIfAbsent(v, k -> k);
    }
  }

  private static String blankToNull(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    return v.isEmpty() ? null : v;
  }

  private static Double number(String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return Double.valueOf(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void addDistinct(List<String> values, String value) {
    if (value != null && !values.contains(value)) {
      values.add(value);
    }
  }

  @FunctionalInterface
  private interface Row {
    void accept(String[] row) throws IOException;
  }

  @FunctionalInterface
  private interface JoinedRow {
    void accept(Draft draft, String[] row);
  }

  /** A product being assembled from its set's tables. */
  private static final class Draft {
    final String din;
    final String brandName;
    final String descriptor;
    final String productClass;
    final List<FormularyIngredient> ingredients = new ArrayList<>(2);
    final List<String> forms = new ArrayList<>(1);
    final List<String> routes = new ArrayList<>(1);
    final List<String> schedules = new ArrayList<>(1);
    String statusDate;
    String atcCode;
    String company;

    Draft(String din, String brandName, String descriptor, String productClass) {
      this.din = din;
      this.brandName = brandName;
      this.descriptor = descriptor;
      this.productClass = productClass == null ? "Human" : productClass;
    }

    FormularyProduct build(long drugCode, MarketingStatus status) {
      return FormularyProduct.newBuilder()
          .setDin(din)
          .setDrugCode(drugCode)
          .setBrandName(brandName)
          .setDescriptor(descriptor)
          .setProductClass(productClass)
          .setIngredients(ingredients)
          .setDosageForms(forms)
          .setRoutes(routes)
          .setMarketingStatus(status.name())
          .setStatusDate(statusDate)
          .setSchedules(schedules)
          .setCompany(company)
          .setAtcCode(atcCode)
          .setSource(SOURCE)
          .build();
    }
  }
}
