package io.streamsight.processors.medication.sig;

/**
 * The units a dose is counted or measured in, with their UCUM code.
 *
 * <p>Countable forms use UCUM annotations ({@code {tbl}}, {@code {capsule}}, ...) so that every
 * dose quantity carries a UCUM code; annotations are unity in UCUM arithmetic, which is right for a
 * count. Household volumes use the metric teaspoon and tablespoon (Canada).
 */
enum DoseUnit {
  TABLET("tablet", "tablets", "{tbl}", Kind.COUNT),
  CAPSULE("capsule", "capsules", "{capsule}", Kind.COUNT),
  CAPLET("caplet", "caplets", "{caplet}", Kind.COUNT),
  PILL("pill", "pills", "{pill}", Kind.COUNT),
  PUFF("puff", "puffs", "{puff}", Kind.COUNT),
  INHALATION("inhalation", "inhalations", "{inhalation}", Kind.COUNT),
  DROP("drop", "drops", "[drp]", Kind.COUNT),
  SPRAY("spray", "sprays", "{spray}", Kind.COUNT),
  PATCH("patch", "patches", "{patch}", Kind.COUNT),
  APPLICATION("application", "applications", "{application}", Kind.COUNT),
  APPLICATORFUL("applicatorful", "applicatorfuls", "{applicatorful}", Kind.COUNT),
  SUPPOSITORY("suppository", "suppositories", "{suppository}", Kind.COUNT),
  PESSARY("pessary", "pessaries", "{pessary}", Kind.COUNT),
  OVULE("ovule", "ovules", "{ovule}", Kind.COUNT),
  ENEMA("enema", "enemas", "{enema}", Kind.COUNT),
  LOZENGE("lozenge", "lozenges", "{lozenge}", Kind.COUNT),
  TROCHE("troche", "troches", "{troche}", Kind.COUNT),
  PUMP("pump", "pumps", "{pump}", Kind.COUNT),
  SQUEEZE("squeeze", "squeezes", "{squeeze}", Kind.COUNT),
  SCOOP("scoop", "scoops", "{scoop}", Kind.COUNT),
  CAPFUL("capful", "capfuls", "{capful}", Kind.COUNT),
  SACHET("sachet", "sachets", "{sachet}", Kind.COUNT),
  PACKET("packet", "packets", "{packet}", Kind.COUNT),
  AMPOULE("ampoule", "ampoules", "{ampoule}", Kind.COUNT),
  VIAL("vial", "vials", "{vial}", Kind.COUNT),
  SYRINGE("syringe", "syringes", "{syringe}", Kind.COUNT),
  PEN("pen", "pens", "{pen}", Kind.COUNT),
  WAFER("wafer", "wafers", "{wafer}", Kind.COUNT),
  FILM("film", "films", "{film}", Kind.COUNT),
  STRIP("strip", "strips", "{strip}", Kind.COUNT),
  GUM("piece of gum", "pieces of gum", "{gum}", Kind.COUNT),
  IMPLANT("implant", "implants", "{implant}", Kind.COUNT),
  RING("ring", "rings", "{ring}", Kind.COUNT),
  DOSE("dose", "doses", "{dose}", Kind.COUNT),
  RIBBON_CM("cm ribbon", "cm ribbon", "cm", Kind.LENGTH),
  INCH("inch", "inches", "[in_i]", Kind.LENGTH),
  TSP("teaspoon", "teaspoons", "[tsp_m]", Kind.VOLUME),
  TBSP("tablespoon", "tablespoons", "[tbs_m]", Kind.VOLUME),
  ML("mL", "mL", "mL", Kind.VOLUME),
  MCL("mcL", "mcL", "uL", Kind.VOLUME),
  L("L", "L", "L", Kind.VOLUME),
  MG("mg", "mg", "mg", Kind.MASS),
  MCG("mcg", "mcg", "ug", Kind.MASS),
  NG("ng", "ng", "ng", Kind.MASS),
  G("g", "g", "g", Kind.MASS),
  MEQ("mEq", "mEq", "meq", Kind.MASS),
  MMOL("mmol", "mmol", "mmol", Kind.MASS),
  UNIT("unit", "units", "[iU]", Kind.ACTIVITY),
  MILLION_UNITS("million units", "million units", "10*6.[iU]", Kind.ACTIVITY),
  PERCENT("%", "%", "%", Kind.MASS),
  MG_PER_KG("mg/kg", "mg/kg", "mg/kg", Kind.MASS),
  MCG_PER_KG("mcg/kg", "mcg/kg", "ug/kg", Kind.MASS),
  MG_PER_M2("mg/m2", "mg/m2", "mg/m2", Kind.MASS),
  UNIT_PER_KG("unit/kg", "units/kg", "[iU]/kg", Kind.ACTIVITY);

  /** What a unit measures; decides whether an amount is a dose or a product strength. */
  enum Kind {
    /** Dosage-form units: tablets, puffs, drops. */
    COUNT,
    /** Volumes: mL, teaspoons. */
    VOLUME,
    /** Mass, amount of substance and concentrations: mg, mcg, mEq, %. */
    MASS,
    /** Biological activity: units. */
    ACTIVITY,
    /** Lengths of ointment ribbon. */
    LENGTH
  }

  static final String UCUM = "http://unitsofmeasure.org";

  final String singular;
  final String plural;
  final String ucum;
  final Kind kind;

  DoseUnit(String singular, String plural, String ucum, Kind kind) {
    this.singular = singular;
    this.plural = plural;
    this.ucum = ucum;
    this.kind = kind;
  }

  /** The word for {@code amount} of this unit: "1 tablet", "1 1/2 tablets", "1/2 tablet". */
  String label(double amount) {
    return amount > 1 ? plural : singular;
  }

  /** Whether an amount in this unit is a product strength rather than a count of dose forms. */
  boolean isStrength() {
    return kind == Kind.MASS;
  }

  /** The unit as {@link Strength#unit()} spells it. */
  String strengthUnit() {
    return this == UNIT ? "unit" : singular;
  }
}
