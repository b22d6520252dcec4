package dev.portcullis.bootstrap.serve;

import java.net.URI;

/**
 * What {@code serve} prints when it is ready: what it plays, and with {@code --demo},
 * ready-to-paste {@code curl} lines for 200, 401 and 403 and the cached-policy trap. Each line's
 * comment states the status it gets on a fresh start, in the order printed (a test runs them all).
 */
public final class Banner {

  private Banner() {}

  /** The summary of what is listening where. */
  public static String summary(GatewaySettings settings, URI base, boolean simpleResponses) {
    StringBuilder text = new StringBuilder();
    text.append("Portcullis local API Gateway on ").append(base).append('\n');
    line(
        text,
        "kind",
        settings.kind().optionName() + " (" + describe(settings, simpleResponses) + ")");
    ApiCoordinates api = settings.api();
    line(
        text,
        "API",
        api.apiId()
            + ", stage "
            + api.stage()
            + ", account "
            + api.account()
            + ", region "
            + api.region());
    line(text, "identity source", identitySources(settings));
    line(
        text,
        "authorizer cache",
        settings.cacheTtlSeconds() == 0 ? "off" : settings.cacheTtlSeconds() + " s");
    line(
        text, "integration", settings.upstream().map(u -> "upstream " + u).orElse("built-in echo"));
    line(text, "access log", "standard error, one line per request");
    if (perIdentityOnly(settings, simpleResponses)) {
      text.append(
          "  warning: simple responses are cached per identity source, not per route: one"
              + " isAuthorized answers every route. Add $context.routeKey to --identity-source"
              + " to cache per route.\n");
    }
    return text.toString();
  }

  /** The demo's guide: the demo sessions, then {@code curl} lines with the status each gets. */
  public static String demoGuide(GatewaySettings settings, URI base, boolean simpleResponses) {
    StringBuilder text = new StringBuilder();
    text.append(
        "\nDemo world (shipped with the jar; demo tokens only, never use them anywhere real):\n");
    text.append("  alice  admin   every route, $connect                 ")
        .append(DemoWorld.ADMIN_TOKEN)
        .append('\n');
    text.append("  bob    reader  GET /orders, GET /orders/*, $connect  ")
        .append(DemoWorld.READER_TOKEN)
        .append('\n');
    text.append("  carol  reader  session expired in 2020               ")
        .append(DemoWorld.EXPIRED_TOKEN)
        .append('\n');
    text.append("  anyone signed in may also call GET /health.\n");
    if (settings.naive()) {
      naiveTrap(text, settings, base);
      return text.toString();
    }
    boolean webSocket = settings.kind() == ApiKind.WEBSOCKET;
    boolean simple = settings.kind() == ApiKind.HTTP_V2 && simpleResponses;
    boolean perIdentity = perIdentityOnly(settings, simpleResponses);
    text.append("\nTry it, in this order, on a fresh start:\n");
    call(
        text,
        settings,
        base,
        200,
        "alice (admin) may delete an order",
        "DELETE",
        "/orders/42",
        DemoWorld.ADMIN_TOKEN);
    call(
        text,
        settings,
        base,
        200,
        "bob (reader) may read one",
        "GET",
        "/orders/42",
        DemoWorld.READER_TOKEN);
    if (!webSocket && !perIdentity) {
      call(
          text,
          settings,
          base,
          403,
          "bob may not delete one: no grant of his names DELETE",
          "DELETE",
          "/orders/42",
          DemoWorld.READER_TOKEN);
    }
    call(
        text,
        settings,
        base,
        401,
        "carol's session has expired",
        "GET",
        "/orders",
        DemoWorld.EXPIRED_TOKEN);
    call(text, settings, base, 401, "no credential at all", "GET", "/orders", null);
    if (webSocket) {
      text.append(
          "  (Every demo role may $connect, so no call here gets 403. WebSocket APIs do not cache"
              + " authorizer results.)\n");
    } else if (perIdentity) {
      simpleTrap(text, settings, base);
    } else if (simple) {
      text.append(
          "  (Simple responses carry no policy. With the cache off, or $context.routeKey among"
              + " the identity sources,\n  each route gets its own answer.)\n");
    } else {
      policyTrap(text, settings, base);
    }
    return text.toString();
  }

  private static void policyTrap(StringBuilder text, GatewaySettings settings, URI base) {
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
    call(
        text,
        settings,
        base,
        200,
        "bob lists the orders",
        "GET",
        "/orders",
        DemoWorld.READER_TOKEN);
    call(
        text,
        settings,
        base,
        200,
        "bob reads another order, from the same cached policy",
        "GET",
        "/orders/7",
        DemoWorld.READER_TOKEN);
    text.append(
            "  To watch the trap, start a naive authorizer beside this one and run the same two"
                + " calls against it:\n    java -jar bootstrap/target/portcullis.jar serve --demo"
                + " --naive --kind ")
        .append(settings.kind().optionName())
        .append(" --port ")
        .append(base.getPort() + 1)
        .append('\n');
  }

  private static void naiveTrap(StringBuilder text, GatewaySettings settings, URI base) {
    text.append(
        "\nNAIVE mode: each answer is narrowed to \"Allow (or Deny) exactly this methodArn\", as"
            + " many authorizers\ndo. The cached-policy trap, on a fresh start:\n");
    boolean cached = settings.cacheTtlSeconds() > 0 && settings.kind() != ApiKind.WEBSOCKET;
    call(
        text,
        settings,
        base,
        200,
        "bob lists the orders; the narrowed policy names GET /orders only"
            + (cached ? ", and is cached" : ""),
        "GET",
        "/orders",
        DemoWorld.READER_TOKEN);
    call(
        text,
        settings,
        base,
        cached ? 403 : 200,
        cached
            ? "bob reads an order, which his role grants, but the cached policy does not name it"
            : "bob reads an order: with the cache off the authorizer runs again",
        "GET",
        "/orders/42",
        DemoWorld.READER_TOKEN);
    text.append(
        "  Without --naive, Portcullis answers 200 to both: its policy lists every route the"
            + " roles grant.\n");
  }

  private static void simpleTrap(StringBuilder text, GatewaySettings settings, URI base) {
    text.append(
        "\nSimple responses and the cache\n"
            + "  API Gateway caches a simple answer for every route called with the same identity"
            + " sources (AWS\n"
            + "  documents it), so bob's isAuthorized:true for GET /orders/42 above now lets him"
            + " delete too:\n");
    call(
        text,
        settings,
        base,
        200,
        "bob deletes an order, allowed by the answer cached for another route",
        "DELETE",
        "/orders/42",
        DemoWorld.READER_TOKEN);
    text.append(
        "  Restart with --identity-source '$request.header.Authorization,$context.routeKey' and"
            + " the same call\n  gets 403: the route key then is part of the cache key.\n");
  }

  private static void call(
      StringBuilder text,
      GatewaySettings settings,
      URI base,
      int status,
      String comment,
      String method,
      String path,
      String token) {
    text.append("  # ").append(status).append(": ").append(comment).append('\n');
    text.append("  ").append(curl(settings, base, method, path, token)).append('\n');
  }

  /** A curl line carrying {@code token} in every identity source; none when it is null. */
  static String curl(GatewaySettings settings, URI base, String method, String path, String token) {
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

  private static boolean perIdentityOnly(GatewaySettings settings, boolean simpleResponses) {
    return settings.kind() == ApiKind.HTTP_V2
        && simpleResponses
        && settings.cacheTtlSeconds() > 0
        && settings.identitySources().stream()
            .noneMatch(s -> s.type() == IdentitySource.Type.ROUTE_KEY);
  }

  private static String describe(GatewaySettings settings, boolean simpleResponses) {
    switch (settings.kind()) {
      case REST_TOKEN:
        return "REST API, TOKEN authorizer";
      case REST_REQUEST:
        return "REST API, REQUEST authorizer";
      case HTTP_V1:
        return "HTTP API, Lambda authorizer, payload format 1.0";
      case HTTP_V2:
        return "HTTP API, Lambda authorizer, payload format 2.0, "
            + (simpleResponses ? "simple responses" : "IAM policy responses");
      default:
        return "WebSocket API, REQUEST authorizer on $connect";
    }
  }

  private static String identitySources(GatewaySettings settings) {
    if (settings.identitySources().isEmpty()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    for (IdentitySource source : settings.identitySources()) {
      text.append(text.length() == 0 ? "" : ", ").append(source.expression());
    }
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format("  %-17s %s%n", label + ":", value));
  }
}
