package dev.portcullis.domain.text;

import java.util.regex.Pattern;

/**
 * The ASCII character classes of the names, tokens and paths Portcullis accepts, and comparison
 * that ignores the case of ASCII letters only.
 */
public final class Ascii {

  /** Visible ASCII, 0x21 to 0x7E: no blank, no control character, nothing beyond ASCII. */
  private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7E]+");

  /** RFC 9110, section 5.6.2: {@code token = 1*tchar}. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** Visible ASCII but the characters that end a query parameter's name or its value. */
  private static final Pattern QUERY_NAME = Pattern.compile("[\\x21-\\x7E&&[^&=#,]]+");

  /**
   * A {@code /}, then the characters AWS recommends for paths in policies, {@code [/.a-zA-Z0-9-_*]}
   * (the API Gateway developer guide; Powertools validates with the same set).
   */
  private static final Pattern POLICY_PATH = Pattern.compile("/[/.a-zA-Z0-9_*-]*");

  private Ascii() {}

  /** True for one or more visible ASCII characters (0x21 to 0x7E). */
  public static boolean isVisible(String text) {
    return VISIBLE.matcher(text).matches();
  }

  /** True for 1 to {@code maxLength} visible ASCII characters (0x21 to 0x7E). */
  public static boolean isVisible(String text, int maxLength) {
    return text.length() <= maxLength && isVisible(text);
  }

  /** True for an RFC 9110 token, the form of a header or cookie name. */
  public static boolean isToken(String text) {
    return TOKEN.matcher(text).matches();
  }

  /**
   * True for a name that can arrive as one query-string parameter name: visible ASCII without
   * {@code & = # ,}.
   */
  public static boolean isQueryName(String text) {
    return QUERY_NAME.matcher(text).matches();
  }

  /** True for a path made of {@code /} and the characters AWS recommends in policy paths. */
  public static boolean isPolicyPath(String text) {
    return POLICY_PATH.matcher(text).matches();
  }

  /**
   * True when both are equal ignoring the case of ASCII letters only. {@link
   * String#equalsIgnoreCase} folds Unicode: it would match the Kelvin sign (U+212A) to {@code k},
   * letting a look-alike header name stand for a configured one.
   */
  public static boolean equalsIgnoreCase(String a, String b) {
    return a.length() == b.length() && regionMatchesIgnoreCase(a, 0, b);
  }

  /** True when {@code text} holds {@code part} at {@code offset}, ignoring ASCII case only. */
  public static boolean regionMatchesIgnoreCase(String text, int offset, String part) {
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
