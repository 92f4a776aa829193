package io.streamsight.processors.medication.sig;

/**
 * Routes of administration with their SNOMED CT code (children of 284009009 |Route of
 * administration value|), the short text HL7 examples use, and the phrase for patients.
 */
enum Route {
  ORAL("26643006", "Oral route", "by mouth", "by mouth"),
  SUBLINGUAL("37839007", "Sublingual route", "sublingual", "under the tongue"),
  BUCCAL("54471007", "Buccal route", "buccal", "between the cheek and gum"),
  OROMUCOSAL("372473007", "Oromucosal route", "oromucosal", "in the mouth"),
  TOPICAL("6064005", "Topical route", "topical", "to the skin"),
  CUTANEOUS("448598008", "Cutaneous route", "cutaneous", "to the skin"),
  TRANSDERMAL("45890007", "Transdermal route", "transdermal", "to the skin"),
  RECTAL("37161004", "Rectal route", "rectal", "rectally"),
  VAGINAL("16857009", "Vaginal route", "vaginal", "vaginally"),
  INHALATION("447694001", "Respiratory tract route", "inhalation", "by inhalation"),
  NASAL("46713006", "Nasal route", "nasal", "in the nose"),
  OPHTHALMIC("54485002", "Ophthalmic route", "ophthalmic", "in the eye"),
  OTIC("10547007", "Otic route", "otic", "in the ear"),
  SUBCUTANEOUS("34206005", "Subcutaneous route", "subcutaneous", "under the skin"),
  INTRAMUSCULAR("78421000", "Intramuscular route", "intramuscular", "into the muscle"),
  INTRAVENOUS("47625008", "Intravenous route", "intravenous", "into a vein"),
  INTRADERMAL("372464004", "Intradermal route", "intradermal", "into the skin"),
  INTRAVITREAL("418401004", "Intravitreal route", "intravitreal", "into the eye"),
  GASTROSTOMY("127490009", "Gastrostomy route", "gastrostomy", "through the feeding tube"),
  NASOGASTRIC("127492001", "Nasogastric route", "nasogastric", "through the nasogastric tube"),
  URETHRAL("90028008", "Urethral route", "urethral", "into the urethra"),
  DENTAL("372449004", "Dental route", "dental", "to the teeth");

  static final String SNOMED = "http://snomed.info/sct";

  final String code;
  final String display;
  final String text;
  final String phrase;

  Route(String code, String display, String text, String phrase) {
    this.code = code;
    this.display = display;
    this.text = text;
    this.phrase = phrase;
  }
}
