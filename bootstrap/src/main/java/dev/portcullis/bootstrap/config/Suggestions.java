package dev.portcullis.bootstrap.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean": the known name closest to a misspelt one, within a few edits. */
public final class Suggestions {

  /** More edits than this, and the names are not close enough to suggest. */
  private static final int MAX_DISTANCE = 3;

  private Suggestions() {}

  /** The closest of {@code known} to {@code name}, ties broken alphabetically. */
  public static Optional<String> closest(String name, Collection<String> known) {
    return known.stream()
        .filter(k -> distance(name, k) <= MAX_DISTANCE)
        .min(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k));
  }

  /** The Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
