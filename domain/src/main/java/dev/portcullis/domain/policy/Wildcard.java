package dev.portcullis.domain.policy;

/**
 * IAM wildcard matching: {@code *} matches any run of characters ({@code /} included), {@code ?}
 * exactly one. Hand-written because it is small and on the hot path: a regex would compile a
 * pattern per resource per call.
 */
public final class Wildcard {

  private Wildcard() {}

  /** True when {@code text} matches {@code pattern} in full, case-sensitively. */
  public static boolean matches(String pattern, String text) {
    return matches(pattern, text, false);
  }

  /** True when {@code text} matches {@code pattern} in full, ignoring ASCII case. */
  public static boolean matchesIgnoreCase(String pattern, String text) {
    return matches(pattern, text, true);
  }

  // Greedy matching that remembers the last star and backtracks to it: O(|pattern| * |text|) in
  // the worst case, and linear for the patterns that policies hold.
  private static boolean matches(String pattern, String text, boolean ignoreCase) {
    int p = 0;
    int t = 0;
    int starAt = -1;
    int textAtStar = 0;
    while (t < text.length()) {
      if (p < pattern.length()) {
        char pc = pattern.charAt(p);
        if (pc == '*') {
          starAt = p++;
          textAtStar = t;
          continue;
        }
        if (pc == '?' || same(pc, text.charAt(t), ignoreCase)) {
          p++;
          t++;
          continue;
        }
      }
      if (starAt < 0) {
        return false;
      }
      p = starAt + 1;
      t = ++textAtStar;
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean same(char a, char b, boolean ignoreCase) {
    return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
  }
}
