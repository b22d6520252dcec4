package dev.portcullis.adapters.dynamodb;

/**
 * A row of the session table that is not a well-formed session item: the store reports it as a
 * backend failure, never as a missing session.
 */
final class MalformedItemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedItemException(String message) {
    super(message);
  }

  MalformedItemException(String message, Throwable cause) {
    super(message, cause);
  }
}
