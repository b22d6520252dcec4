package dev.portcullis.domain.port.out;

import java.util.Objects;

/**
 * An identity backend could not answer (timeout, throttling, outage). The authorizer then fails
 * with an error, never with a Deny or an Allow.
 *
 * <p>Besides its message, which may run to a few sentences, it carries a {@link #causeSummary()}:
 * one short line that names the class of the cause and where it happened, such as {@code
 * ResourceNotFound: table portcullis-sessions in eu-west-1}, fit for an error message to API
 * Gateway and a field of the decision log. Backends build both from their own names, never from a
 * credential, and never pass on a library's text that could quote one.
 */
public final class BackendUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Longest cause summary kept; a longer one is cut short. */
  public static final int MAX_SUMMARY_LENGTH = 200;

  private final String backend;
  private final String causeSummary;

  /**
   * A failure with a short summary of its cause and a longer description.
   *
   * @param backend the backend's name, such as {@code dynamodb}
   * @param causeSummary the class of the cause and where, in one line: {@code Throttled: table t in
   *     r}
   * @param message what happened, and what to do about it
   * @param cause the failure underneath, or null
   */
  public BackendUnavailableException(
      String backend, String causeSummary, String message, Throwable cause) {
    super("backend '" + backend + "' cannot answer: " + message, cause);
    this.backend = Objects.requireNonNull(backend, "backend");
    this.causeSummary = oneLine(Objects.requireNonNull(causeSummary, "causeSummary"));
  }

  /** A failure whose message is short enough to be its own summary. */
  public BackendUnavailableException(String backend, String message, Throwable cause) {
    this(backend, message, message, cause);
  }

  public String backend() {
    return backend;
  }

  /**
   * The class of the cause and where it happened, in one line of at most {@value
   * #MAX_SUMMARY_LENGTH} characters, such as {@code Timeout: GetItem on table portcullis-sessions
   * in eu-west-1}.
   */
  public String causeSummary() {
    return causeSummary;
  }

  /**
   * The text with every control character made a space and every unpaired surrogate a {@code ?} (so
   * that any JSON writer can carry it), cut at the length bound.
   */
  private static String oneLine(String text) {
    int keep = text.length() > MAX_SUMMARY_LENGTH ? MAX_SUMMARY_LENGTH - 3 : text.length();
    StringBuilder line = new StringBuilder(keep + 3);
    for (int i = 0; i < keep; i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < keep
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        line.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        line.append('?');
      } else {
        line.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return keep < text.length() ? line.append("...").toString() : line.toString();
  }
}
