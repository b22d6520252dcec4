package dev.portcullis.domain.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular-expression parser that {@link RouteTarget#parse} replaced, kept as the oracle that
 * the hand-written parser must agree with. Its length and path rules follow the parser's: at most
 * 1600 bytes of UTF-8, and a path of any Unicode text.
 */
final class RegexRouteTargetParser {

  static final Pattern ARN =
      Pattern.compile(
          "arn:(?<partition>aws(?:-[a-z]{1,10}){0,3}):execute-api:(?<region>[a-z]{2}(?:-[a-z]{1,12}){1,3}-[0-9]{1,2})"
              + ":(?<account>[0-9]{12}):(?<apiId>[a-zA-Z0-9]{1,32})/(?<stage>[a-zA-Z0-9_$-]{1,128})"
              + "/(?<rest>.*)",
          Pattern.DOTALL);
  static final Pattern METHOD = Pattern.compile("GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS");
  static final Pattern ROUTE_KEY = Pattern.compile("\\$?[a-zA-Z0-9_.-]{1,128}");

  /** Any text but a lone surrogate: Java's regular expressions read a valid pair as one. */
  static final Pattern PATH_CHARS = Pattern.compile("\\P{Cs}*");

  private RegexRouteTargetParser() {}

  /** UTF-8 length by code point, a lone surrogate (a code point below 0x10000) taking three. */
  private static long utf8Bytes(String text) {
    return text.codePoints()
        .mapToLong(cp -> cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4)
        .sum();
  }

  static RouteTarget parse(String arn) {
    if (arn == null || arn.isEmpty()) {
      throw new MalformedArnException("the ARN is missing");
    }
    if (utf8Bytes(arn) > RouteTarget.MAX_ARN_LENGTH) {
      throw new MalformedArnException(
          "the ARN is longer than " + RouteTarget.MAX_ARN_LENGTH + " bytes");
    }
    Matcher m = ARN.matcher(arn);
    if (!m.matches()) {
      throw new MalformedArnException(
          "expected arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/ROUTE");
    }
    String rest = m.group("rest");
    int slash = rest.indexOf('/');
    RouteTarget.Route route;
    if (slash < 0) {
      if (!ROUTE_KEY.matcher(rest).matches()) {
        throw new MalformedArnException(
            "the route is neither METHOD/PATH nor a WebSocket route key");
      }
      route = new RouteTarget.WebSocketRoute(rest);
    } else {
      String method = rest.substring(0, slash);
      String path = rest.substring(slash);
      if (!METHOD.matcher(method).matches()) {
        throw new MalformedArnException("the HTTP method is not one API Gateway sends");
      }
      if (!PATH_CHARS.matcher(path).matches()) {
        throw new MalformedArnException("the path is not Unicode text (a lone surrogate)");
      }
      route = new RouteTarget.HttpRoute(method, path);
    }
    return new RouteTarget(
        m.group("partition"),
        m.group("region"),
        m.group("account"),
        m.group("apiId"),
        m.group("stage"),
        route);
  }
}
