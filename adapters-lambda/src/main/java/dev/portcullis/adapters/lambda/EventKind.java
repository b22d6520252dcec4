package dev.portcullis.adapters.lambda;

/** The kinds of authorizer event Portcullis answers, each recognised from the event itself. */
public enum EventKind {
  /** A REST API TOKEN authorizer: {@code type} TOKEN. */
  REST_TOKEN("rest-token"),
  /** A REST API REQUEST authorizer: {@code type} REQUEST, no {@code version}. */
  REST_REQUEST("rest-request"),
  /** An HTTP API authorizer with payload format 1.0. */
  HTTP_V1("http-v1"),
  /** An HTTP API authorizer with payload format 2.0: it carries a {@code routeArn}. */
  HTTP_V2("http-v2"),
  /** A WebSocket API REQUEST authorizer on {@code $connect}. */
  WEBSOCKET("websocket");

  private final String logName;

  EventKind(String logName) {
    this.logName = logName;
  }

  /** A stable lower-case name for logs and metrics, such as {@code rest-token}. */
  public String logName() {
    return logName;
  }

  /** True for the kinds that answer with an IAM policy and may carry {@code usageIdentifierKey}. */
  boolean carriesUsageIdentifierKey() {
    return this != HTTP_V2;
  }
}
