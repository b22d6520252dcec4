package dev.portcullis.adapters.lambda;

/**
 * ASCII-only text helpers. Hand-written because they are small and on the hot path, and because
 * {@link String#equalsIgnoreCase} folds Unicode: it would match the Kelvin sign (U+212A) to {@code
 * k}, letting a look-alike header name stand for a configured one.
 */
final class Ascii {

  private Ascii() {}

  /** True when both are equal ignoring the case of ASCII letters only. */
  static boolean equalsIgnoreCase(String a, String b) {
    return a.length() == b.length() && regionMatchesIgnoreCase(a, 0, b);
  }

  /** True when {@code text} holds {@code part} at {@code offset}, ignoring ASCII case only. */
  static boolean regionMatchesIgnoreCase(String text, int offset, String part) {
    if (offset < 0 || offset + part.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      if (lower(text.charAt(offset + i)) != lower(part.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
