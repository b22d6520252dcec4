package dev.portcullis.gateway;

import java.net.URI;

/**
 * What {@code serve} prints when it is ready: what it plays and where. With {@code --demo} the
 * {@link DemoGuide} follows.
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
    line(text, "inspector", base + InspectorHandler.PREFIX + "/ (this machine only)");
    if (perIdentityOnly(settings, simpleResponses)) {
      text.append(
          "  warning: simple responses are cached per identity source, not per route: one"
              + " isAuthorized answers every route. Add $context.routeKey to --identity-source"
              + " to cache per route.\n");
    }
    return text.toString();
  }

  /**
   * Whether one cached simple answer serves every route: simple responses, a cache, and no route
   * key among the identity sources.
   */
  static boolean perIdentityOnly(GatewaySettings settings, boolean simpleResponses) {
    return settings.kind() == ApiKind.HTTP_V2
        && simpleResponses
        && settings.cacheTtlSeconds() > 0
        && settings.identitySources().stream()
            .noneMatch(s -> s.type() == IdentitySource.Type.ROUTE_KEY);
  }

  private static String describe(GatewaySettings settings, boolean simpleResponses) {
    return switch (settings.kind()) {
      case REST_TOKEN -> "REST API, TOKEN authorizer";
      case REST_REQUEST -> "REST API, REQUEST authorizer";
      case HTTP_V1 -> "HTTP API, Lambda authorizer, payload format 1.0";
      case HTTP_V2 ->
          "HTTP API, Lambda authorizer, payload format 2.0, "
              + (simpleResponses ? "simple responses" : "IAM policy responses");
      default -> "WebSocket API, REQUEST authorizer on $connect";
    };
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
