package dev.portcullis.adapters.lambda;

import dev.portcullis.domain.model.MalformedArnException;
import dev.portcullis.domain.model.RouteTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one authorizer event that Portcullis reads, gathered by {@link EventReader} in one
 * pass: the kind markers, the ARN, and the credential candidates of each configured token source.
 */
final class AuthorizerEvent {

  static final byte ABSENT = 0;
  static final byte PRESENT = 1;
  static final byte CONFLICTING = 2;

  String type;
  String version;
  String methodArn;
  String routeArn;
  String contextEventType;
  String contextRouteKey;
  String authorizationToken;

  /** Raw {@code Cookie} header values and HTTP API 2.0 {@code cookies} items, when wanted. */
  final List<String> cookieStrings = new ArrayList<>(2);

  // One slot per configured token source, by its index in the configured list: the value seen,
  // whether it was seen, and whether a different value was seen too.
  private final String[] values;
  private final byte[] states;

  // The last ARN parsed, and what parsing it gave.
  private String parsedArn;
  private RouteTarget parsedTarget;
  private MalformedArnException parseFailure;

  AuthorizerEvent(int sourceCount) {
    this.values = new String[sourceCount];
    this.states = new byte[sourceCount];
  }

  /**
   * Records a value found for source {@code index}; a second, different value makes it ambiguous.
   */
  void offer(int index, String value) {
    if (states[index] == ABSENT) {
      values[index] = value;
      states[index] = PRESENT;
    } else if (states[index] == PRESENT && !values[index].equals(value)) {
      states[index] = CONFLICTING;
    }
  }

  byte state(int index) {
    return states[index];
  }

  String value(int index) {
    return values[index];
  }

  /**
   * Recognises the kind by the event's shape: {@code type} TOKEN; else {@code version} 2.0 or 1.0;
   * else WebSocket when {@code requestContext} says so ({@code eventType} CONNECT, or its {@code
   * routeKey} {@code $connect}) or when the {@code methodArn}'s route is a route key directly after
   * the stage, with no method ({@link RouteTarget#isWebSocket}'s judgement); else a REST REQUEST
   * event. A REST path that merely ends in {@code /$connect} is the client's, and stays REST.
   */
  EventKind kind() {
    if (type == null) {
      throw AuthorizerFailureException.invalidEvent("the event has no type");
    }
    if (type.equals("TOKEN")) {
      return EventKind.REST_TOKEN;
    }
    if (!type.equals("REQUEST")) {
      throw AuthorizerFailureException.invalidEvent("the type is neither TOKEN nor REQUEST");
    }
    if (version != null) {
      if (version.equals("2.0")) {
        return EventKind.HTTP_V2;
      }
      if (version.equals("1.0")) {
        return EventKind.HTTP_V1;
      }
      throw AuthorizerFailureException.invalidEvent("the version is neither 1.0 nor 2.0");
    }
    if ("CONNECT".equals(contextEventType)
        || "$connect".equals(contextRouteKey)
        || namesWebSocketRoute(methodArn)) {
      return EventKind.WEBSOCKET;
    }
    return EventKind.REST_REQUEST;
  }

  /**
   * The route called: the {@code routeArn} of an HTTP API 2.0 event, the {@code methodArn} of any
   * other. A WebSocket event must name a route key and a REST event an HTTP route; an HTTP API
   * event may name either, and gets the same policy whichever it names.
   */
  RouteTarget target(EventKind kind) {
    boolean v2 = kind == EventKind.HTTP_V2;
    String field = v2 ? "routeArn" : "methodArn";
    String arn = v2 ? routeArn : methodArn;
    if (arn == null) {
      throw AuthorizerFailureException.invalidEvent("the " + field + " is missing");
    }
    RouteTarget target = parsed(arn);
    if (target == null) {
      // The domain's message says what is wrong without quoting the ARN.
      throw AuthorizerFailureException.invalidEvent(
          "the " + field + " is a " + parseFailure.getMessage());
    }
    boolean routeKey = target.isWebSocket();
    if (kind == EventKind.WEBSOCKET && !routeKey) {
      throw AuthorizerFailureException.invalidEvent(
          "the methodArn of a WebSocket event names an HTTP route");
    }
    if ((kind == EventKind.REST_TOKEN || kind == EventKind.REST_REQUEST) && routeKey) {
      throw AuthorizerFailureException.invalidEvent(
          "the methodArn of a " + kind.logName() + " event names a route key, not METHOD/PATH");
    }
    return target;
  }

  /** True when the ARN parses and its route is a route key directly after the stage. */
  private boolean namesWebSocketRoute(String arn) {
    if (arn == null) {
      return false;
    }
    RouteTarget target = parsed(arn);
    return target != null && target.isWebSocket();
  }

  /**
   * The ARN parsed, or null when it does not parse ({@link #parseFailure} then says why). Parsed
   * once per event, though {@link #kind} and {@link #target} both look at it.
   */
  private RouteTarget parsed(String arn) {
    if (!arn.equals(parsedArn)) {
      parsedArn = arn;
      try {
        parsedTarget = RouteTarget.parse(arn);
        parseFailure = null;
      } catch (MalformedArnException e) {
        parsedTarget = null;
        parseFailure = e;
      }
    }
    return parsedTarget;
  }
}
