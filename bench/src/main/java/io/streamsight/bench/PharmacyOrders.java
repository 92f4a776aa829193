package io.streamsight.bench;

import io.streamsight.events.MedicationOrder;
import io.streamsight.processors.medication.OrderInput;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A fixed mix of community-pharmacy orders against the sample formulary, for the pharmacy benches:
 * accepted, review and rejected outcomes, by DIN and by name, shorthand, tapers, liquids, eye
 * drops, inhalers, insulin, as-needed with maxima, and unparseable sigs. Order {@code i} is case
 * {@code i % size()}; with {@code distinct}, its course length is also varied by {@code i} so that
 * almost every order carries a sig text no earlier order had (the worst case for anything that
 * remembers sigs).
 */
final class PharmacyOrders {

  private record Case(String din, String drugName, String sig, Double quantity, String unit) {}

  /** A course length already in a case's sig, replaced by the varying one. */
  private static final Pattern COURSE = Pattern.compile(" x ?\\d+ ?(d|days|wk)\\b");

  private static final List<Case> CASES =
      List.of(
          new Case("00406716", "amoxicillin", "1 cap po tid x10d", 30.0, null),
          new Case("00452130", "amoxicillin", "t 250mg tid x10d", 150.0, "mL"),
          new Case("00768715", "cephalexin", "t1t qid x7d", 28.0, null),
          new Case(null, "cephalexin", "cephalexin 500mg t1t po qid x 7 days", 28.0, null),
          new Case("02244394", "cefuroxime", "t1t po bid x10d", 20.0, null),
          new Case("02212307", "cephalexin", "5 ml po bid x10d", 100.0, "mL"),
          new Case("02230711", "lipitor", "1 tab po qhs", 90.0, null),
          new Case("02099233", "metformin", "1 tab po bid with meals", 180.0, null),
          new Case("02099233", "metformin", "2 in the morning and 1 at night", 90.0, null),
          new Case(
              "00312770",
              "prednisone",
              "8 tabs daily x3d then 6 daily x3d then 4 daily x3d",
              54.0,
              null),
          new Case("00550957", "prednisone", "1 tab po daily x5d", 5.0, null),
          new Case("02231493", "xalatan", "1 gtt ou qhs", 2.5, "mL"),
          new Case("02231493", "latanoprost", "instill 1 drop in each eye at bedtime", 2.5, "mL"),
          new Case("02241497", "ventolin", "2 puffs inh q4-6h prn sob max 8 puffs/d", 1.0, null),
          new Case("02241497", "salbutamol", "1-2 puffs inh qid prn wheeze", 1.0, null),
          new Case("02245689", "lantus", "10 units sc qhs", 10.0, "mL"),
          new Case(
              "00586668", "fucidin", "apply a thin layer to affected area tid x 2 wk", 15.0, "g"),
          new Case("00406716", "amoxicillin", "t2t po bid x30d", 120.0, null),
          new Case("00768723", "cephalexin", "t 300mg qid x7d", 28.0, null),
          new Case("02230711", "lipitor", "1/2 tab po daily", 30.0, null),
          new Case("02099233", "metformin", "take 1 tablet by mouth twice daily", 60.0, null),
          new Case("02244393", "cefuroxime", "1 tab po q12h x 10 days #20", null, null),
          new Case(null, "amox", "amoxicillin 500mg 1 cap po tid x10d #30", null, null),
          new Case("00406716", "cephalexin", "1 cap po tid x10d", 30.0, null),
          new Case("02372568", "oxyneo", "1 tab po q12h", 60.0, null),
          new Case("99999999", "unknown", "1 tab po daily", 30.0, null),
          new Case("02230711", "lipitor", "apply bid", 30.0, null),
          new Case("02099233", "metformin", "1 tab po bid qd", 60.0, null),
          new Case("00768715", "cephalexin", "1 tab po qid x7d", 0.0, null),
          new Case("02241497", "ventolin", "2 puffs inh qid prn sob nte 8/d", 1.0, null),
          new Case(
              "00312770",
              "prednisone",
              "6 tabs po daily x5d followed by 4 tabs daily x5d",
              50.0,
              null),
          new Case(
              "02245689", "lantus", "inject 14 units subcut once daily at bedtime", 10.0, "mL"),
          new Case("00452130", "amoxicillin", "1 1/2 tsp po tid x10d", 225.0, "mL"),
          new Case("02212307", "ceftin", "250 mg po bid x 10 days", 100.0, "mL"),
          new Case("00244392", "keflex", "1 tab po q6h x7d", 28.0, null),
          new Case("02230711", "atorvastatin", "take one tablet daily in the evening", 30.0, null),
          new Case("02099233", "glucophage", "ii tabs po bid pc", 120.0, null),
          new Case("02231493", "xalatan", "1 gtt od qhs", 2.5, "mL"),
          new Case("02241497", "ventolin", "blah blah", 1.0, null),
          new Case("00406716", "amoxicillin", "1 cap po tid x10d", 30.0, null));

  private PharmacyOrders() {}

  static int size() {
    return CASES.size();
  }

  /** The sig of order {@code i}; with {@code distinct}, a course length that varies with i. */
  static String sig(int i, boolean distinct) {
    String sig = CASES.get(i % CASES.size()).sig();
    if (!distinct) {
      return sig;
    }
    // " x<N>d" changes the Dosage (boundsDuration) and the supply; N runs far before repeating.
    return COURSE.matcher(sig).replaceAll("") + " x" + (1 + (i / CASES.size()) % 365) + "d";
  }

  static OrderInput input(int i) {
    return input(i, false);
  }

  static OrderInput input(int i, boolean distinct) {
    Case c = CASES.get(i % CASES.size());
    return new OrderInput(
        "o-" + i,
        "bench",
        c.din(),
        c.drugName(),
        sig(i, distinct),
        c.quantity(),
        c.unit(),
        null,
        null);
  }

  static MedicationOrder order(int i, boolean distinct, Instant now) {
    Case c = CASES.get(i % CASES.size());
    return MedicationOrder.newBuilder()
        .setOrderId("o-" + i)
        .setSourceId("bench")
        .setOrderTime(now)
        .setDin(c.din())
        .setDrugName(c.drugName())
        .setSig(sig(i, distinct))
        .setQuantity(c.quantity())
        .setQuantityUnit(c.unit())
        .build();
  }
}
