package dev.portcullis.domain.model;

import java.util.Objects;
import java.util.Set;

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

  /** The HTTP methods API Gateway puts in an ARN. */
  public static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

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
    return RouteTargetParser.parse(arn);
  }

  /**
   * True for a WebSocket route key as API Gateway sends it and as grants name it: an optional
   * {@code $}, then 1 to 128 ASCII letters, digits, {@code _ . -}.
   */
  public static boolean isRouteKey(String text) {
    return RouteTargetParser.isRouteKey(text);
  }

  /**
   * True when the route is a WebSocket route key directly after the stage, with no method: {@code
   * …/prod/$connect}. A path that merely ends in a route key, as in {@code
   * …/prod/GET/files/$connect}, is an HTTP route.
   */
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
