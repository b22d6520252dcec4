package dev.portcullis.adapters.lambda;

/**
 * The caller is not authenticated. Its message is exactly {@code Unauthorized}, which API Gateway
 * turns into 401. It carries no stack trace and no cause, so it can never carry a token.
 */
public final class UnauthorizedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The message API Gateway recognises; any other text gives 500. */
  public static final String MESSAGE = "Unauthorized";

  private final String reason;

  UnauthorizedException(String reason) {
    super(MESSAGE, null, false, false);
    this.reason = reason;
  }

  /** Why the caller was refused, as a short code such as {@code not_found}. Never secret. */
  public String reason() {
    return reason;
  }
}
