package dev.portcullis.adapters.jwt;

import java.io.IOException;

/**
 * A JWKS fetch that the fetcher itself gave up on: the endpoint was too slow, answered an error
 * status, or sent too much. It names the class of its cause for {@link JwksFailures}.
 */
final class JwksFetchException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String causeClass;

  JwksFetchException(String causeClass, String message) {
    super(message);
    this.causeClass = causeClass;
  }

  /** The class of the cause, such as {@code Timeout} or {@code HttpError 503}. */
  String causeClass() {
    return causeClass;
  }
}
