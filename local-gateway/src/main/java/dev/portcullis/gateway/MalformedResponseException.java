package dev.portcullis.gateway;

/**
 * The authorizer answered with a response API Gateway would not accept; API Gateway answers 500 and
 * caches nothing. The message says what is wrong, never what the response held.
 */
public final class MalformedResponseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedResponseException(String reason) {
    super(reason, null, false, false);
  }
}
