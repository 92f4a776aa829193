package io.streamsight.processors.medication.sig;

/** One lexical token of a sig, with its character span in the original text. */
final class Token {

  static final int WORD = 0;
  static final int NUMBER = 1;
  static final int PUNCT = 2;

  /** The number was written with a trailing zero after the decimal point ("1.0"). */
  static final int TRAILING_ZERO = 1;

  /** The number was written without a leading zero (".5"). */
  static final int NO_LEADING_ZERO = 2;

  /** The number was a single vulgar-fraction character or ended with one ("½", "1½"). */
  static final int VULGAR_FRACTION = 4;

  final int type;

  /** WORD: the word in lower case; PUNCT: the character; NUMBER: the source digits. */
  String text;

  final double value;
  final int start;
  final int end;

  /** Whether whitespace separates this token from the one before it. */
  final boolean spaceBefore;

  final int flags;

  Token(int type, String text, double value, int start, int end, boolean spaceBefore, int flags) {
    this.type = type;
    this.text = text;
    this.value = value;
    this.start = start;
    this.end = end;
    this.spaceBefore = spaceBefore;
    this.flags = flags;
  }

  boolean isWord() {
    return type == WORD;
  }

  boolean isNumber() {
    return type == NUMBER;
  }

  boolean isPunct(char c) {
    return type == PUNCT && text.charAt(0) == c;
  }

  boolean isPunct() {
    return type == PUNCT;
  }

  @Override
  public String toString() {
    return text;
  }
}
