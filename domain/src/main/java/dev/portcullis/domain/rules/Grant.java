package dev.portcullis.domain.rules;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.text.Ascii;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One permission: an HTTP method and path pattern ({@code GET /orders/*}, {@code * /*}), or a
 * WebSocket route key ({@code $connect}).
 */
public sealed interface Grant {

  /** Longest path pattern accepted, so every policy resource stays under API Gateway's 512. */
  int MAX_PATH_LENGTH = 256;

  /** The methods a grant may name; {@code *} and {@code ANY} mean all of them. */
  Set<String> METHODS = RouteTarget.METHODS;

  /**
   * The route key of an HTTP API's catch-all route, refused as a grant: no authorizer event ever
   * names it in its ARN (see {@link #DEFAULT_ROUTE_PROBLEM}).
   */
  String DEFAULT_ROUTE_KEY = "$default";

  /**
   * Why {@value #DEFAULT_ROUTE_KEY} can never match, and what to write instead. An HTTP API puts
   * the request's own method and path in the {@code routeArn}/{@code methodArn} on every route, its
   * {@code $default} route and greedy {@code {proxy+}} and {@code ANY} routes included; a WebSocket
   * API runs its authorizer on {@code $connect} only.
   */
  String DEFAULT_ROUTE_PROBLEM =
      "names the $default route key, which never matches: on every HTTP API route, $default"
          + " included, the ARN API Gateway sends holds the request's method and path, and a"
          + " WebSocket API authorizes $connect only; write '* /*' to allow every route, or the"
          + " 'METHOD PATH' grants the $default route serves (like 'GET /orders/*')";

  /** What this grant adds after {@code STAGE/} in policy resources: one or more patterns. */
  List<String> resourceSuffixes();

  /** The names of the caller's values the grant's path names ({@link PathVariables}). */
  default Set<String> variables() {
    return Set.of();
  }

  /**
   * The grant as it applies to this identity: itself when it names no variable, else with the
   * identity's own values filled in, or dropped when one of them is missing or not a plain path
   * segment. A grant is never widened to stand in for a value it cannot take.
   */
  default Applied applyTo(Identity identity) {
    return new Applied.Applies(this);
  }

  /** What a grant comes to for one identity. */
  sealed interface Applied {
    /** The grant applies, as {@code grant}: the caller's values filled in. */
    record Applies(Grant grant) implements Applied {}

    /** The grant does not apply to this identity, and why (never quoting the value). */
    record Dropped(String reason) implements Applied {}
  }

  /** Parses one grant, or says what is wrong with it. */
  static Parsed parse(String text) {
    if (text == null || text.isBlank()) {
      return new Parsed.Rejected("is empty");
    }
    int space = text.indexOf(' ');
    if (space < 0) {
      if (text.equals(DEFAULT_ROUTE_KEY)) {
        return new Parsed.Rejected(DEFAULT_ROUTE_PROBLEM);
      }
      return RouteTarget.isRouteKey(text)
          ? new Parsed.Accepted(new RouteKeyGrant(text))
          : new Parsed.Rejected(
              "is neither 'METHOD PATH' (like 'GET /orders/*') nor a WebSocket route key (like"
                  + " '$connect')");
    }
    String method = text.substring(0, space);
    String path = text.substring(space + 1);
    return HttpGrant.problem(method, path)
        .<Parsed>map(Parsed.Rejected::new)
        .orElseGet(
            () -> new Parsed.Accepted(new HttpGrant(method.equals("ANY") ? "*" : method, path)));
  }

  /** The outcome of parsing a grant. */
  sealed interface Parsed {
    /** A valid grant. */
    record Accepted(Grant grant) implements Parsed {}

    /** An invalid grant, and why, phrased to follow the grant's text. */
    record Rejected(String problem) implements Parsed {}
  }

  /** Grants an HTTP method ({@code *} for any) on a path pattern where {@code *} spans segments. */
  record HttpGrant(String method, String pathPattern) implements Grant {

    /** {@link #METHODS} in alphabetical order, the order their resources are written in. */
    private static final List<String> SORTED_METHODS = List.copyOf(new TreeSet<>(METHODS));

    public HttpGrant {
      Optional<String> problem = problem(method, pathPattern);
      if (problem.isPresent()) {
        throw new IllegalArgumentException(
            "grant '" + method + " " + pathPattern + "' " + problem.get());
      }
    }

    /**
     * {@code METHOD/PATH}. For any method, {@code * /PATH} would become {@code *}{@code /PATH},
     * whose leading {@code *} also spans slashes and so reaches into the path ({@code * /orders}
     * would allow {@code GET /x/orders}); it is written once per method instead, unless the path
     * itself starts with {@code /*}, where the two mean the same.
     */
    @Override
    public List<String> resourceSuffixes() {
      if (!method.equals("*") || pathPattern.startsWith("/*")) {
        return List.of(method + pathPattern);
      }
      return SORTED_METHODS.stream().map(m -> m + pathPattern).toList();
    }

    @Override
    public Set<String> variables() {
      return PathVariables.names(pathPattern);
    }

    @Override
    public Applied applyTo(Identity identity) {
      Set<String> names = variables();
      if (names.isEmpty()) {
        return new Applied.Applies(this);
      }
      for (String name : names) {
        Optional<String> problem =
            PathVariables.valueProblem(name, PathVariables.valueOf(name, identity));
        if (problem.isPresent()) {
          return new Applied.Dropped(problem.get());
        }
      }
      return new Applied.Applies(
          filled(name -> PathVariables.valueOf(name, identity).orElseThrow()));
    }

    /** This grant with each variable replaced by {@code values(name)}. */
    HttpGrant filled(Function<String, String> values) {
      return new HttpGrant(method, PathVariables.replaced(pathPattern, values));
    }

    @Override
    public String toString() {
      return method + " " + pathPattern;
    }

    /** What is wrong with the method, else with the path, if anything. */
    static Optional<String> problem(String method, String path) {
      return methodProblem(method).or(() -> pathProblem(path));
    }

    static Optional<String> methodProblem(String method) {
      if (method.equals("*") || method.equals("ANY") || METHODS.contains(method)) {
        return Optional.empty();
      }
      return Optional.of(
          "has unknown method '"
              + method
              + "': use *, ANY or one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (upper case)");
    }

    static Optional<String> pathProblem(String path) {
      Optional<String> variableProblem = PathVariables.problem(path);
      if (variableProblem.isPresent()) {
        return variableProblem;
      }
      // Checked with every variable at its longest value: what any identity can make of the path.
      String longest = PathVariables.longest(path);
      if (longest.length() > MAX_PATH_LENGTH) {
        return Optional.of(
            "has a path longer than "
                + MAX_PATH_LENGTH
                + " characters"
                + (PathVariables.any(path)
                    ? " with each variable at its longest value, "
                        + PathVariables.MAX_VALUE_LENGTH
                        + " characters"
                    : ""));
      }
      if (!Ascii.isPolicyPath(longest)) {
        return Optional.of(
            "has path '"
                + path
                + "': a path starts with / and holds only letters, digits, / . - _ and the wildcard"
                + " * (write /orders/* rather than /orders/{id})");
      }
      return Optional.empty();
    }
  }

  /**
   * Grants a WebSocket route key, such as {@code $connect}. API Gateway runs a WebSocket API's
   * authorizer on {@code $connect} only, so that is the one key that ever reaches Portcullis.
   */
  record RouteKeyGrant(String routeKey) implements Grant {

    // The same shape as the route keys API Gateway sends, checked by the same code.
    public RouteKeyGrant {
      if (!RouteTarget.isRouteKey(routeKey)) {
        throw new IllegalArgumentException("route key '" + routeKey + "' is not valid");
      }
      if (routeKey.equals(DEFAULT_ROUTE_KEY)) {
        throw new IllegalArgumentException("grant '" + routeKey + "' " + DEFAULT_ROUTE_PROBLEM);
      }
    }

    @Override
    public List<String> resourceSuffixes() {
      return List.of(routeKey);
    }

    @Override
    public String toString() {
      return routeKey;
    }
  }
}
