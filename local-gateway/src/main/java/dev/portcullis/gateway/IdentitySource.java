package dev.portcullis.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One identity source, in API Gateway's own syntax for the kind of API: {@code
 * method.request.header.Authorization} (REST), {@code $request.querystring.token} (HTTP API),
 * {@code route.request.header.Auth} (WebSocket). API Gateway refuses a request that lacks one, and
 * keys its cache on their values.
 */
public record IdentitySource(Type type, String name, String expression) {

  /** Where the value comes from. */
  public enum Type {
    HEADER,
    QUERY_STRING,
    ROUTE_KEY
  }

  public IdentitySource {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }

  /**
   * Parses a comma-separated list for {@code kind}. An empty list is allowed here; whether the kind
   * and TTL accept it is the settings' concern.
   *
   * @throws IllegalArgumentException naming each bad entry and the forms the kind accepts
   */
  public static List<IdentitySource> parseList(String spec, ApiKind kind) {
    List<IdentitySource> sources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String raw : spec.split(",", -1)) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        if (!spec.isBlank()) {
          problems.add("an empty entry");
        }
        continue;
      }
      IdentitySource source = parse(entry, kind);
      if (source == null) {
        problems.add("'" + entry + "'");
      } else if (sources.contains(source)) {
        problems.add("'" + entry + "' (given twice)");
      } else {
        sources.add(source);
      }
    }
    if (kind == ApiKind.REST_TOKEN
        && problems.isEmpty()
        && (sources.size() != 1 || sources.get(0).type() != Type.HEADER)) {
      problems.add("a TOKEN authorizer takes exactly one header");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "--identity-source: "
              + String.join("; ", problems)
              + " is not valid for "
              + kind.optionName()
              + ": use "
              + forms(kind));
    }
    return List.copyOf(sources);
  }

  private static IdentitySource parse(String entry, ApiKind kind) {
    String header;
    String query;
    switch (kind.family()) {
      case REST -> {
        header = "method.request.header.";
        query = kind == ApiKind.REST_TOKEN ? null : "method.request.querystring.";
      }
      case HTTP -> {
        if (entry.equals("$context.routeKey")) {
          return new IdentitySource(Type.ROUTE_KEY, "routeKey", entry);
        }
        header = "$request.header.";
        query = "$request.querystring.";
      }
      default -> {
        header = "route.request.header.";
        query = "route.request.querystring.";
      }
    }
    if (entry.startsWith(header) && HttpToken.isToken(entry.substring(header.length()))) {
      return new IdentitySource(Type.HEADER, entry.substring(header.length()), entry);
    }
    if (query != null && entry.startsWith(query) && isQueryName(entry.substring(query.length()))) {
      return new IdentitySource(Type.QUERY_STRING, entry.substring(query.length()), entry);
    }
    return null;
  }

  /** The forms {@code kind} accepts, for help and errors. */
  static String forms(ApiKind kind) {
    return switch (kind) {
      case REST_TOKEN -> "method.request.header.NAME (one header)";
      case REST_REQUEST ->
          "method.request.header.NAME or method.request.querystring.NAME, comma-separated";
      case HTTP_V1, HTTP_V2 ->
          "$request.header.NAME, $request.querystring.NAME or $context.routeKey,"
              + " comma-separated";
      default -> "route.request.header.NAME or route.request.querystring.NAME, comma-separated";
    };
  }

  /**
   * This source's value in {@code request}, or null when it is absent. REST and WebSocket APIs take
   * the last value of a repeated header or parameter; HTTP APIs join them with commas.
   */
  public String valueIn(IncomingRequest request, ApiKind kind, String routeKey) {
    boolean joined = kind.family() == ApiKind.Family.HTTP;
    return switch (type) {
      case HEADER -> joined ? request.joinedHeader(name) : request.lastHeader(name);
      case QUERY_STRING -> joined ? request.query().joined(name) : request.query().last(name);
      default -> routeKey;
    };
  }

  private static boolean isQueryName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7F || "&=#,".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }
}
