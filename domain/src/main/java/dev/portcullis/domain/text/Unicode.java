package dev.portcullis.domain.text;

/** Checks on Java strings as Unicode text: well-formedness and their size in UTF-8. */
public final class Unicode {

  private Unicode() {}

  /**
   * True when the text holds no unpaired surrogate: it is Unicode text, which any UTF-8 writer
   * (Jackson's included) can encode.
   */
  public static boolean isWellFormed(String text) {
    return text.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE);
  }

  /** The length of the text in UTF-8, a lone surrogate counted as the three bytes it would take. */
  public static int utf8Length(String text) {
    return text.codePoints()
        .map(c -> c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isBmpCodePoint(c) ? 3 : 4)
        .sum();
  }
}
