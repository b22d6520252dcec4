package dev.portcullis.adapters.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a REQUEST-type event carries the credential ({@code PORTCULLIS_TOKEN_SOURCES}): a header, a
 * cookie or a query-string parameter.
 */
public sealed interface TokenSource {

  /** Longest name accepted for a header, cookie or parameter. */
  int MAX_NAME_LENGTH = 128;

  /** The allowed forms, quoted in every error about token sources. */
  String ALLOWED_FORMS =
      "each entry must be header:NAME, cookie:NAME or query:NAME, separated by commas, as in"
          + " 'header:Authorization,cookie:session,query:access_token'";

  /** The header, cookie or parameter name. */
  String name();

  /**
   * True when both read the same place: the same kind and name, header names compared ignoring
   * ASCII case. (Not {@code equals}: a record's generated equality costs a bootstrap at start-up.)
   */
  default boolean sameSourceAs(TokenSource other) {
    if (getClass() != other.getClass()) {
      return false;
    }
    return this instanceof Header
        ? Ascii.equalsIgnoreCase(name(), other.name())
        : name().equals(other.name());
  }

  /** A request header, matched ignoring case; its value may carry the {@code Bearer} scheme. */
  record Header(String name) implements TokenSource {
    public Header {
      requireValidName(name, "header");
    }

    @Override
    public String toString() {
      return "header:" + name;
    }
  }

  /** A cookie, matched by its exact name; its value is the raw token. */
  record Cookie(String name) implements TokenSource {
    public Cookie {
      requireValidName(name, "cookie");
    }

    @Override
    public String toString() {
      return "cookie:" + name;
    }
  }

  /** A query-string parameter, matched by its exact name; its value is the raw token. */
  record Query(String name) implements TokenSource {
    public Query {
      requireValidName(name, "query");
    }

    @Override
    public String toString() {
      return "query:" + name;
    }
  }

  /**
   * Parses a comma-separated list such as {@code header:Authorization,cookie:session}. Kinds ignore
   * case; names keep it.
   *
   * @throws IllegalArgumentException naming every bad entry, and the allowed forms
   */
  /** The most token sources a list may name: the event reader keeps one bit per source. */
  static final int MAX_SOURCES = 16;

  static List<TokenSource> parseList(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("token sources: none given; " + ALLOWED_FORMS);
    }
    List<TokenSource> sources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String raw : spec.split(",", -1)) {
      String entry = raw.trim();
      int colon = entry.indexOf(':');
      String kind = colon < 0 ? "" : entry.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String name = colon < 0 ? "" : entry.substring(colon + 1).trim();
      String problem = colon < 0 ? "has no kind" : nameProblem(name, kind);
      TokenSource source = null;
      if (problem == null) {
        switch (kind) {
          case "header":
            source = new Header(name);
            break;
          case "cookie":
            source = new Cookie(name);
            break;
          case "query":
            source = new Query(name);
            break;
          default:
            problem = "has unknown kind '" + kind + "'";
        }
      }
      if (source != null && AdapterSettings.indexOfSame(sources, source) >= 0) {
        problem = "repeats an earlier entry";
      }
      if (problem != null) {
        problems.add("'" + entry + "' " + problem);
      } else {
        sources.add(source);
      }
    }
    if (sources.size() > MAX_SOURCES) {
      problems.add(sources.size() + " sources given, at most " + MAX_SOURCES + " are read");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid token sources: " + String.join("; ", problems) + ". " + ALLOWED_FORMS);
    }
    return List.copyOf(sources);
  }

  private static void requireValidName(String name, String kind) {
    Objects.requireNonNull(name, "name");
    String problem = nameProblem(name, kind);
    if (problem != null) {
      throw new IllegalArgumentException(kind + " token source '" + name + "' " + problem);
    }
  }

  /**
   * Null when the name is fine. Header and cookie names are RFC 7230 tokens; parameter names may
   * hold any visible ASCII but {@code & = # ,}, which could never arrive as one parameter name.
   */
  private static String nameProblem(String name, String kind) {
    if (name.isEmpty()) {
      return "has no name";
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return "has a name longer than " + MAX_NAME_LENGTH + " characters";
    }
    boolean query = kind.equals("query");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = query ? isQueryNameChar(c) : isTokenChar(c);
      if (!ok) {
        return query
            ? "has a name with a character that is not visible ASCII, or one of & = # ,"
            : "has a name with a character that is not allowed in an HTTP token";
      }
    }
    return null;
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static boolean isQueryNameChar(char c) {
    return c > 0x20 && c < 0x7F && "&=#,".indexOf(c) < 0;
  }
}
