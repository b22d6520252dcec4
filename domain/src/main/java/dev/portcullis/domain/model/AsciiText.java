package dev.portcullis.domain.model;

/**
 * The character-class checks of names, roles, keys and paths, written by hand: the first {@code
 * Pattern.compile} in a JVM costs about 14 ms of cold start, and these run while the handler is
 * built and on every call.
 */
public final class AsciiText {

  private AsciiText() {}

  /**
   * True for 1 to {@code maxLength} visible ASCII characters (0x21 to 0x7E), none of them in {@code
   * excluded}: {@code [\x21-\x7E]{1,maxLength}} less the excluded ones.
   */
  public static boolean isVisible(String text, int maxLength, String excluded) {
    int length = text.length();
    if (length < 1 || length > maxLength) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x21 || c > 0x7E || excluded.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when every character from index {@code from} on is an ASCII letter, an ASCII digit or one
   * of {@code others}; true for nothing at all.
   */
  public static boolean isLettersDigitsOr(String text, int from, String others) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean letterOrDigit =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!letterOrDigit && others.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
