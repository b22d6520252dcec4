package dev.portcullis.gateway;

/** The ways the local gateway refuses a request by itself, before or instead of the integration. */
public enum Rejection {
  /** A missing identity source, or the authorizer failed with exactly {@code Unauthorized}. */
  UNAUTHORIZED,
  /** The policy explicitly denies the route. */
  EXPLICIT_DENY,
  /** The policy does not allow the route, or a simple answer said {@code isAuthorized:false}. */
  IMPLICIT_DENY,
  /** The authorizer failed in any other way, or answered in a shape API Gateway refuses. */
  AUTHORIZER_FAILURE,
  /** The request's headers are larger than API Gateway's 10,240-byte quota. */
  HEADERS_TOO_LARGE,
  /** The method ARN is longer than 1,600 bytes. */
  ARN_TOO_LONG,
  /** A method API Gateway does not route, such as TRACE. */
  UNSUPPORTED_METHOD,
  /** A body larger than API Gateway's 10 MB payload quota. */
  PAYLOAD_TOO_LARGE,
  /** The upstream could not be reached or did not answer in time. */
  INTEGRATION_FAILURE
}
