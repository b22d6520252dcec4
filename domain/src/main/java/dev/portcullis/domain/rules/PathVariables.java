package dev.portcullis.domain.rules;

import dev.portcullis.domain.model.Identity;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caller's own values in a grant's path, in the syntax of IAM policy variables: {@code
 * ${principalId}} is the identity's principal and {@code ${NAME}} its attribute {@code NAME}. A
 * variable fills one whole path segment, and only with a plain segment, so that a filled-in grant
 * never reaches a path outside the caller's own values.
 */
public final class PathVariables {

  /** The variable that stands for the identity's principal rather than an attribute. */
  public static final String PRINCIPAL_ID = "principalId";

  /**
   * Longest value filled in. Grants are checked with every variable at this length, so that a
   * filled-in policy stays within {@link Grant#MAX_PATH_LENGTH} and the rules' answer-size bound.
   */
  public static final int MAX_VALUE_LENGTH = 64;

  /** {@code ${NAME}}: a name of the characters attribute and claim names are made of. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.:-]{1,64})\\}");

  /** A plain path segment: the policy path characters but {@code /} and {@code *}. */
  private static final Pattern PLAIN_SEGMENT =
      Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_VALUE_LENGTH + "}");

  private PathVariables() {}

  /** The names of the variables in a path, in order, without repeats. */
  public static Set<String> names(String path) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = VARIABLE.matcher(path);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** True when the path names at least one variable. */
  static boolean any(String path) {
    return path.contains("${");
  }

  /**
   * The path with every well-formed variable replaced by {@code value(name)}; a malformed one, or a
   * {@code {param}} without {@code $}, is left as it is, for the path check to refuse.
   */
  static String replaced(String path, Function<String, String> value) {
    return VARIABLE
        .matcher(path)
        .replaceAll(match -> Matcher.quoteReplacement(value.apply(match.group(1))));
  }

  /** What is wrong with the variables of a path, if anything. */
  static Optional<String> problem(String path) {
    Matcher matcher = VARIABLE.matcher(path);
    while (matcher.find()) {
      boolean segmentStart = matcher.start() > 0 && path.charAt(matcher.start() - 1) == '/';
      boolean segmentEnd = matcher.end() == path.length() || path.charAt(matcher.end()) == '/';
      if (!segmentStart || !segmentEnd) {
        return Optional.of(
            "has variable '"
                + matcher.group()
                + "' inside a path segment: a variable fills a whole segment, as in"
                + " /tenants/${tenant}/*, so that its value can never reach a neighbour's path");
      }
    }
    if (replaced(path, name -> "").contains("${")) {
      return Optional.of(
          "has a malformed variable: write ${principalId}, or ${NAME} for the identity's"
              + " attribute NAME (1 to 64 letters, digits, _ . : -)");
    }
    return Optional.empty();
  }

  /** The path as long as any identity can make it: every variable at its longest value. */
  static String longest(String path) {
    return replaced(path, name -> "v".repeat(MAX_VALUE_LENGTH));
  }

  /** The value a variable takes for this identity, if it has one. */
  public static Optional<String> valueOf(String name, Identity identity) {
    return name.equals(PRINCIPAL_ID)
        ? Optional.of(identity.principalId())
        : Optional.ofNullable(identity.attributes().get(name));
  }

  /** The values of these variables for this identity, absent ones left out. */
  public static Map<String, String> valuesOf(Set<String> names, Identity identity) {
    Map<String, String> values = new TreeMap<>();
    for (String name : names) {
      valueOf(name, identity).ifPresent(value -> values.put(name, value));
    }
    return values;
  }

  /**
   * Why a value cannot be filled in, if it cannot: it must be a plain path segment (letters,
   * digits, {@code - _ .}, at most {@value #MAX_VALUE_LENGTH} characters), and not {@code .} or
   * {@code ..}, which a backend may resolve to another path.
   */
  public static Optional<String> valueProblem(String name, Optional<String> value) {
    if (value.isEmpty()) {
      return Optional.of(
          name.equals(PRINCIPAL_ID)
              ? "the identity has no principal"
              : "the identity has no attribute '" + name + "'");
    }
    String text = value.get();
    if (!PLAIN_SEGMENT.matcher(text).matches() || text.equals(".") || text.equals("..")) {
      return Optional.of(
          "the value of '"
              + name
              + "' is not a plain path segment (1 to "
              + MAX_VALUE_LENGTH
              + " letters, digits, - _ . and not . or .. alone)");
    }
    return Optional.empty();
  }
}
