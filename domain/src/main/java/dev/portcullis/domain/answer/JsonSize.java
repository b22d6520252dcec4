package dev.portcullis.domain.answer;

/**
 * Upper bounds on the size of JSON text in UTF-8, for checking that an answer fits before anything
 * is written: a string's bound holds for any standard writer that escapes only what JSON requires
 * (Jackson by default, and the project's own writer).
 */
public final class JsonSize {

  private JsonSize() {}

  /**
   * At most how many bytes {@code text} takes as a JSON string, quotes included. Per character: a
   * control character at most 6 ({@code \}{@code u00XX}), {@code "} and {@code \} 2, other ASCII 1,
   * up to U+07FF 2, other BMP characters 3, and each half of a surrogate pair 6 (a pair is 4 bytes
   * of UTF-8, or two escapes for a writer that escapes it).
   */
  public static int ofString(String text) {
    int bytes = 2;
    for (int i = 0; i < text.length(); i++) {
      bytes += ofChar(text.charAt(i));
    }
    return bytes;
  }

  /** At most how many bytes one character of a JSON string takes. */
  public static int ofChar(char c) {
    if (c < 0x20) {
      return 6;
    }
    if (c == '"' || c == '\\') {
      return 2;
    }
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    return Character.isSurrogate(c) ? 6 : 3;
  }

  /** The bytes of a whole number written in JSON. */
  public static int ofNumber(long number) {
    return Long.toString(number).length();
  }
}
