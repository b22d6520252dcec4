package dev.portcullis.gateway;

import java.util.Objects;

/**
 * The route a request calls, as the authorizer sees it: its ARN ({@code methodArn} or {@code
 * routeArn}) and its route key ({@code GET /orders}, or {@code $connect} on a WebSocket API). The
 * local gateway behaves as an API that declares one route for every method and path called.
 */
public record RouteCall(String arn, String routeKey) {

  /** API Gateway answers 414 when a method ARN with authorization is longer than this. */
  public static final int MAX_ARN_BYTES = 1600;

  public RouteCall {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(routeKey, "routeKey");
  }

  /** The route that {@code request} calls on {@code api}, for {@code kind}. */
  public static RouteCall of(ApiKind kind, ApiCoordinates api, IncomingRequest request) {
    if (kind == ApiKind.WEBSOCKET) {
      return new RouteCall(api.routeKeyArn("$connect"), "$connect");
    }
    return new RouteCall(
        api.routeArn(request.method(), request.rawPath()),
        request.method() + " " + request.rawPath());
  }
}
