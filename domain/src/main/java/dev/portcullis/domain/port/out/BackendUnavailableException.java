package dev.portcullis.domain.port.out;

/**
 * An identity backend could not answer (timeout, throttling, outage). The authorizer then fails
 * with an error, never with a Deny or an Allow.
 */
public final class BackendUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String backend;

  public BackendUnavailableException(String backend, String message, Throwable cause) {
    super("backend '" + backend + "' cannot answer: " + message, cause);
    this.backend = backend;
  }

  public String backend() {
    return backend;
  }
}
