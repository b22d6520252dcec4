package dev.portcullis.adapters.lambda;

/** What one authorizer call came to, for logs and metrics. */
public enum Outcome {
  /** The caller may invoke the route called now. */
  ALLOW("allow"),
  /** The caller is known, and the policy written does not allow the route called now. */
  DENY("deny"),
  /** The caller is not known: the adapter threw {@link UnauthorizedException}. */
  UNAUTHENTICATED("unauthenticated"),
  /** A backend or the adapter failed: the adapter threw {@link AuthorizerFailureException}. */
  ERROR("error"),
  /** The event itself was unusable: the adapter threw {@link AuthorizerFailureException}. */
  INVALID_EVENT("invalid_event");

  private final String logName;

  Outcome(String logName) {
    this.logName = logName;
  }

  /** The stable lower-case name that logs and metrics carry, such as {@code invalid_event}. */
  public String logName() {
    return logName;
  }
}
