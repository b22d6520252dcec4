package dev.portcullis.domain.model;

import java.util.Objects;

/**
 * A parsed {@code methodArn} or {@code routeArn}: the API and stage being called, and the route on
 * it, either an HTTP method and path or a WebSocket route key.
 */
public record RouteTarget(
    String partition, String region, String account, String apiId, String stage, Route route) {

  /**
   * API Gateway answers 414 rather than send a method ARN longer than this many bytes ("Amazon API
   * Gateway quotas", https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
   */
  public static final int MAX_ARN_LENGTH = 1600;

  private static final String SHAPE =
      "expected arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/ROUTE";

  public RouteTarget {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(apiId, "apiId");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(route, "route");
  }

  /**
   * Parses a REST or HTTP API {@code methodArn}, an HTTP API {@code routeArn}, or a WebSocket
   * {@code methodArn}, in any partition.
   *
   * @throws MalformedArnException with the reason, when the value is not such an ARN
   */
  public static RouteTarget parse(String arn) {
    if (arn == null || arn.isEmpty()) {
      throw new MalformedArnException("the ARN is missing");
    }
    if (arn.length() > MAX_ARN_LENGTH || utf8Length(arn) > MAX_ARN_LENGTH) {
      throw new MalformedArnException("the ARN is longer than " + MAX_ARN_LENGTH + " bytes");
    }
    // Parsed by hand rather than with regular expressions: it runs on every call, and the
    // patterns it replaced (kept as a test oracle in RegexRouteTargetParser) took 0.9 µs per ARN
    // with C2 and 3.8 µs with C1, Lambda's default, plus about 14 ms of cold start for the first
    // Pattern.compile. Each part ends at the first ':' or '/' after it, since none may hold one.
    if (!arn.startsWith("arn:")) {
      throw new MalformedArnException(SHAPE);
    }
    int partitionEnd = arn.indexOf(':', 4);
    if (partitionEnd < 0 || !isPartition(arn, 4, partitionEnd)) {
      throw new MalformedArnException(SHAPE);
    }
    if (!arn.startsWith(":execute-api:", partitionEnd)) {
      throw new MalformedArnException(SHAPE);
    }
    int regionStart = partitionEnd + ":execute-api:".length();
    int regionEnd = arn.indexOf(':', regionStart);
    if (regionEnd < 0 || !isRegion(arn, regionStart, regionEnd)) {
      throw new MalformedArnException(SHAPE);
    }
    int accountStart = regionEnd + 1;
    int accountEnd = accountStart + 12;
    if (accountEnd >= arn.length()
        || arn.charAt(accountEnd) != ':'
        || !allDigits(arn, accountStart, accountEnd)) {
      throw new MalformedArnException(SHAPE);
    }
    int apiIdStart = accountEnd + 1;
    int apiIdEnd = arn.indexOf('/', apiIdStart);
    if (apiIdEnd < 0 || !isApiId(arn, apiIdStart, apiIdEnd)) {
      throw new MalformedArnException(SHAPE);
    }
    int stageStart = apiIdEnd + 1;
    int stageEnd = arn.indexOf('/', stageStart);
    if (stageEnd < 0 || !isStage(arn, stageStart, stageEnd)) {
      throw new MalformedArnException(SHAPE);
    }
    String rest = arn.substring(stageEnd + 1);
    int slash = rest.indexOf('/');
    Route route;
    if (slash < 0) {
      if (!isRouteKey(rest)) {
        throw new MalformedArnException(
            "the route is neither METHOD/PATH nor a WebSocket route key");
      }
      route = new WebSocketRoute(rest);
    } else {
      String method = rest.substring(0, slash);
      String path = rest.substring(slash);
      if (!isMethod(method)) {
        throw new MalformedArnException("the HTTP method is not one API Gateway sends");
      }
      if (!isUnicodeText(path)) {
        throw new MalformedArnException("the path is not Unicode text (a lone surrogate)");
      }
      route = new HttpRoute(method, path);
    }
    return new RouteTarget(
        arn.substring(4, partitionEnd),
        arn.substring(regionStart, regionEnd),
        arn.substring(accountStart, accountEnd),
        arn.substring(apiIdStart, apiIdEnd),
        arn.substring(stageStart, stageEnd),
        route);
  }

  /**
   * True for a WebSocket route key as API Gateway sends it and as grants name it: an optional
   * {@code $}, then 1 to 128 ASCII letters, digits, {@code _ . -}.
   */
  public static boolean isRouteKey(String text) {
    int from = text.startsWith("$") ? 1 : 0;
    int length = text.length() - from;
    if (length < 1 || length > 128) {
      return false;
    }
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isLetterOrDigit(c) && c != '_' && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** {@code aws}, then 0 to 3 groups of {@code -} and 1 to 10 lower-case letters. */
  private static boolean isPartition(String s, int from, int to) {
    if (to - from < 3 || !s.startsWith("aws", from)) {
      return false;
    }
    int groups = 0;
    int i = from + 3;
    while (i < to) {
      if (s.charAt(i) != '-') {
        return false;
      }
      int start = ++i;
      while (i < to && isLower(s.charAt(i))) {
        i++;
      }
      if (i - start < 1 || i - start > 10 || ++groups > 3) {
        return false;
      }
    }
    return true;
  }

  /**
   * Two lower-case letters, 1 to 3 groups of {@code -} and 1 to 12 lower-case letters, then {@code
   * -} and 1 or 2 digits ({@code us-east-1}, {@code us-gov-west-1}).
   */
  private static boolean isRegion(String s, int from, int to) {
    if (to - from < 2 || !isLower(s.charAt(from)) || !isLower(s.charAt(from + 1))) {
      return false;
    }
    int letterGroups = 0;
    int i = from + 2;
    while (true) {
      if (i >= to || s.charAt(i) != '-') {
        return false;
      }
      int start = ++i;
      if (i < to && isDigit(s.charAt(i))) {
        while (i < to && isDigit(s.charAt(i))) {
          i++;
        }
        return i == to && i - start <= 2 && letterGroups >= 1;
      }
      while (i < to && isLower(s.charAt(i))) {
        i++;
      }
      if (i - start < 1 || i - start > 12 || ++letterGroups > 3) {
        return false;
      }
    }
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** 1 to 32 ASCII letters and digits. */
  private static boolean isApiId(String s, int from, int to) {
    if (to - from < 1 || to - from > 32) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isLetterOrDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** 1 to 128 ASCII letters, digits, {@code _ $ -}. */
  private static boolean isStage(String s, int from, int to) {
    if (to - from < 1 || to - from > 128) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isLetterOrDigit(c) && c != '_' && c != '$' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isMethod(String method) {
    switch (method) {
      case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
        return true;
      default:
        return false;
    }
  }

  /**
   * True when the text holds no unpaired surrogate. Every other character is a path character API
   * Gateway may send: the path is the client's, and whatever it holds ({@code * ? % $ :}, spaces)
   * is matched literally by {@code PolicyEvaluator}, never as a wildcard.
   */
  private static boolean isUnicodeText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The length of the text in UTF-8, a lone surrogate counted as the three bytes it would take. */
  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * True when {@code arn} is an execute-api ARN whose route is a WebSocket route key directly after
   * the stage, with no method: {@code …/prod/$connect}. A path that merely ends in a route key, as
   * in {@code …/prod/GET/files/$connect}, is an HTTP route, and anything that does not parse is not
   * a WebSocket route either.
   */
  public static boolean isWebSocketArn(String arn) {
    try {
      return parse(arn).isWebSocket();
    } catch (MalformedArnException e) {
      return false;
    }
  }

  /** True when the route is a WebSocket route key rather than an HTTP method and path. */
  public boolean isWebSocket() {
    return route instanceof WebSocketRoute;
  }

  /** {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/}: every route of this stage. */
  public String stagePrefix() {
    return apiPrefix() + stage + "/";
  }

  /** {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/}: every stage of this API. */
  public String apiPrefix() {
    return "arn:" + partition + ":execute-api:" + region + ":" + account + ":" + apiId + "/";
  }

  /** The ARN this target was parsed from. */
  public String arn() {
    return stagePrefix() + route.resourceSuffix();
  }

  /** The route part of a target. */
  public sealed interface Route {
    /** What follows {@code STAGE/} in the ARN. */
    String resourceSuffix();
  }

  /** A REST or HTTP API route: an HTTP method and the path, starting with {@code /}. */
  public record HttpRoute(String method, String path) implements Route {
    @Override
    public String resourceSuffix() {
      return method + path;
    }
  }

  /** A WebSocket route, such as {@code $connect}. */
  public record WebSocketRoute(String routeKey) implements Route {
    @Override
    public String resourceSuffix() {
      return routeKey;
    }
  }
}
