package dev.portcullis.domain.model;

/** A {@code methodArn} or {@code routeArn} that is not an execute-api ARN; the message says why. */
public final class MalformedArnException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public MalformedArnException(String reason) {
    super("malformed execute-api ARN: " + reason);
  }
}
