package dev.portcullis.domain.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code methodArn} or {@code routeArn}: the API and stage being called, and the route on
 * it, either an HTTP method and path or a WebSocket route key.
 */
public record RouteTarget(
    String partition, String region, String account, String apiId, String stage, Route route) {

  /** API Gateway refuses method ARNs longer than this with 414. */
  public static final int MAX_ARN_LENGTH = 1600;

  private static final Pattern ARN =
      Pattern.compile(
          "arn:(?<partition>aws(?:-[a-z]{1,10}){0,3}):execute-api:(?<region>[a-z]{2}(?:-[a-z]{1,12}){1,3}-[0-9]{1,2})"
              + ":(?<account>[0-9]{12}):(?<apiId>[a-zA-Z0-9]{1,32})/(?<stage>[a-zA-Z0-9_$-]{1,128})"
              + "/(?<rest>.*)",
          Pattern.DOTALL);
  private static final Pattern METHOD = Pattern.compile("GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS");
  private static final Pattern ROUTE_KEY = Pattern.compile("\\$?[a-zA-Z0-9_.-]{1,128}");
  private static final Pattern PATH_CHARS = Pattern.compile("[\\x21-\\x7E&&[^*?]]*");

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
    if (arn.length() > MAX_ARN_LENGTH) {
      throw new MalformedArnException("the ARN is longer than " + MAX_ARN_LENGTH + " characters");
    }
    Matcher m = ARN.matcher(arn);
    if (!m.matches()) {
      throw new MalformedArnException(
          "expected arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/ROUTE");
    }
    String rest = m.group("rest");
    int slash = rest.indexOf('/');
    Route route;
    if (slash < 0) {
      if (!ROUTE_KEY.matcher(rest).matches()) {
        throw new MalformedArnException(
            "the route is neither METHOD/PATH nor a WebSocket route key");
      }
      route = new WebSocketRoute(rest);
    } else {
      String method = rest.substring(0, slash);
      String path = rest.substring(slash);
      if (!METHOD.matcher(method).matches()) {
        throw new MalformedArnException("the HTTP method is not one API Gateway sends");
      }
      if (!PATH_CHARS.matcher(path).matches()) {
        throw new MalformedArnException(
            "the path holds a space, a control character or a wildcard");
      }
      route = new HttpRoute(method, path);
    }
    return new RouteTarget(
        m.group("partition"),
        m.group("region"),
        m.group("account"),
        m.group("apiId"),
        m.group("stage"),
        route);
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
