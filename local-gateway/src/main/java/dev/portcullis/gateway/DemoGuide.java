package dev.portcullis.gateway;

import java.net.URI;

/**
 * The demo's guide, printed after the {@link Banner}: the demo sessions, then ready-to-paste {@code
 * curl} lines for 200, 401 and 403 and the cached-policy trap. Each line's comment states the
 * status it gets on a fresh start, in the order printed (a test runs them all).
 */
public final class DemoGuide {

  private final GatewaySettings settings;
  private final URI base;
  private final DemoTokens tokens;
  private final StringBuilder text = new StringBuilder();

  private DemoGuide(GatewaySettings settings, URI base, DemoTokens tokens) {
    this.settings = settings;
    this.base = base;
    this.tokens = tokens;
  }

  /** The guide for a gateway at {@code base} in front of an authorizer seeded with the demo. */
  public static String text(
      GatewaySettings settings, URI base, boolean simpleResponses, DemoTokens tokens) {
    return new DemoGuide(settings, base, tokens).write(simpleResponses);
  }

  private String write(boolean simpleResponses) {
    text.append(
        "\nDemo world (shipped with the jar; demo tokens only, never use them anywhere real):\n");
    text.append("  alice  admin   every route, $connect                 ")
        .append(tokens.admin())
        .append('\n');
    text.append("  bob    reader  GET /orders, GET /orders/*, $connect  ")
        .append(tokens.reader())
        .append('\n');
    text.append("  carol  reader  session expired in 2020               ")
        .append(tokens.expired())
        .append('\n');
    text.append("  anyone signed in may also call GET /health.\n");
    if (settings.naive()) {
      naiveTrap();
      return text.toString();
    }
    boolean webSocket = settings.kind() == ApiKind.WEBSOCKET;
    boolean simple = settings.kind() == ApiKind.HTTP_V2 && simpleResponses;
    boolean perIdentity = Banner.perIdentityOnly(settings, simpleResponses);
    text.append("\nTry it, in this order, on a fresh start:\n");
    call(200, "alice (admin) may delete an order", "DELETE", "/orders/42", tokens.admin());
    call(200, "bob (reader) may read one", "GET", "/orders/42", tokens.reader());
    if (!webSocket && !perIdentity) {
      call(
          403,
          "bob may not delete one: no grant of his names DELETE",
          "DELETE",
          "/orders/42",
          tokens.reader());
    }
    call(401, "carol's session has expired", "GET", "/orders", tokens.expired());
    call(401, "no credential at all", "GET", "/orders", null);
    if (webSocket) {
      text.append(
          "  (Every demo role may $connect, so no call here gets 403. WebSocket APIs do not cache"
              + " authorizer results.)\n");
    } else if (perIdentity) {
      simpleTrap();
    } else if (simple) {
      text.append(
          "  (Simple responses carry no policy. With the cache off, or $context.routeKey among"
              + " the identity sources,\n  each route gets its own answer.)\n");
    } else {
      policyTrap();
    }
    return text.toString();
  }

  private void policyTrap() {
    text.append("\nThe cached-policy trap\n");
    if (settings.cacheTtlSeconds() == 0) {
      text.append(
          "  The cache is off (--cache-ttl 0), so every call runs the authorizer and the trap"
              + " cannot happen here.\n");
      return;
    }
    text.append("  API Gateway keeps the authorizer's answer for ")
        .append(settings.cacheTtlSeconds())
        .append(
            " s under the identity source, and reuses it for\n"
                + "  every route of the API and stage. An authorizer that answers \"Allow exactly"
                + " this methodArn\"\n"
                + "  gets 200 on the first route, then a cached 403 on the next. Portcullis does"
                + " not: its policy\n"
                + "  lists every route bob's role grants here (GET /health, GET /orders,"
                + " GET /orders/*), so both\n"
                + "  calls pass, and run after the calls above both are answered from the policy"
                + " bob's first\n"
                + "  call cached (cache=hit in the log):\n");
    call(200, "bob lists the orders", "GET", "/orders", tokens.reader());
    call(
        200,
        "bob reads another order, from the same cached policy",
        "GET",
        "/orders/7",
        tokens.reader());
    text.append(
            "  To watch the trap, start a naive authorizer beside this one and run the same two"
                + " calls against it:\n    java -jar bootstrap/target/portcullis.jar serve --demo"
                + " --naive --kind ")
        .append(settings.kind().optionName())
        .append(" --port ")
        .append(base.getPort() + 1)
        .append('\n');
  }

  private void naiveTrap() {
    text.append(
        "\nNAIVE mode: each answer is narrowed to \"Allow (or Deny) exactly this methodArn\", as"
            + " many authorizers\ndo. The cached-policy trap, on a fresh start:\n");
    boolean cached = settings.cacheTtlSeconds() > 0 && settings.kind() != ApiKind.WEBSOCKET;
    call(
        200,
        "bob lists the orders; the narrowed policy names GET /orders only"
            + (cached ? ", and is cached" : ""),
        "GET",
        "/orders",
        tokens.reader());
    call(
        cached ? 403 : 200,
        cached
            ? "bob reads an order, which his role grants, but the cached policy does not name it"
            : "bob reads an order: with the cache off the authorizer runs again",
        "GET",
        "/orders/42",
        tokens.reader());
    text.append(
        "  Without --naive, Portcullis answers 200 to both: its policy lists every route the"
            + " roles grant.\n");
  }

  private void simpleTrap() {
    text.append(
        "\nSimple responses and the cache\n"
            + "  API Gateway caches a simple answer for every route called with the same identity"
            + " sources (AWS\n"
            + "  documents it), so bob's isAuthorized:true for GET /orders/42 above now lets him"
            + " delete too:\n");
    call(
        200,
        "bob deletes an order, allowed by the answer cached for another route",
        "DELETE",
        "/orders/42",
        tokens.reader());
    text.append(
        "  Restart with --identity-source '$request.header.Authorization,$context.routeKey' and"
            + " the same call\n  gets 403: the route key then is part of the cache key.\n");
  }

  private void call(int status, String comment, String method, String path, String token) {
    text.append("  # ").append(status).append(": ").append(comment).append('\n');
    text.append("  ").append(curl(method, path, token)).append('\n');
  }

  /** A curl line carrying {@code token} in every identity source; none when it is null. */
  private String curl(String method, String path, String token) {
    StringBuilder line = new StringBuilder("curl -i");
    if (!method.equals("GET")) {
      line.append(" -X ").append(method);
    }
    StringBuilder query = new StringBuilder();
    if (token != null) {
      for (IdentitySource source : settings.identitySources()) {
        if (source.type() == IdentitySource.Type.HEADER) {
          String value =
              source.name().equalsIgnoreCase("Authorization")
                  ? "Bearer " + token
                  : source.name().equalsIgnoreCase("Cookie") ? "session=" + token : token;
          line.append(" -H '").append(source.name()).append(": ").append(value).append('\'');
        } else if (source.type() == IdentitySource.Type.QUERY_STRING) {
          query.append(query.length() == 0 ? '?' : '&').append(source.name()).append('=');
          query.append(token);
        }
      }
    }
    String target = settings.kind() == ApiKind.WEBSOCKET ? "/" : path;
    return line.append(" '").append(base).append(target).append(query).append('\'').toString();
  }
}
