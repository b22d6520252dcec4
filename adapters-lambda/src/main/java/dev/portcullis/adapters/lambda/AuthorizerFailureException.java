package dev.portcullis.adapters.lambda;

/**
 * The authorizer could not decide: a backend could not answer, or the event was unusable. API
 * Gateway turns it into 500 and caches nothing. The message never holds a token.
 */
public final class AuthorizerFailureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** How every invalid-event message starts. */
  public static final String INVALID_EVENT_PREFIX = "Invalid authorizer event: ";

  private final boolean invalidEvent;
  private final String reason;

  private AuthorizerFailureException(
      String message, Throwable cause, boolean invalidEvent, String reason) {
    super(message, cause);
    this.invalidEvent = invalidEvent;
    this.reason = reason;
  }

  /** The event itself is unusable; {@code reason} says why, without quoting the event. */
  static AuthorizerFailureException invalidEvent(String reason) {
    return new AuthorizerFailureException(INVALID_EVENT_PREFIX + reason, null, true, reason);
  }

  /**
   * The authorizer failed while deciding. {@code cause} must be an exception whose message cannot
   * hold a token (the domain's never do).
   */
  static AuthorizerFailureException failure(String message, Throwable cause, String reason) {
    return new AuthorizerFailureException(message, cause, false, reason);
  }

  /** True when the event was unusable, false when a backend or the authorizer failed. */
  public boolean invalidEvent() {
    return invalidEvent;
  }

  /** A short reason for logs: a code, or for an invalid event the problem found. */
  public String reason() {
    return reason;
  }
}
