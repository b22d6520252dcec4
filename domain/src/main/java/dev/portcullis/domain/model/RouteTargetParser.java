package dev.portcullis.domain.model;

import dev.portcullis.domain.text.Unicode;

/**
 * Parses execute-api ARNs into {@link RouteTarget}s. Written by hand rather than as one regular
 * expression, which {@code RegexRouteTargetParser} keeps as the tests' oracle, because it runs on
 * every call, where {@code PolicyBenchmark.parseArn} measures the difference (docs/performance.md,
 * "Why the ARN is parsed by hand").
 */
final class RouteTargetParser {

  private static final String SHAPE =
      "expected arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/ROUTE";

  private RouteTargetParser() {}

  /**
   * The target {@code arn} names.
   *
   * @throws MalformedArnException with the reason, when the value is not such an ARN
   */
  static RouteTarget parse(String arn) {
    if (arn == null || arn.isEmpty()) {
      throw new MalformedArnException("the ARN is missing");
    }
    if (arn.length() > RouteTarget.MAX_ARN_LENGTH
        || Unicode.utf8Length(arn) > RouteTarget.MAX_ARN_LENGTH) {
      throw new MalformedArnException(
          "the ARN is longer than " + RouteTarget.MAX_ARN_LENGTH + " bytes");
    }
    // Each part ends at the first ':' or '/' after it, since none may hold one.
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
    RouteTarget.Route route;
    if (slash < 0) {
      if (!isRouteKey(rest)) {
        throw new MalformedArnException(
            "the route is neither METHOD/PATH nor a WebSocket route key");
      }
      route = new RouteTarget.WebSocketRoute(rest);
    } else {
      String method = rest.substring(0, slash);
      String path = rest.substring(slash);
      if (!RouteTarget.METHODS.contains(method)) {
        throw new MalformedArnException("the HTTP method is not one API Gateway sends");
      }
      if (!Unicode.isWellFormed(path)) {
        throw new MalformedArnException("the path is not Unicode text (a lone surrogate)");
      }
      route = new RouteTarget.HttpRoute(method, path);
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
  static boolean isRouteKey(String text) {
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

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
