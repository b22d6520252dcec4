package dev.portcullis.adapters.lambda;

import dev.portcullis.domain.text.Ascii;
import dev.portcullis.domain.text.ConfigNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a REQUEST-type event carries the credential ({@code PORTCULLIS_TOKEN_SOURCES}): a header, a
 * cookie or a query-string parameter, by name.
 */
public record TokenSource(Kind kind, String name) {

  /** Longest name accepted for a header, cookie or parameter. */
  public static final int MAX_NAME_LENGTH = 128;

  /** The most token sources a list may name: the event reader keeps one bit per source. */
  public static final int MAX_SOURCES = 16;

  /** The allowed forms, quoted in every error about token sources. */
  public static final String ALLOWED_FORMS =
      "each entry must be header:NAME, cookie:NAME or query:NAME, separated by commas, as in"
          + " 'header:Authorization,cookie:session,query:access_token'";

  /** The part of a request a token source reads. */
  public enum Kind {
    /** A request header, matched ignoring ASCII case; its value may carry the Bearer scheme. */
    HEADER,
    /** A cookie, matched by its exact name; its value is the raw token. */
    COOKIE,
    /** A query-string parameter, matched by its exact name; its value is the raw token. */
    QUERY;

    /** The kind as configuration writes it: {@code header}, {@code cookie} or {@code query}. */
    public String configName() {
      return ConfigNames.of(this);
    }
  }

  public TokenSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Optional<String> problem = nameProblem(kind, name);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(
          kind.configName() + " token source '" + name + "' " + problem.get());
    }
  }

  /**
   * True when both read the same place: the same kind and name, header names compared ignoring
   * ASCII case, as HTTP compares them.
   */
  public boolean sameSourceAs(TokenSource other) {
    return kind == other.kind
        && (kind == Kind.HEADER
            ? Ascii.equalsIgnoreCase(name, other.name)
            : name.equals(other.name));
  }

  @Override
  public String toString() {
    return kind.configName() + ":" + name;
  }

  /**
   * Parses a comma-separated list such as {@code header:Authorization,cookie:session}. Kinds ignore
   * case; names keep it.
   *
   * @throws IllegalArgumentException naming every bad entry, and the allowed forms
   */
  public static List<TokenSource> parseList(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("token sources: none given; " + ALLOWED_FORMS);
    }
    List<TokenSource> sources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String raw : spec.split(",", -1)) {
      String entry = raw.trim();
      int colon = entry.indexOf(':');
      String kindName = colon < 0 ? "" : entry.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String name = colon < 0 ? "" : entry.substring(colon + 1).trim();
      Optional<Kind> kind = ConfigNames.find(Kind.class, kindName);
      // The name is judged before the kind: an unknown kind's name is judged as a header's.
      Optional<String> problem =
          colon < 0
              ? Optional.of("has no kind")
              : nameProblem(kind.orElse(Kind.HEADER), name)
                  .or(
                      () ->
                          kind.isEmpty()
                              ? Optional.of("has unknown kind '" + kindName + "'")
                              : Optional.empty());
      if (problem.isEmpty()) {
        TokenSource source = new TokenSource(kind.orElseThrow(), name);
        if (sources.stream().anyMatch(source::sameSourceAs)) {
          problem = Optional.of("repeats an earlier entry");
        } else {
          sources.add(source);
        }
      }
      problem.ifPresent(p -> problems.add("'" + entry + "' " + p));
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

  /**
   * What is wrong with a name, if anything. Header and cookie names are RFC 9110 tokens; parameter
   * names may hold any visible ASCII but {@code & = # ,}, which could never arrive as one parameter
   * name.
   */
  private static Optional<String> nameProblem(Kind kind, String name) {
    if (name.isEmpty()) {
      return Optional.of("has no name");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return Optional.of("has a name longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (kind == Kind.QUERY && !Ascii.isQueryName(name)) {
      return Optional.of(
          "has a name with a character that is not visible ASCII, or one of & = # ,");
    }
    if (kind != Kind.QUERY && !Ascii.isToken(name)) {
      return Optional.of("has a name with a character that is not allowed in an HTTP token");
    }
    return Optional.empty();
  }
}
